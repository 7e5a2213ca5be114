package org.malau.runtime;

import com.sun.jna.Function;

/**
 * Settings of the process that the native libraries read, applied from code before the first of them
 * loads, because KNIME starts the JVM and no environment variable of ours can be set before it.
 * Linux only (glibc and GNU OpenMP); elsewhere nothing is changed. C functions are called through
 * JNA, which ND4J already brings.
 * <ul>
 * <li>{@code OMP_WAIT_POLICY=PASSIVE} for GNU OpenMP (used by LibTorch and ND4J), unless the user
 * set it: by default an OpenMP thread that waits at a barrier spins on its core. When anything else
 * runs on the machine (another KNIME node, a second process), the spinning threads and the busy ones
 * take turns on 2 cores; bench/RESULTS.md measured LibTorch prediction falling to a tenth of its
 * speed that way, and passive waiting keeping it.</li>
 * <li>glibc's allocator keeps freed blocks up to 32 MiB in the heap and does not trim it: otherwise
 * every training step's activation buffers of a few MiB are fresh mmap'd pages (page faults; see
 * {@link TorchRuntime}).</li>
 * <li>glibc's top pad of 64 MiB: a thread's malloc arena other than the main one grows in heaps of at most
 * 64 MiB, and glibc (2.36 here, and older ones) unmaps such a heap as soon as it is entirely free, whatever the
 * trim threshold: only the top pad (128 KiB by default) holds it back. A training iteration needs more than one
 * heap, so in the arena that held its activations a heap was unmapped and mapped again every iteration: which
 * arena that is depends on which JVM thread made it, so a process ran either normally or 2-4 times slower with
 * five times the page faults, decided at start (bench/RESULTS.md). A pad of one heap keeps heaps mapped; the pad
 * is also what each growth of the heap asks the system for in advance, which reserves address space, not
 * memory.</li>
 * </ul>
 * Each setting can be turned off with a system property for comparison:
 * {@code -Dmalau.tuning.openmp=false}, {@code -Dmalau.tuning.malloc=false}.
 */
public final class ProcessTuning {
    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit systems. */
    private static final int HEAP_BLOCKS_UP_TO = 32 << 20;
    /** Free memory at the heap's top that glibc keeps instead of returning it to the system. */
    private static final int KEEP_FREE = 512 << 20;
    /** glibc's HEAP_MAX_SIZE on 64-bit systems: the size of one heap of a thread's arena. */
    private static final int ONE_ARENA_HEAP = 64 << 20;

    private static boolean done;
    private static String applied = "nothing (not run yet)";

    private ProcessTuning() {
    }

    /** Applies the settings once; harmless when called again or too late (then the defaults stay). */
    public static synchronized void beforeNativeLibraries() {
        if (done) {
            return;
        }
        done = true;
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            applied = "nothing (not Linux)";
            return;
        }
        StringBuilder what = new StringBuilder();
        try {
            if (!"false".equals(System.getProperty("malau.tuning.openmp"))) {
                if (System.getenv("OMP_WAIT_POLICY") == null) {
                    Function.getFunction("c", "setenv").invokeInt(new Object[] {"OMP_WAIT_POLICY", "PASSIVE", 0});
                    what.append("OMP_WAIT_POLICY=PASSIVE");
                } else {
                    what.append("OMP_WAIT_POLICY=").append(System.getenv("OMP_WAIT_POLICY")).append(" (the user's)");
                }
            }
            if (!"false".equals(System.getProperty("malau.tuning.malloc"))) {
                Function mallopt = Function.getFunction("c", "mallopt");
                boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, HEAP_BLOCKS_UP_TO}) == 1;
                ok &= mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, KEEP_FREE}) == 1;
                ok &= mallopt.invokeInt(new Object[] {M_TOP_PAD, ONE_ARENA_HEAP}) == 1;
                what.append(what.length() > 0 ? ", " : "")
                    .append(ok ? "malloc keeps blocks up to 32 MiB and its arenas' heaps mapped" : "mallopt refused");
            }
            applied = what.length() == 0 ? "nothing (turned off)" : what.toString();
        } catch (RuntimeException | LinkageError e) {
            applied = "nothing (" + e.getMessage() + ")";
        }
    }

    /** What {@link #beforeNativeLibraries} changed, for self-checks and benchmarks. */
    public static synchronized String applied() {
        return applied;
    }
}
