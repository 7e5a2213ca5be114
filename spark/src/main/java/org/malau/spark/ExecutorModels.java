package org.malau.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bytedeco.opencv.global.opencv_core;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.NetworkEngines;
import org.malau.runtime.TorchRuntime;

/**
 * The model in an executor JVM: its bytes (from the broadcast) are parsed and checked once per JVM, keyed by their
 * SHA-256, and every task slot predicts on its own copy of the network ({@link MalModel#predict} is synchronised,
 * so one shared network would let only one task predict at a time). Also sets the executor's native thread counts,
 * once: each task gets its share of the cores ({@code spark.task.cpus}) for LibTorch and OpenCV, because the
 * executor already runs one task per core; LibTorch's default (all cores for every task) would put
 * cores x cores threads on the cores.
 */
final class ExecutorModels {
    private static final Map<String, MalModel> PARSED = new ConcurrentHashMap<>();
    private static volatile int threadsSet;

    private ExecutorModels() {
    }

    /** Sets LibTorch's and OpenCV's threads per task, the first time only (process-wide settings). */
    static synchronized void tuneThreads(int threads) {
        if (threadsSet == 0) {
            TorchRuntime.setThreads(threads);
            opencv_core.setNumThreads(threads);
            threadsSet = threads;
        }
    }

    /** A network copy of the model {@code digest} for this task alone; give it back with {@link #giveBack}. */
    static MalModel borrow(String digest, String source, byte[] bytes, JobTimes times) {
        MalModel base = PARSED.computeIfAbsent(digest, d -> {
            try {
                // LibTorch only: the application jar carries no DL4J, so no fallback is wanted.
                return ModelFile.read(bytes, source, NetworkEngines.LIBTORCH, w -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ExecutorPool.borrow("model:" + digest, () -> {
            times.networkMade();
            return copy(base);
        });
    }

    static void giveBack(String digest, MalModel m) {
        ExecutorPool.giveBack("model:" + digest, m);
    }

    /** The same network again, without the meta net (prediction does not use it). */
    private static MalModel copy(MalModel base) {
        return new MalModel(base.header(), NetworkEngines.byName(NetworkEngines.LIBTORCH).load(base.parameters()), null);
    }
}
