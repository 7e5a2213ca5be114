package org.malau.bench;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.malau.face.AlignOptions;
import org.malau.face.DecodedImage;
import org.malau.face.FaceAligner;
import org.malau.face.ImageAlignment;
import org.malau.face.LandmarkFiles;
import org.malau.face.Landmarks;

/**
 * Throughput of the face aligner on this machine. Not a unit test: timings depend on the host.
 *
 * <p>Usage: {@code java -cp ... org.malau.bench.AlignBench [shared/data folder] [seconds per case]}.
 * Detector route: every photo in {@code faces/} and {@code landmarks/} is centre-cropped and scaled
 * to 640x480 and JPEG-encoded in memory; the bench decodes, detects and warps them round-robin,
 * once with one Java thread (OpenCV free to use its own worker threads) and once with one Java
 * thread per core (OpenCV limited to one thread each). Landmark route: the FRL photos with their
 * {@code .tem} eyes, measured as fit + warp on decoded images, and as decode + fit + warp.
 */
public final class AlignBench {
    private AlignBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data").toAbsolutePath().normalize();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "AlignBench: data %s, %d cores, OpenCV threads %d, %.0f s per case%n", data, cores,
            opencv_core.getNumThreads(), seconds);

        List<byte[]> vga = vgaJpegs(data);
        System.out.printf(Locale.ROOT, "detector route, %d photos at 640x480%n", vga.size());
        warmUp(vga);
        detector(vga, 1, seconds);
        int saved = opencv_core.getNumThreads();
        opencv_core.setNumThreads(1);
        detector(vga, cores, seconds);
        opencv_core.setNumThreads(saved);

        List<Path> photos = new ArrayList<>();
        List<Landmarks> eyes = new ArrayList<>();
        try (Stream<Path> s = Files.list(data.resolve("landmarks/frl_london_ccby"))) {
            for (Path tem : s.filter(p -> p.toString().endsWith(".tem")).sorted().toList()) {
                photos.add(Paths.get(tem.toString().replaceAll("\\.tem$", ".jpg")));
                eyes.add(Landmarks.of(LandmarkFiles.read(tem)));
            }
        }
        landmarksWarpOnly(photos, eyes, seconds);
        landmarksWithDecode(photos, eyes, cores, seconds);
    }

    /**
     * Aligns every photo once, untimed: the JIT compiles the Java parts (pupil search, pair checks)
     * only after many calls, and a long batch runs compiled code almost throughout. Compiled code is
     * shared by all threads, so one thread warms up for every case.
     */
    private static void warmUp(List<byte[]> jpegs) {
        try (FaceAligner a = new FaceAligner(AlignOptions.defaults())) {
            for (int round = 0; round < 2; round++) {
                for (byte[] jpeg : jpegs) {
                    a.align(jpeg, "warm-up");
                }
            }
        }
    }

    private static void detector(List<byte[]> jpegs, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(pool, threads, () -> {
                try (FaceAligner a = new FaceAligner(AlignOptions.defaults())) {
                    a.align(jpegs.get(0), "warm-up");
                    long n = 0;
                    int faces = 0;
                    long end = System.nanoTime() + (long) (seconds * 1e9);
                    while (System.nanoTime() < end) {
                        ImageAlignment r = a.align(jpegs.get((int) (n % jpegs.size())), "bench");
                        faces += r.faces().size();
                        n++;
                    }
                    return new long[] {n, faces};
                }
            }, "  decode+detect+warp, " + threads + " Java thread(s)", "photos", seconds);
        } finally {
            pool.shutdown();
        }
    }

    private static void landmarksWarpOnly(List<Path> photos, List<Landmarks> eyes, double seconds) throws Exception {
        try (FaceAligner a = new FaceAligner(AlignOptions.defaults())) {
            List<DecodedImage> decoded = new ArrayList<>();
            for (Path p : photos) {
                decoded.add(a.decode(p));
            }
            for (int warm = 0; warm < 200; warm++) {
                a.alignDecoded(decoded.get(warm % decoded.size()), "warm-up", List.of(eyes.get(warm % eyes.size())));
            }
            System.out.printf(Locale.ROOT, "landmark route, %d FRL photos 1350x1350 (decoded once)%n", photos.size());
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                run(pool, 1, () -> {
                    long n = 0;
                    long end = System.nanoTime() + (long) (seconds * 1e9);
                    while (System.nanoTime() < end) {
                        int i = (int) (n % decoded.size());
                        a.alignDecoded(decoded.get(i), "bench", List.of(eyes.get(i)));
                        n++;
                    }
                    return new long[] {n, n};
                }, "  fit+warp only (112 px colour), 1 Java thread", "faces", seconds);
            } finally {
                pool.shutdown();
            }
            decoded.forEach(DecodedImage::close);
        }
    }

    private static void landmarksWithDecode(List<Path> photos, List<Landmarks> eyes, int threads, double seconds)
        throws Exception {
        List<byte[]> bytes = new ArrayList<>();
        for (Path p : photos) {
            bytes.add(Files.readAllBytes(p));
        }
        for (int t : new int[] {1, threads}) {
            ExecutorService pool = Executors.newFixedThreadPool(t);
            try {
                run(pool, t, () -> {
                    try (FaceAligner a = new FaceAligner(AlignOptions.defaults())) {
                        long n = 0;
                        long end = System.nanoTime() + (long) (seconds * 1e9);
                        while (System.nanoTime() < end) {
                            int i = (int) (n % bytes.size());
                            a.alignWithLandmarks(bytes.get(i), "bench", List.of(eyes.get(i)));
                            n++;
                        }
                        return new long[] {n, n};
                    }
                }, "  decode 1350x1350 JPEG + fit+warp, " + t + " Java thread(s)", "faces", seconds);
            } finally {
                pool.shutdown();
            }
        }
    }

    private interface Work {
        long[] call() throws Exception;
    }

    private static void run(ExecutorService pool, int threads, Work work, String label, String unit, double seconds)
        throws Exception {
        List<Future<long[]>> futures = new ArrayList<>();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(work::call));
        }
        long n = 0;
        long faces = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            n += r[0];
            faces += r[1];
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        // CPU time per item predicts the rate on otherwise idle cores when the host is shared.
        System.out.printf(Locale.ROOT, "%s: %.1f %s/s wall (%d in %.1f s, %d faces); %.2f ms CPU each"
            + " = %.1f/s on %d idle cores; load %s%n", label, n / s, unit, n, s, faces, 1000 * cpu / n, cores * n / cpu,
            cores, loadAverage());
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Every photo centre-cropped to 4:3 and scaled to 640x480, JPEG-encoded at OpenCV's default quality. */
    private static List<byte[]> vgaJpegs(Path data) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> p.toString().matches(".*\\.(jpg|jpeg|png)$")).sorted().toList();
        }
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            byte[] raw = Files.readAllBytes(p);
            try (Mat buf = new Mat(raw); Mat img = imdecode(buf, IMREAD_COLOR); Mat small = new Mat();
                 BytePointer enc = new BytePointer()) {
                int w = img.cols();
                int h = img.rows();
                int cw = Math.min(w, h * 4 / 3);
                int ch = cw * 3 / 4;
                try (Rect r = new Rect((w - cw) / 2, Math.max(0, (h - ch) / 3), cw, ch); Mat crop = new Mat(img, r);
                     Size sz = new Size(640, 480)) {
                    resize(crop, small, sz, 0, 0, INTER_AREA);
                }
                imencode(".jpg", small, enc);
                byte[] b = new byte[(int) enc.limit()];
                enc.get(b);
                out.add(b);
            }
        }
        return out;
    }
}
