package org.malau.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Faces per second of the Spark job (spark/, {@code FacesJob}) in {@code local[1]} and {@code local[2]} next to the
 * single-JVM {@code ./mal predict}, on the same aligned crops with the same model, each in its own JVM and in turn
 * round by round, so that the machine's load touches all alike; then the same for {@code align+predict} on whole
 * images against {@code ./mal align} followed by {@code ./mal predict}. Every figure is the tool's own time for
 * the work (no JVM or Spark start):
 * <ul>
 * <li>{@code ./mal predict}: its "predicted N faces in X s" (after listing the input and loading the model);</li>
 * <li>{@code ./mal align}: it prints no time, so its whole run is timed, and also less its fixed start-up (JVM,
 * natives, detector and landmark network), estimated by a run on one image;</li>
 * <li>FacesJob: each Spark application runs the job three times ({@code --runs 3}): "cold" is the first run (reading,
 * decoding, aligning, predicting, writing Parquet, and the one-off costs of a new application: the executors
 * loading LibTorch and the model, Spark's first job), "warm" the second, as every job after the first in an
 * application, and "hot" the third: by then the JIT has compiled the job's hot paths, which in local[2] it does
 * on the same two cores as the tasks, so "hot" is the steady state of a long job. Warm is the figure comparable
 * to {@code ./mal predict}'s, which excludes its model loading too. The job's per-phase wall and CPU times are
 * printed as it reports them.</li>
 * <li>"local[1] on one core": the local[1] application confined to core 0 ({@code taskset -c 0}, Linux), the one-core
 * figure that local[2] on two cores is compared with as well.</li>
 * </ul>
 * <p>
 * Usage: {@code SparkScaleBench [crops] [rounds] [images]} (defaults 6000 crops, 3 rounds, 600 images for the
 * align+predict part, 0 to leave it out). Data: synthetic faces from {@code ./mal synth} (seed 5), aligned by
 * {@code ./mal align} (112 px colour), the crops copied round-robin up to the count; model: {@code ./mal train
 * --backbone conv} with its defaults (48x48 grey, conv 16/32/64), one epoch.
 */
public final class SparkScaleBench {
    private static final Pattern PREDICTED = Pattern.compile("predicted (\\d+) faces in ([0-9.]+) s");

    private SparkScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int crops = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        Path root = Path.of(System.getProperty("user.dir"));
        Path dir = Files.createTempDirectory("spark-scale-bench");
        System.out.println("SparkScaleBench: " + crops + " crops, " + rounds + " rounds, " + images + " images; "
            + Runtime.getRuntime().availableProcessors() + " processors; work in " + dir);

        int subjects = Math.max(10, (Math.max(images, 1000) + 49) / 50);
        mal(root, "synth", "--out", dir.resolve("synth").toString(), "--seed", "5", "--au-subjects", Integer.toString(subjects),
            "--fe-subjects", "10", "--per-subject", "50");
        mal(root, "align", "--input", dir.resolve("synth/au").toString(), "--out", dir.resolve("aligned").toString());
        Path model = dir.resolve("model.zip");
        mal(root, "train", "--au", dir.resolve("synth/au.csv").toString(), "--backbone", "conv", "--epochs", "1", "--seed", "1",
            "--out", model.toString());
        List<Path> aligned;
        try (Stream<Path> s = Files.list(dir.resolve("aligned"))) {
            aligned = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Path cropDir = Files.createDirectories(dir.resolve("crops"));
        for (int i = 0; i < crops; i++) {
            Files.copy(aligned.get(i % aligned.size()), cropDir.resolve(String.format(Locale.ROOT, "c%06d.png", i)));
        }
        Path imageDir = Files.createDirectories(dir.resolve("images"));
        List<Path> synth;
        try (Stream<Path> s = Files.list(dir.resolve("synth/au"))) {
            synth = s.sorted().limit(images).toList();
        }
        for (Path p : synth) {
            Files.copy(p, imageDir.resolve(p.getFileName()));
        }

        // Untimed warm-up: the first run after a new application jar unpacks its native libraries into JavaCPP's cache
        // (about 0.5 GB); every later executor JVM on this machine loads them from there, as a cluster node would.
        mal(root, "spark-local", "local[1]", "--mode", "predict", "--input", cropDir.toString(), "--model", model.toString(),
            "--out", dir.resolve("warm-up").toString(), "--overwrite", "--partitions", "1");
        Map<String, List<double[]>> predict = new LinkedHashMap<>();
        Map<String, List<double[]>> alignPredict = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            add(predict, "./mal predict", cli(root, "predict", "--model", model.toString(), "--input", cropDir.toString(), "--out",
                dir.resolve("mal-predict.csv").toString()));
            for (SparkMaster master : MASTERS) {
                addSpark(predict, master, spark(root, master, "--mode", "predict", "--input", cropDir.toString(), "--model",
                    model.toString(), "--out", dir.resolve("out-" + master.label().replaceAll("\\W", "")).toString(), "--overwrite",
                    "--partitions", "8", "--runs", Integer.toString(RUNS.size())));
            }
            if (images > 0) {
                double[][] cli = alignThenPredict(root, dir, imageDir, model);
                add(alignPredict, "./mal align + ./mal predict", cli[0]);
                add(alignPredict, "  less align's start-up", cli[1]);
                for (SparkMaster master : MASTERS) {
                    addSpark(alignPredict, master, spark(root, master, "--mode", "align+predict", "--input", imageDir.toString(),
                        "--model", model.toString(), "--out", dir.resolve("faces-" + master.label().replaceAll("\\W", "")).toString(),
                        "--overwrite", "--partitions", "8", "--runs", Integer.toString(RUNS.size())));
                }
            }
            System.out.println("round " + r + " done, load " + loadAverage());
        }
        report("predict, " + crops + " aligned crops (112 px colour -> 48 px grey network)", predict, "./mal predict");
        if (images > 0) {
            report("align+predict, " + images + " synthetic images (128 px)", alignPredict, "  less align's start-up");
        }
    }

    /** Names of a Spark application's runs, in order (see the class comment). */
    static final List<String> RUNS = List.of("cold", "warm", "hot");

    /** A Spark application's runs under their names. */
    private static void addSpark(Map<String, List<double[]>> m, SparkMaster master, double[][] runs) {
        for (int i = 0; i < RUNS.size(); i++) {
            add(m, master.key(RUNS.get(i)), runs[i]);
        }
    }

    private static void add(Map<String, List<double[]>> m, String key, double[] faceRate) {
        m.computeIfAbsent(key, k -> new ArrayList<>()).add(faceRate);
        System.out.printf(Locale.ROOT, "  %-28s %5.0f faces in %6.2f s: %7.1f faces/s (load before %s)%n", key, faceRate[0],
            faceRate[1], faceRate[0] / faceRate[1], loadText(faceRate[2]));
    }

    private static void report(String title, Map<String, List<double[]>> m, String single) {
        System.out.println();
        System.out.println(title + ": median over rounds");
        Map<String, Double> median = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : m.entrySet()) {
            List<Double> rates = e.getValue().stream().map(v -> v[0] / v[1]).sorted().toList();
            double med = rates.get(rates.size() / 2);
            median.put(e.getKey(), med);
            System.out.printf(Locale.ROOT, "| %s | %.1f faces/s | rounds %s |%n", e.getKey().trim(), med,
                rates.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
        }
        double cli = median.get(single);
        for (String run : RUNS) {
            String one = LOCAL_1.key(run);
            String two = LOCAL_2.key(run);
            String pinned = ONE_CORE.key(run);
            System.out.printf(Locale.ROOT, "%s: local[2] / local[1] = %.2f (target >= 1.7); local[2] / %s = %.2f (both on 2 cores;"
                + " target >= 0.8); local[2] / local[1] confined to one core = %.2f%n", run, median.get(two) / median.get(one),
                single.trim(), median.get(two) / cli, median.get(two) / median.get(pinned));
            // Round by round, each pair measured minutes apart under the same load: steadier than a ratio of medians.
            System.out.printf(Locale.ROOT, "%s, paired by round (geometric mean, min-max): local[2] / local[1] %s; local[2] / %s %s;"
                + " local[2] / local[1] confined to one core %s%n", run, paired(m.get(two), m.get(one)), single.trim(),
                paired(m.get(two), m.get(single)), paired(m.get(two), m.get(pinned)));
        }
    }

    /** The ratios of the rates a / b of the same rounds, as "geometric mean (min-max)". */
    static String paired(List<double[]> a, List<double[]> b) {
        double logSum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int r = 0; r < a.size(); r++) {
            double ratio = (a.get(r)[0] / a.get(r)[1]) / (b.get(r)[0] / b.get(r)[1]);
            logSum += Math.log(ratio);
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", Math.exp(logSum / a.size()), min, max);
    }

    /**
     * ./mal align then ./mal predict on its crops: faces and seconds of both (align's whole run, it prints no time),
     * and the same less align's fixed start-up, timed as a whole ./mal align run on the first image alone.
     */
    private static double[][] alignThenPredict(Path root, Path dir, Path images, Path model) throws Exception {
        Path one = dir.resolve("one-image");
        deleteTree(one);
        try (Stream<Path> s = Files.list(images)) {
            Path first = s.sorted().findFirst().orElseThrow();
            Files.createDirectories(one);
            Files.copy(first, one.resolve(first.getFileName()));
        }
        Path oneOut = dir.resolve("one-image-aligned");
        deleteTree(oneOut);
        long s0 = System.nanoTime();
        mal(root, "align", "--input", one.toString(), "--out", oneOut.toString());
        double startUp = (System.nanoTime() - s0) / 1e9;
        Path out = dir.resolve("cli-aligned");
        deleteTree(out);
        double load = loadNumber();
        long t0 = System.nanoTime();
        mal(root, "align", "--input", images.toString(), "--out", out.toString());
        double alignSeconds = (System.nanoTime() - t0) / 1e9;
        double[] p = cli(root, "predict", "--model", model.toString(), "--input", out.toString(), "--out",
            dir.resolve("cli-pred.csv").toString());
        return new double[][] {{p[0], alignSeconds + p[1], load}, {p[0], alignSeconds - startUp + p[1], load}};
    }

    /** ./mal COMMAND: faces and seconds from its "predicted N faces in X s" line. */
    private static double[] cli(Path root, String... args) throws Exception {
        double load = loadNumber();
        String out = mal(root, args);
        return parsed(out, load);
    }

    /**
     * local[1] as a whole confined to one core by taskset: in plain local[1] the driver, the scheduler, the Parquet
     * writer, the JIT and the garbage collector use the second core of a 2-core machine, so plain local[1] is more than
     * one core's worth; this is the one-core figure to scale from.
     */
    static final SparkMaster ONE_CORE = new SparkMaster("local[1] on one core", "local[1]", List.of("taskset", "-c", "0"));
    static final SparkMaster LOCAL_1 = new SparkMaster("local[1]", "local[1]", List.of());
    static final SparkMaster LOCAL_2 = new SparkMaster("local[2]", "local[2]", List.of());
    static final List<SparkMaster> MASTERS = List.of(LOCAL_1, LOCAL_2, ONE_CORE);

    /** A Spark master as the benchmark runs it: its name in the tables, Spark's master URL, a command prefix. */
    record SparkMaster(String label, String master, List<String> prefix) {
        /** The results table's key of this master's run. */
        String key(String run) {
            return "Spark " + label + " " + run;
        }
    }

    /** A Spark application running the job {@link #RUNS} times: faces and seconds of each run; its time lines are printed. */
    private static double[][] spark(Path root, SparkMaster master, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("spark-local", master.master()));
        cmd.addAll(List.of(args));
        double load = loadNumber();
        String out = run(root, master.prefix(), cmd.toArray(String[]::new));
        out.lines().filter(l -> l.startsWith("FacesJob")).forEach(l -> System.out.println("    " + master.label() + ": " + l));
        Matcher m = PREDICTED.matcher(out);
        List<double[]> runs = new ArrayList<>();
        while (m.find()) {
            runs.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), load});
        }
        if (runs.size() != RUNS.size()) {
            throw new IllegalStateException("expected " + RUNS.size() + " 'predicted N faces in X s' lines in:\n" + out);
        }
        return runs.toArray(double[][]::new);
    }

    private static double[] parsed(String out, double load) {
        Matcher m = PREDICTED.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no 'predicted N faces in X s' in:\n" + out);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), load};
    }

    private static String mal(Path root, String... args) throws IOException, InterruptedException {
        return run(root, List.of(), args);
    }

    /** ./mal ARGS behind a command prefix (for example taskset); its output, or an exception when it fails. */
    private static String run(Path root, List<String> prefix, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(root.resolve("mal").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(q);
                }
            }
        }
    }

    private static double loadNumber() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 2)[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String loadText(double v) {
        return Double.isNaN(v) ? "unknown" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
