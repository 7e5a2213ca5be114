package org.malau.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.malau.data.Corruption;
import org.malau.eval.RocAuc;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetOutput;
import org.malau.model.SampleLosses;
import org.malau.model.SampleWeights;

/**
 * Whether the signal any one-step meta method learns from can tell clean from corrupted expression samples,
 * and when (issue 13, section 2; MAL.md "What the weights can learn from"). At checkpoints of a plain
 * multi-task run it takes, for several meta objectives F of the whole meta split ({@link MetaObjective}),
 * v_F = grad_theta F at the current parameters and d_s = v_F . grad l_s for every expression training sample
 * (exactly, by double backward): a step on sample s alone changes F by -alpha d_s, so higher d_s = helps, and
 * clean samples should rank higher. It scores each as a clean-vs-corrupted ranking (ROC AUC, 1 = every clean
 * sample ranks above every corrupted one), against wrong labels and non-faces apart, next to the sample's loss
 * (lower = clean; the same ranking as p(given label)).
 * <p>
 * To test why d_s may rank corrupted samples higher, it also measures per sample whether its step shrinks the
 * meta split's AU logits (d of (1/2N) sum z^2) and backbone features (d of (1/2N) sum ||h||^2), how often that
 * happens for clean and corrupted samples, and the AUC of the cross-entropy's d_s among the samples that shrink
 * and among those that grow the features; optionally (costs one backward pass per sample) the cosine
 * d_s / ||grad l_s||.
 */
public final class MetaSignal {
    private static final int CHUNK = 64;
    /** Scores are named "d OBJECTIVE", "cos OBJECTIVE", "-loss", "shrinks logits", "shrinks features", ... */
    public static final String LOSS = "-loss";

    private MetaSignal() {
    }

    /**
     * The figures at one checkpoint.
     *
     * @param auc per score: AUC against all corrupted, against wrong labels, against non-faces
     * @param figures other figures by name (objective values, fitted scales, shares of samples)
     */
    public record Checkpoint(int iteration, Map<String, double[]> auc, Map<String, Double> figures) {
    }

    /**
     * Trains {@code config} (its strategy, usually {@code mtl}) up to the last checkpoint without early stopping
     * and measures at each; needs an engine with exact directional derivatives (LibTorch).
     *
     * @param samples how many expression training samples to score (a seeded choice), 0 = all
     * @param norms whether to compute every scored sample's gradient norm for the cosine
     */
    public static List<Checkpoint> measure(TrainingConfig config, FaceDataset au, FaceDataset fe, int[] checkpoints,
        int samples, boolean norms, TrainingListener listener) throws IOException, TrainingCancelledException {
        return measure(config, au, fe, null, checkpoints, samples, norms, listener);
    }

    /**
     * @param reference AU-labelled faces of other subjects (a diagnostic, e.g. the test subjects): d_s is also taken with
     *     v from their objectives ("d OBJECTIVE, reference"), to see whether a larger meta set would carry the signal; or null
     */
    public static List<Checkpoint> measure(TrainingConfig config, FaceDataset au, FaceDataset fe, FaceDataset reference,
        int[] checkpoints, int samples, boolean norms, TrainingListener listener) throws IOException, TrainingCancelledException {
        int last = Arrays.stream(checkpoints).max().orElseThrow();
        TrainingConfig c = config.toBuilder().maxIterations(last).epochs(last).patience(0).build();
        List<Checkpoint> out = new ArrayList<>();
        new MalTrainer(c).probe((iteration, net, assembler, auData, meta, feData, trainFe) -> {
            if (Arrays.stream(checkpoints).anyMatch(k -> k == iteration)) {
                out.add(at(iteration, net, assembler, auData, meta, feData, subset(trainFe, samples, config.seed()), norms,
                    reference));
            }
        }).train(au, fe, listener, CancellationCheck.never());
        return out;
    }

    private static int[] subset(int[] all, int samples, long seed) {
        if (samples <= 0 || samples >= all.length) {
            return all;
        }
        int[] copy = all.clone();
        SplittableRandom r = new SplittableRandom(seed ^ 0x51C7AL);
        for (int i = copy.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] out = Arrays.copyOf(copy, samples);
        Arrays.sort(out);
        return out;
    }

    private static Checkpoint at(int iteration, MultiTaskNetwork net, BatchAssembler assembler, FaceDataset au, int[] meta,
        FaceDataset fe, int[] trainFe, boolean norms, FaceDataset reference) throws IOException {
        float[] theta = net.parameters();
        Map<String, Double> figures = new LinkedHashMap<>();
        LabelledBatch val = assembler.assemble(au, meta, BatchAssembler.Task.AU, false, 0);
        NetOutput vo = net.forward(val.images(), true);
        MetaObjective[] objectives = MetaObjective.values();
        List<String> names = new ArrayList<>();
        List<float[]> directions = new ArrayList<>();
        for (MetaObjective o : objectives) {
            MetaObjective.Value f = o.evaluate(vo.auLogits(), val.au(), net.auPositiveWeights());
            figures.put(o.id() + " value", f.value());
            if (o == MetaObjective.TEMPERATURE) {
                figures.put("temperature scale a", f.scale()[0]);
            } else if (o == MetaObjective.CALIBRATED) {
                figures.put("calibrated mean a_k", Arrays.stream(f.scale()).average().orElse(Double.NaN));
            }
            names.add("d " + o.id());
            directions.add(net.outputGradient(val.images(), f.gradient(), null));
        }
        if (reference != null) {
            int[] all = new int[reference.size()];
            Arrays.setAll(all, i -> i);
            LabelledBatch ref = assembler.assemble(reference, all, BatchAssembler.Task.AU, false, 0);
            float[][] z = net.forward(ref.images(), false).auLogits();
            for (MetaObjective o : new MetaObjective[] {MetaObjective.BCE, MetaObjective.CALIBRATED, MetaObjective.RANK}) {
                MetaObjective.Value f = o.evaluate(z, ref.au(), net.auPositiveWeights());
                figures.put(o.id() + " value, reference", f.value());
                names.add("d " + o.id() + ", reference");
                directions.add(net.outputGradient(ref.images(), f.gradient(), null));
            }
        }
        // Check: the cross-entropy's v from the output gradient is the training pass's gradient of the mean AU loss.
        int k = meta.length;
        float[] vBce = net.backward(val, new SampleWeights(BatchStats.constant(k, 1.0 / k), new double[k])).gradient();
        figures.put("bce v relative difference", relativeDifference(vBce, directions.get(0)));
        double[][] logitCotangent = new double[k][];
        double[][] featureCotangent = new double[k][];
        for (int s = 0; s < k; s++) {
            logitCotangent[s] = scaled(vo.auLogits()[s], 1.0 / k);
            featureCotangent[s] = scaled(vo.features()[s], 1.0 / k);
        }
        int logits = directions.size();
        names.add("shrinks logits");
        directions.add(net.outputGradient(val.images(), logitCotangent, null));
        int features = directions.size();
        names.add("shrinks features");
        directions.add(net.outputGradient(val.images(), null, featureCotangent));

        int m = trainFe.length;
        int q = directions.size();
        double[][] score = new double[q][m];
        double[] loss = new double[m];
        double[] norm = new double[m];
        Corruption[] kind = new Corruption[m];
        float[][] dirs = directions.toArray(new float[0][]);
        for (int from = 0; from < m; from += CHUNK) {
            int[] idx = Arrays.copyOfRange(trainFe, from, Math.min(m, from + CHUNK));
            LabelledBatch b = assembler.assemble(fe, idx, BatchAssembler.Task.EXPRESSION, false, 0);
            SampleLosses[] ds = net.directionalDerivatives(b, dirs);
            SampleLosses l = net.losses(b);
            for (int i = 0; i < idx.length; i++) {
                for (int d = 0; d < q; d++) {
                    score[d][from + i] = ds[d].expression()[i];
                }
                loss[from + i] = b.expression()[i] < 0 ? Double.NaN : l.expression()[i];
                kind[from + i] = fe.corruption(idx[i]);
            }
            if (norms) {
                for (int i = 0; i < idx.length; i++) {
                    LabelledBatch one = b.slice(i, i + 1);
                    norm[from + i] = length(net.backward(one, new SampleWeights(new double[1], new double[] {1})).gradient());
                }
            }
        }
        // The probe's passes must leave the run as it was.
        net.setParameters(theta);

        Map<String, double[]> auc = new LinkedHashMap<>();
        for (int d = 0; d < logits; d++) {
            auc.put(names.get(d), aucs(score[d], kind));
        }
        auc.put(LOSS, aucs(Arrays.stream(loss).map(x -> -x).toArray(), kind));
        if (norms) {
            for (int d = 0; d < objectives.length; d++) {
                double[] cos = new double[m];
                for (int s = 0; s < m; s++) {
                    cos[s] = score[d][s] / Math.max(norm[s], 1e-12);
                }
                auc.put("cos " + objectives[d].id(), aucs(cos, kind));
            }
            auc.put("-||grad l_s||", aucs(Arrays.stream(norm).map(x -> -x).toArray(), kind));
        }
        auc.put("shrinks logits", aucs(score[logits], kind));
        auc.put("shrinks features", aucs(score[features], kind));
        boolean[] shrinks = new boolean[m];
        for (int s = 0; s < m; s++) {
            shrinks[s] = score[features][s] > 0;
        }
        auc.put("d bce | shrinks features", aucs(score[0], kind, shrinks, true));
        auc.put("d bce | grows features", aucs(score[0], kind, shrinks, false));
        for (Corruption c : new Corruption[] {Corruption.NONE, Corruption.LABEL_NOISE, Corruption.UNRELATED}) {
            int all = 0;
            int shrinking = 0;
            for (int s = 0; s < m; s++) {
                if (kind[s] == c) {
                    all++;
                    shrinking += shrinks[s] ? 1 : 0;
                }
            }
            figures.put("share shrinking features, " + c.name().toLowerCase(java.util.Locale.ROOT), all == 0 ? Double.NaN
                : (double) shrinking / all);
        }
        figures.put("corr(d bce, shrinks features)", correlation(score[0], score[features]));
        figures.put("corr(d bce, shrinks logits)", correlation(score[0], score[logits]));
        return new Checkpoint(iteration, auc, figures);
    }

    private static double[] scaled(float[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static double length(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        return Math.sqrt(sq);
    }

    private static double relativeDifference(float[] a, float[] b) {
        double diff = 0;
        double size = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (double) (a[i] - b[i]) * (a[i] - b[i]);
            size += (double) a[i] * a[i];
        }
        return Math.sqrt(diff / Math.max(size, 1e-30));
    }

    static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(Math.max(sxx * syy, 1e-300));
    }

    private static double[] aucs(double[] score, Corruption[] kind, boolean[] subset, boolean in) {
        double[] masked = score.clone();
        for (int s = 0; s < masked.length; s++) {
            if (subset[s] != in) {
                masked[s] = Double.NaN;
            }
        }
        return aucs(masked, kind);
    }

    private static double[] aucs(double[] score, Corruption[] kind) {
        return new double[] {auc(score, kind, null), auc(score, kind, Corruption.LABEL_NOISE), auc(score, kind, Corruption.UNRELATED)};
    }

    private static double auc(double[] score, Corruption[] kind, Corruption against) {
        List<Double> s = new ArrayList<>();
        List<Boolean> clean = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            boolean isClean = kind[i] == Corruption.NONE;
            boolean counted = isClean || (kind[i] != Corruption.UNKNOWN && (against == null || kind[i] == against));
            if (counted && !Double.isNaN(score[i])) {
                s.add(score[i]);
                clean.add(isClean);
            }
        }
        if (!clean.contains(true) || !clean.contains(false)) {
            return Double.NaN;
        }
        boolean[] c = new boolean[clean.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = clean.get(i);
        }
        return RocAuc.of(s.stream().mapToDouble(Double::doubleValue).toArray(), c);
    }
}
