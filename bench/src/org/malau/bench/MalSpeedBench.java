package org.malau.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

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
import org.malau.train.Adam;
import org.malau.train.AuOnlyStrategy;
import org.malau.train.FixedMultiTaskStrategy;
import org.malau.train.IterationBatches;
import org.malau.train.MetaAuxiliaryStrategy;
import org.malau.train.MetaDifference;
import org.malau.train.StrategyContext;
import org.malau.train.TrainingStrategy;

/**
 * Speed of the default network: MAL iteration time over plain multi-task (MTL) iteration time on
 * the same batches, measured alternately in one run so that machine load affects both alike
 * (target ratio <= 2.5), training images/s for MTL, AU-only step time, and prediction faces/s.
 * Usage: {@code MalSpeedBench [rounds [engine]]} (default 12 rounds, engine libtorch); reports medians
 * after two warm-up rounds. {@link EngineBench} compares the engines.
 */
public final class MalSpeedBench {
    private MalSpeedBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        NetworkEngine engine = NetworkEngines.byName(args.length > 1 ? args[1] : NetworkEngines.DEFAULT);
        NetworkConfig config = NetworkConfig.defaults(18, 7);
        int n = 32;
        int m = 32;
        int k = 16;
        LabelledBatch au = batch(config, n, true, 1);
        LabelledBatch fe = batch(config, m, false, 2);
        LabelledBatch val = batch(config, k, true, 3);
        IterationBatches batches = new IterationBatches(au, fe, val);

        MultiTaskNetwork mtlNet = engine.create(config, 1);
        MultiTaskNetwork malNet = engine.create(config, 1);
        MultiTaskNetwork auNet = engine.create(config, 1);
        MultiTaskNetwork mal2Net = engine.create(config, 1);
        MultiTaskNetwork malFwdNet = engine.create(config, 1);
        System.out.printf(Locale.ROOT, "engine %s; network: %dx%d grey, conv %s, %d features, %d parameters; n=%d m=%d k=%d%n",
            engine.description(), config.inputSize(), config.inputSize(), Arrays.toString(config.convChannels()), config.featureSize(),
            mtlNet.parameterCount(), n, m, k);
        StrategyContext mtlCtx = context(mtlNet);
        StrategyContext malCtx = context(malNet);
        StrategyContext auCtx = context(auNet);
        StrategyContext mal2Ctx = context(mal2Net);
        StrategyContext malFwdCtx = context(malFwdNet);
        TrainingStrategy mal2 = new MetaAuxiliaryStrategy(MetaWeightNet.create(config.featureSize(), 32, 1), 0.1, 1e-3, 2);
        TrainingStrategy mtl = new FixedMultiTaskStrategy(1);
        TrainingStrategy mal = new MetaAuxiliaryStrategy(MetaWeightNet.create(config.featureSize(), 32, 1), 0.1, 1e-3);
        TrainingStrategy auOnly = new AuOnlyStrategy();
        TrainingStrategy malFwd = new MetaAuxiliaryStrategy(MetaWeightNet.create(config.featureSize(), 32, 1), 0.1, 1e-3, 1, MetaDifference.FORWARD);
        IterationBatches auBatches = new IterationBatches(au, null, null);

        List<Double> tMtl = new ArrayList<>();
        List<Double> tMal = new ArrayList<>();
        List<Double> tAu = new ArrayList<>();
        List<Double> tMal2 = new ArrayList<>();
        List<Double> tMalFwd = new ArrayList<>();
        for (int r = 0; r < rounds + 2; r++) {
            double a = time(() -> mtl.iterate(mtlCtx, batches));
            double b = time(() -> mal.iterate(malCtx, batches));
            double c = time(() -> auOnly.iterate(auCtx, auBatches));
            double d = time(() -> {
                mal2.iterate(mal2Ctx, batches);
                mal2.iterate(mal2Ctx, batches);
            }) / 2;
            double e = time(() -> malFwd.iterate(malFwdCtx, batches));
            if (r >= 2) {
                tMalFwd.add(e);
                tMal2.add(d);
                tMtl.add(a);
                tMal.add(b);
                tAu.add(c);
            }
        }
        double mtlMs = median(tMtl);
        double malMs = median(tMal);
        System.out.printf(Locale.ROOT, "AU-only step (batch %d):  median %.1f ms%n", n, median(tAu));
        System.out.printf(Locale.ROOT, "MTL iteration (n+m=%d):   median %.1f ms  -> %.0f training images/s%n", n + m, mtlMs,
            (n + m) / (mtlMs / 1000));
        System.out.printf(Locale.ROOT, "MAL iteration (+k=%d), central difference (MAL.md): median %.1f ms%n", k, malMs);
        System.out.printf(Locale.ROOT, "MAL (central) / MTL ratio: %.2f (target <= 2.5)%n", malMs / mtlMs);
        System.out.printf(Locale.ROOT, "MAL, one-sided difference (the default, --meta-difference forward): median %.1f ms, ratio %.2f%n",
            median(tMalFwd), median(tMalFwd) / mtlMs);
        System.out.printf(Locale.ROOT, "MAL with meta steps every 2nd iteration: median %.1f ms per iteration, ratio %.2f%n",
            median(tMal2), median(tMal2) / mtlMs);

        double[] thr = new double[18];
        Arrays.fill(thr, 0.5);
        List<String> classes = List.of("neutral", "happiness", "sadness", "surprise", "fear", "anger", "disgust");
        MalModel model = new MalModel(new ModelHeader(ModelHeader.FORMAT_VERSION, engine.name(), config, codes(18), classes,
            Normalisation.perImage(), null, "mtl", java.util.Map.of(), 1, 0, 0, 0, thr, null), mtlNet, null);
        List<float[]> crops = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 512; i++) {
            float[] px = new float[config.inputSize() * config.inputSize()];
            for (int p = 0; p < px.length; p++) {
                px[p] = (float) random.nextDouble();
            }
            crops.add(px);
        }
        model.predict(crops.subList(0, 128), 128);
        for (int batch : new int[] {64, 128, 256}) {
            List<Double> tPred = new ArrayList<>();
            for (int r = 0; r < 5; r++) {
                tPred.add(time(() -> model.predict(crops, batch)));
            }
            System.out.printf(Locale.ROOT, "prediction (512 crops, batch %d, normalisation included): %.0f faces/s%n", batch,
                512 / (median(tPred) / 1000));
        }
    }

    private static int[] codes(int j) {
        int[] c = new int[j];
        for (int i = 0; i < j; i++) {
            c[i] = i + 1;
        }
        return c;
    }

    private static StrategyContext context(MultiTaskNetwork net) {
        StrategyContext c = new StrategyContext(net, new Adam(net.parameterCount()));
        c.setLearningRate(1e-3);
        return c;
    }

    private static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static LabelledBatch batch(NetworkConfig c, int count, boolean au, long seed) {
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
