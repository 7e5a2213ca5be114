package org.malau.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.malau.meta.MetaWeightNet;
import org.malau.model.ImageTensor;
import org.malau.model.LabelledBatch;
import org.malau.model.MalModel;
import org.malau.model.ModelHeader;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkConfig;
import org.malau.model.NetworkEngine;
import org.malau.model.NetworkEngines;
import org.malau.model.Normalisation;
import org.malau.runtime.ProcessTuning;
import org.malau.runtime.TorchRuntime;
import org.malau.train.Adam;
import org.malau.train.AuOnlyStrategy;
import org.malau.train.FixedMultiTaskStrategy;
import org.malau.train.IterationBatches;
import org.malau.train.MetaAuxiliaryStrategy;
import org.malau.train.MetaDifference;
import org.malau.train.StrategyContext;
import org.malau.train.TrainingStrategy;

/**
 * DL4J next to LibTorch on the project's default network (48x48 grey, conv 16/32/64, 64 features),
 * on the same batches, each measurement alternating between the engines round by round in one JVM
 * so that the machine's load touches both alike. Reports medians: AU-only step (n=32), multi-task
 * iteration (32 AU + 32 expression faces), MAL iteration (k=16 meta batch) with each way of taking
 * the directional derivatives the engine supports, and prediction from aligned crop files (PNG
 * decoding, normalisation and the network) at batch 256; then each engine's peak resident memory,
 * from a child JVM per engine that trains and predicts alone.
 * <p>
 * Usage: {@code EngineBench [rounds]} (default 10, after two warm-up rounds). The child JVMs inherit
 * this JVM's class path and its {@code malau.tuning.*} properties; {@code -Dmalau.tuning.openmp=false}
 * and {@code -Dmalau.tuning.malloc=false} measure without the settings of {@link ProcessTuning}.
 */
public final class EngineBench {
    private static final int N = 32;
    private static final int M = 32;
    private static final int K = 16;
    private static final int PREDICT_BATCH = 256;
    private static final int PREDICT_FACES = 512;

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--memory")) {
            memoryChild(args[1]);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        NetworkConfig config = NetworkConfig.defaults(18, 7);
        LabelledBatch au = batch(config, N, true, 1);
        LabelledBatch fe = batch(config, M, false, 2);
        LabelledBatch val = batch(config, K, true, 3);
        IterationBatches all = new IterationBatches(au, fe, val);
        IterationBatches auOnly = new IterationBatches(au, null, null);
        System.out.printf(Locale.ROOT, "machine: %d processors seen by the JVM, load average at start %s%n",
            Runtime.getRuntime().availableProcessors(), loadAverage());

        Map<String, Runnable> work = new LinkedHashMap<>();
        for (String engine : NetworkEngines.NAMES) {
            NetworkEngine e = NetworkEngines.byName(engine);
            work.put(engine + " AU-only step", iteration(e, config, new AuOnlyStrategy(), auOnly));
            work.put(engine + " multi-task iteration", iteration(e, config, new FixedMultiTaskStrategy(1), all));
            for (MetaDifference d : MetaDifference.values()) {
                if (d == MetaDifference.EXACT && engine.equals(NetworkEngines.DL4J)) {
                    continue;
                }
                work.put(engine + " MAL iteration, " + d.id(), iteration(e, config,
                    new MetaAuxiliaryStrategy(MetaWeightNet.create(config.featureSize(), 32, 1), 0.1, 1e-3, 1, d), all));
            }
        }
        Path crops = Files.createTempDirectory("engine-bench");
        List<Path> files = writeCrops(crops, config.inputSize(), PREDICT_FACES);
        for (String engine : NetworkEngines.NAMES) {
            MalModel model = model(NetworkEngines.byName(engine), config);
            work.put(engine + " prediction from crop files", () -> predict(model, files));
        }

        System.out.printf(Locale.ROOT, "LibTorch %s with %d intra-op threads; process settings: %s%n",
            TorchRuntime.version(), TorchRuntime.threads(), ProcessTuning.applied());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int r = 0; r < rounds + 2; r++) {
            for (Map.Entry<String, Runnable> w : work.entrySet()) {
                long t = System.nanoTime();
                w.getValue().run();
                double ms = (System.nanoTime() - t) / 1e6;
                if (r >= 2) {
                    times.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(ms);
                }
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        times.forEach((k, v) -> median.put(k, median(v)));
        System.out.printf(Locale.ROOT, "%nmedians over %d rounds (ms; prediction: %d crops in batches of %d)%n", rounds,
            PREDICT_FACES, PREDICT_BATCH);
        median.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-48s %9.1f%s%n", k, v,
            k.contains("prediction") ? String.format(Locale.ROOT, " ms = %.0f faces/s", PREDICT_FACES / (v / 1000)) : " ms"));
        String t = NetworkEngines.LIBTORCH;
        String d = NetworkEngines.DL4J;
        double mtlT = median.get(t + " multi-task iteration");
        System.out.printf(Locale.ROOT, "%nLibTorch multi-task iteration / DL4J's: %.3f (target <= 1/8 = 0.125)%n",
            mtlT / median.get(d + " multi-task iteration"));
        System.out.printf(Locale.ROOT, "LibTorch AU-only step / DL4J's: %.3f%n", median.get(t + " AU-only step") / median.get(d + " AU-only step"));
        for (MetaDifference m : MetaDifference.values()) {
            System.out.printf(Locale.ROOT, "LibTorch MAL (%s) / LibTorch multi-task: %.2f (target <= 3.0)%n", m.id(),
                median.get(t + " MAL iteration, " + m.id()) / mtlT);
        }
        System.out.printf(Locale.ROOT, "DL4J MAL (forward) / DL4J multi-task: %.2f%n",
            median.get(d + " MAL iteration, forward") / median.get(d + " multi-task iteration"));
        System.out.printf(Locale.ROOT, "LibTorch MAL (exact) / DL4J MAL (forward): %.3f%n",
            median.get(t + " MAL iteration, exact") / median.get(d + " MAL iteration, forward"));
        System.out.printf(Locale.ROOT, "prediction from crop files, LibTorch / DL4J faces/s: %.2f (target >= 6)%n",
            median.get(d + " prediction from crop files") / median.get(t + " prediction from crop files"));
        System.out.printf(Locale.ROOT, "load average at end %s%n", loadAverage());

        System.out.println("\npeak resident memory, one child JVM per engine (20 MAL iterations, then prediction):");
        for (String engine : NetworkEngines.NAMES) {
            System.out.printf(Locale.ROOT, "  %-8s %s%n", engine, childPeakMemory(engine));
        }
    }

    private static Runnable iteration(NetworkEngine engine, NetworkConfig config, TrainingStrategy strategy,
        IterationBatches batches) {
        MultiTaskNetwork net = engine.create(config, 1);
        StrategyContext ctx = new StrategyContext(net, new Adam(net.parameterCount()));
        ctx.setLearningRate(1e-3);
        return () -> strategy.iterate(ctx, batches);
    }

    private static MalModel model(NetworkEngine engine, NetworkConfig config) {
        double[] thr = new double[config.auCount()];
        Arrays.fill(thr, 0.5);
        List<String> classes = List.of("neutral", "happiness", "sadness", "surprise", "fear", "anger", "disgust");
        return new MalModel(new ModelHeader(ModelHeader.FORMAT_VERSION, engine.name(), config, codes(config.auCount()),
            classes, Normalisation.perImage(), null, "mtl", Map.of(), 1, 0, 0, 0, thr, null), engine.create(config, 1), null);
    }

    private static void predict(MalModel model, List<Path> files) {
        try {
            model.predictFiles(files, PREDICT_BATCH);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> writeCrops(Path dir, int size, int count) throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int v = r.nextInt(256);
                    img.getRaster().setSample(x, y, 0, v);
                }
            }
            Path f = dir.resolve(String.format(Locale.ROOT, "crop%04d.png", i));
            ImageIO.write(img, "png", f.toFile());
            files.add(f);
        }
        return files;
    }

    /** Runs this class in a child JVM for one engine and reads the VmHWM it reports. */
    private static String childPeakMemory(String engine) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx2g", "-Dmalau.tuning.openmp=" + System.getProperty("malau.tuning.openmp", "true"),
            "-Dmalau.tuning.malloc=" + System.getProperty("malau.tuning.malloc", "true"),
            "-cp", System.getProperty("java.class.path"), EngineBench.class.getName(), "--memory", engine));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("not reported: " + out.trim())
            .replace("VmHWM:", "").trim();
    }

    private static void memoryChild(String engine) throws IOException {
        NetworkConfig config = NetworkConfig.defaults(18, 7);
        NetworkEngine e = NetworkEngines.byName(engine);
        Runnable mal = iteration(e, config, new MetaAuxiliaryStrategy(MetaWeightNet.create(config.featureSize(), 32, 1), 0.1,
            1e-3, 1, MetaDifference.FORWARD), new IterationBatches(batch(config, N, true, 1), batch(config, M, false, 2),
                batch(config, K, true, 3)));
        for (int i = 0; i < 20; i++) {
            mal.run();
        }
        Path crops = Files.createTempDirectory("engine-bench-memory");
        predict(model(e, config), writeCrops(crops, config.inputSize(), PREDICT_FACES));
        Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
            .forEach(System.out::println);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int[] codes(int j) {
        int[] c = new int[j];
        for (int i = 0; i < j; i++) {
            c[i] = i + 1;
        }
        return c;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    static LabelledBatch batch(NetworkConfig c, int count, boolean au, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int per = c.inputSize() * c.inputSize();
        float[] px = new float[count * per];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (r.nextDouble() * 2 - 1);
        }
        byte[][] y = new byte[count][];
        int[] e = new int[count];
        for (int s = 0; s < count; s++) {
            if (au) {
                y[s] = new byte[c.auCount()];
                for (int j = 0; j < y[s].length; j++) {
                    y[s][j] = (byte) r.nextInt(2);
                }
                e[s] = -1;
            } else {
                e[s] = r.nextInt(c.expressionCount());
            }
        }
        return new LabelledBatch(new ImageTensor(count, 1, c.inputSize(), c.inputSize(), px), y, e);
    }
}
