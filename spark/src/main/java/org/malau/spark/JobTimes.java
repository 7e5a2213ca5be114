package org.malau.spark;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Where a job's time goes on the executors: wall and CPU time of each phase of {@link FacePartition}, summed over
 * all tasks through Spark accumulators, plus what the tasks spent outside these phases (Spark's shuffle read, the
 * Parquet writer). Printed by the job after its summary line, so that a slow or badly scaling run says why (README
 * "Running on Apache Spark", bench/ SparkScaleBench). Accumulators of a retried task count twice: the figures
 * describe the work done, not the output.
 */
final class JobTimes implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The phases of a task, in the order they are printed. */
    enum Phase {
        /** Loading LibTorch's natives (once per executor JVM) and setting the threads per task. */
        NATIVES("natives"),
        /** Borrowing the executor's network copy (parsing the model and making the copy the first time). */
        MODEL("model"),
        /** Borrowing the executor's aligner (making it, with its detectors and landmark network, the first time). */
        ALIGNER("aligner"),
        /** Taking the next input row from Spark (the image's path). */
        INPUT("input"),
        /** Reading the image files (Hadoop file system). */
        READ("read"),
        /** predict: decoding the crops to network input. */
        DECODE("decode"),
        /** align+predict: decoding, detecting, locating the eyes, warping (the aligner's whole work). */
        ALIGN("align"),
        /** align+predict: the aligned crops to network input. */
        CROP("crop"),
        /** The network's forward passes. */
        PREDICT("predict"),
        /** Output rows made from the predictions. */
        ROWS("rows");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        // Time a task's thread spends blocked on Java monitors (a synchronized method shared by the task slots would
        // show here): the JVM counts it only when asked to, at a small cost per contended lock.
        if (THREADS.isThreadContentionMonitoringSupported()) {
            THREADS.setThreadContentionMonitoringEnabled(true);
        }
    }

    private final LongAccumulator[] wall = new LongAccumulator[Phase.values().length];
    private final LongAccumulator[] cpu = new LongAccumulator[Phase.values().length];
    private final LongAccumulator taskWall;
    private final LongAccumulator taskCpu;
    private final LongAccumulator taskBlocked;
    private final LongAccumulator tasks;
    private final LongAccumulator networksMade;
    private final LongAccumulator alignersMade;

    JobTimes(SparkContext sc) {
        for (Phase p : Phase.values()) {
            wall[p.ordinal()] = sc.longAccumulator("malau " + p.label + " wall ns");
            cpu[p.ordinal()] = sc.longAccumulator("malau " + p.label + " cpu ns");
        }
        taskWall = sc.longAccumulator("malau task wall ns");
        taskCpu = sc.longAccumulator("malau task cpu ns");
        taskBlocked = sc.longAccumulator("malau task blocked ms");
        tasks = sc.longAccumulator("malau tasks");
        networksMade = sc.longAccumulator("malau network copies made");
        alignersMade = sc.longAccumulator("malau aligners made");
    }

    /** Milliseconds the calling thread has been blocked on monitors, or 0 where the JVM does not measure it. */
    static long blockedNow() {
        if (!THREADS.isThreadContentionMonitoringEnabled()) {
            return 0;
        }
        java.lang.management.ThreadInfo info = THREADS.getThreadInfo(Thread.currentThread().getId());
        return info == null ? 0 : Math.max(0, info.getBlockedTime());
    }

    /** CPU time of the calling thread in ns, or 0 where the JVM does not measure it. */
    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** A stopwatch of one task's thread: {@link #lap} adds the time since the last lap to a phase. */
    final class Clock {
        private final long wall0;
        private final long cpu0;
        private final long blocked0;
        private long wallMark;
        private long cpuMark;
        private boolean done;

        Clock() {
            wall0 = wallMark = System.nanoTime();
            cpu0 = cpuMark = cpuNow();
            blocked0 = blockedNow();
            tasks.add(1);
        }

        /** Adds the time since the last lap (or the start) to {@code phase}. */
        void lap(Phase phase) {
            long w = System.nanoTime();
            long c = cpuNow();
            wall[phase.ordinal()].add(w - wallMark);
            cpu[phase.ordinal()].add(c - cpuMark);
            wallMark = w;
            cpuMark = c;
        }

        /** Restarts the lap without booking the time since the last one (it was the caller's, e.g. Spark's). */
        void skip() {
            wallMark = System.nanoTime();
            cpuMark = cpuNow();
        }

        /** The task's end (its input exhausted): books its whole time once. */
        void finish() {
            if (!done) {
                done = true;
                taskWall.add(System.nanoTime() - wall0);
                taskCpu.add(cpuNow() - cpu0);
                taskBlocked.add(blockedNow() - blocked0);
            }
        }
    }

    Clock start() {
        return new Clock();
    }

    void networkMade() {
        networksMade.add(1);
    }

    void alignerMade() {
        alignersMade.add(1);
    }

    /** Seconds per phase, wall and CPU, summed over the tasks (read on the driver after the job). */
    Map<String, double[]> seconds() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            if (wall[p.ordinal()].sum() > 0) {
                m.put(p.label, new double[] {wall[p.ordinal()].sum() / 1e9, cpu[p.ordinal()].sum() / 1e9});
            }
        }
        return m;
    }

    /**
     * One line: each phase's wall and CPU seconds summed over the tasks, and the tasks' time outside the phases
     * (Spark pulling the next input row through the shuffle, the Parquet writer consuming the output rows).
     */
    String summary() {
        StringJoiner j = new StringJoiner(", ");
        double phasesWall = 0;
        double phasesCpu = 0;
        for (Map.Entry<String, double[]> e : seconds().entrySet()) {
            j.add(String.format(Locale.ROOT, "%s %.2f/%.2f", e.getKey(), e.getValue()[0], e.getValue()[1]));
            phasesWall += e.getValue()[0];
            phasesCpu += e.getValue()[1];
        }
        double tw = taskWall.sum() / 1e9;
        double tc = taskCpu.sum() / 1e9;
        j.add(String.format(Locale.ROOT, "outside these (the Parquet writer) %.2f/%.2f", tw - phasesWall, tc - phasesCpu));
        return String.format(Locale.ROOT, "FacesJob times summed over %d tasks, wall/CPU s: %s; tasks %.2f/%.2f s, blocked on Java"
            + " monitors %.2f s; network copies made %d, aligners made %d", tasks.sum(), j, tw, tc, taskBlocked.sum() / 1e3,
            networksMade.sum(), alignersMade.sum());
    }
}
