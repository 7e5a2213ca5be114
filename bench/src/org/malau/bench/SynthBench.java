package org.malau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;

/**
 * Throughput of the synthetic face generator, rendering plus PNG and CSV writing, at the default
 * 128 x 128. Usage: {@code SynthBench [faces=3000] [threads=2] [size=128]}. The first run warms
 * the JIT and is not reported.
 */
public final class SynthBench {
    private SynthBench() {
    }

    public static void main(String[] args) throws Exception {
        int faces = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int perSubject = 30;
        int subjects = Math.max(2, (faces + perSubject - 1) / perSubject);
        SynthConfig config = SynthConfig.builder().seed(42).size(size).perSubject(perSubject)
            .auSubjects(subjects / 4 + 1).feSubjects(subjects - subjects / 4 - 1).build();
        SynthGenerator gen = new SynthGenerator(config);
        int n = gen.size(SynthSet.AU) + gen.size(SynthSet.FE);
        Path dir = Files.createTempDirectory("synthbench");
        try {
            gen.write(dir.resolve("warmup"), threads, null);
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            gen.write(dir.resolve("run"), threads, null);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "synth write: %d faces %dx%d, %d threads: %.2f s, %.0f faces/s%n", n, size, size,
                threads, s, n / s);
            // On a shared machine wall time understates the speed; CPU time tells what free cores would give.
            System.out.printf(Locale.ROOT, "synth write: %.2f CPU s (%.0f%% of %d cores), %.0f faces per CPU second%n", cpu,
                100 * cpu / s / threads, threads, n / cpu);
            long t1 = System.nanoTime();
            long checksum = gen.faces(SynthSet.FE).parallel().mapToLong(f -> f.image().getRGB(size / 2, size / 2)).sum();
            double s1 = (System.nanoTime() - t1) / 1e9;
            int m = gen.size(SynthSet.FE);
            System.out.printf(Locale.ROOT, "synth in-memory render: %d faces, common pool: %.2f s, %.0f faces/s (checksum %d)%n",
                m, s1, m / s1, checksum);
        } finally {
            delete(dir);
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
