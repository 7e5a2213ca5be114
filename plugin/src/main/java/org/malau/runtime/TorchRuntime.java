package org.malau.runtime;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.pytorch.global.torch;

/**
 * Loads LibTorch's native libraries once, from the engine's own class loader (as {@link NativeRuntime}
 * does for ND4J and OpenCV), and applies the speed settings that TOOLCHAIN.md measured, from code:
 * KNIME starts the JVM, so nothing can rely on environment variables set before it starts.
 * <ul>
 * <li>LibTorch's intra-op threads = the processors this JVM may use (LibTorch otherwise started with
 * one thread here).</li>
 * <li>OpenBLAS, which LibTorch calls for its matrix products, on one thread: its own threads and
 * LibTorch's OpenMP threads otherwise fight over the cores (about 3x slower on 2 cores).</li>
 * <li>On Linux, OpenMP threads wait passively and glibc's allocator keeps freed memory
 * ({@link ProcessTuning}).</li>
 * </ul>
 * When the natives cannot load (no fragment for this platform, a broken download, an old glibc),
 * {@link #unavailableReason()} says why in one line, so that callers can fall back to DL4J.
 */
public final class TorchRuntime {
    private static volatile boolean loaded;
    private static volatile String failure;

    private TorchRuntime() {
    }

    /**
     * Loads and tunes LibTorch once.
     *
     * @throws IllegalStateException with {@link #unavailableReason()} when it cannot load here
     */
    public static void ensureLoaded() {
        String why = unavailableReason();
        if (why != null) {
            throw new IllegalStateException("LibTorch is not available: " + why);
        }
    }

    /** Null when LibTorch loads on this machine, else why not (one line, no stack trace). */
    public static String unavailableReason() {
        if (loaded || failure != null) {
            return failure;
        }
        synchronized (TorchRuntime.class) {
            if (!loaded && failure == null) {
                try {
                    ProcessTuning.beforeNativeLibraries();
                    NativeRuntime.withEngineClassLoader(() -> Loader.load(torch.class));
                    tuneThreads();
                    loaded = true;
                } catch (Throwable e) {
                    failure = describe(e);
                }
            }
        }
        return failure;
    }

    /** The LibTorch version the engine runs on, e.g. {@code 2.1.2}. */
    public static String version() {
        return torch.TORCH_VERSION;
    }

    /** Intra-op threads LibTorch uses after loading. */
    public static int threads() {
        ensureLoaded();
        return torch.get_num_threads();
    }

    /**
     * Sets LibTorch's intra-op threads for the whole process (LibTorch hands the number to each thread on its first
     * parallel operation). For hosts that run several predictions side by side, e.g. a Spark executor whose task
     * slots each predict on their own network copy: each should use its share of the cores, not all of them.
     *
     * @throws IllegalStateException when LibTorch cannot load here
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("LibTorch threads must be at least 1, was " + threads);
        }
        ensureLoaded();
        torch.set_num_threads(threads);
    }

    private static void tuneThreads() {
        torch.set_num_threads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        NativeRuntime.withEngineClassLoader(() -> Loader.load(openblas_nolapack.class));
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "its native libraries for " + Loader.getPlatform() + " could not be loaded ("
            + message.lines().findFirst().orElse(message).trim() + ")";
    }
}
