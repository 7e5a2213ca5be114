package org.malau.face;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.bytedeco.opencv.global.opencv_core;

/**
 * Runs a batch on several threads, one {@link FaceAligner} per thread, and hands results to the
 * caller's sink in input order on the calling thread.
 *
 * <p>While it runs, OpenCV's own worker pool is set to one thread (a process-wide setting, restored
 * afterwards): on few cores, one image per thread beats OpenCV splitting each image across threads,
 * whose workers would otherwise compete with ours.
 */
public final class ParallelBatch {
    private ParallelBatch() {
    }

    /**
     * Aligns {@code items} with {@code threads} workers. At most a few images per worker are in
     * flight, so memory stays bounded for any batch length.
     *
     * @throws IllegalArgumentException naming the model file if the DNN detector cannot be loaded
     * @throws InterruptedException     if the calling thread is interrupted while waiting
     */
    public static BatchResult run(AlignOptions options, List<BatchItem> items, int threads, Consumer<ImageAlignment> sink)
        throws InterruptedException {
        if (threads <= 1) {
            try (FaceAligner aligner = new FaceAligner(options)) {
                return aligner.alignBatch(items, sink);
            }
        }
        if (items.stream().anyMatch(i -> i.landmarks().isEmpty())) {
            // Fail on a bad model path here, once, rather than as one UNREADABLE row per image.
            try (FaceAligner probe = new FaceAligner(options)) {
                probe.prepareDetector();
            }
        }
        List<FaceAligner> aligners = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<FaceAligner> local = ThreadLocal.withInitial(() -> {
            FaceAligner a = new FaceAligner(options);
            aligners.add(a);
            return a;
        });
        int savedThreads = opencv_core.getNumThreads();
        opencv_core.setNumThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        BatchResult result = new BatchResult();
        try {
            Deque<Future<ImageAlignment>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < items.size() || !inFlight.isEmpty()) {
                while (next < items.size() && inFlight.size() < 4 * threads) {
                    BatchItem item = items.get(next++);
                    inFlight.add(pool.submit(() -> local.get().alignOne(item)));
                }
                ImageAlignment a = get(inFlight.removeFirst());
                result.add(a);
                sink.accept(a);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            opencv_core.setNumThreads(savedThreads);
            synchronized (aligners) {
                aligners.forEach(FaceAligner::close);
            }
        }
        return result;
    }

    private static ImageAlignment get(Future<ImageAlignment> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // alignOne already turns every image problem into a status; anything else is a bug.
            throw new IllegalStateException("face alignment worker failed", e.getCause());
        }
    }
}
