package org.malau.runtime;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.openblas.presets.openblas_nolapack.MklDomainSetNumThreads;
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
 * <li>On Linux, glibc's allocator keeps freed memory instead of returning each large block to the
 * system (see {@link #tuneAllocator}).</li>
 * </ul>
 * When the natives cannot load (no fragment for this platform, a broken download, an old glibc),
 * {@link #unavailableReason()} says why in one line, so that callers can fall back to DL4J.
 */
public final class TorchRuntime {
    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    /**
     * Blocks up to this size come from the heap and stay there when freed (see {@link #tuneAllocator});
     * 32 MiB is the largest mmap threshold glibc accepts on 64-bit systems.
     */
    private static final int HEAP_BLOCKS_UP_TO = 32 << 20;
    /** Free memory at the heap's top that glibc keeps instead of returning it to the system. */
    private static final int KEEP_FREE = 512 << 20;

    private static volatile boolean loaded;
    private static volatile String failure;
    private static volatile boolean allocatorTuned;

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

    /** Whether {@link #tuneAllocator} changed glibc's settings in this JVM. */
    public static boolean allocatorTuned() {
        return allocatorTuned;
    }

    private static void tuneThreads() {
        torch.set_num_threads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        NativeRuntime.withEngineClassLoader(() -> Loader.load(openblas_nolapack.class));
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    }

    /**
     * glibc hands out blocks above its mmap threshold (128 KiB at first, raised dynamically up to
     * 32 MiB) by mmap and returns them to the system when freed, and trims the heap's top whenever
     * more than the trim threshold is free. A training step allocates and frees activation buffers
     * of a few MiB each, so each step paid for fresh zeroed pages: millions of page faults per run in
     * TOOLCHAIN.md's measurement. Raising both thresholds and using one arena keeps those blocks in
     * the heap for reuse. Linux with glibc only; a no-op elsewhere. Called once, by the first LibTorch
     * network; bench/EngineBench measures it (set -Dmalau.torch.mallopt=false to compare).
     * <p>
     * JavaCPP has no binding for mallopt, so it is called through a JavaCPP function pointer of the
     * same C signature, {@code int (int, int)}: such an object is a native struct whose first field is
     * the C function's address, so a two-word block holding mallopt's address (and a null Java
     * object) stands in for one.
     */
    public static synchronized void tuneAllocator() {
        if (allocatorTuned || !"true".equals(System.getProperty("malau.torch.mallopt", "true"))
            || !Loader.getPlatform().startsWith("linux")) {
            return;
        }
        Pointer mallopt = Loader.addressof("mallopt");
        if (mallopt == null || mallopt.isNull()) {
            return;
        }
        LongPointer holder = new LongPointer(mallopt.address(), 0L);
        MklDomainSetNumThreads call = new MklDomainSetNumThreads(holder);
        boolean ok = call.call(M_MMAP_THRESHOLD, HEAP_BLOCKS_UP_TO) == 1;
        ok &= call.call(M_TRIM_THRESHOLD, KEEP_FREE) == 1;
        ok &= call.call(M_ARENA_MAX, 1) == 1;
        holder.close();
        allocatorTuned = ok;
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
