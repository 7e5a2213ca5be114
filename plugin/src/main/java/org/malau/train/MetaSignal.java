package org.malau.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * multi-task run it takes v = grad of the mean AU loss of the whole meta split at the current parameters,
 * d_s = v . grad l_s for every expression training sample (exactly, by double backward), and the sample's
 * loss and p(given label) from an inference pass, and scores each as a clean-vs-corrupted ranking (ROC AUC,
 * 1 = every clean sample ranks above every corrupted one), against wrong labels and non-faces apart. Higher
 * d_s means a step on the sample lowers the meta loss (helps), so clean samples should have higher d_s,
 * lower loss and higher p(label).
 */
public final class MetaSignal {
    private static final int CHUNK = 64;

    private MetaSignal() {
    }

    /** The AUCs at one checkpoint; "wrong" = clean vs wrong labels, "nonFace" = clean vs non-faces. */
    public record Checkpoint(int iteration, double dAuc, double dWrong, double dNonFace, double lossAuc, double lossWrong,
        double lossNonFace, double pAuc, double pWrong, double pNonFace, double alignedAuc, double alignedWrong,
        double alignedNonFace) {
    }

    /**
     * Trains {@code config} (its strategy, usually {@code mtl}) up to the last checkpoint without early stopping
     * and measures at each; needs an engine with exact directional derivatives (LibTorch).
     */
    public static List<Checkpoint> measure(TrainingConfig config, FaceDataset au, FaceDataset fe, int[] checkpoints,
        TrainingListener listener) throws IOException, TrainingCancelledException {
        int last = Arrays.stream(checkpoints).max().orElseThrow();
        TrainingConfig c = config.toBuilder().maxIterations(last).epochs(last).patience(0).build();
        List<Checkpoint> out = new ArrayList<>();
        new MalTrainer(c).probe((iteration, net, assembler, auData, meta, feData, trainFe) -> {
            if (Arrays.stream(checkpoints).anyMatch(k -> k == iteration)) {
                out.add(at(iteration, net, assembler, auData, meta, feData, trainFe));
            }
        }).train(au, fe, listener, CancellationCheck.never());
        return out;
    }

    private static Checkpoint at(int iteration, MultiTaskNetwork net, BatchAssembler assembler, FaceDataset au, int[] meta,
        FaceDataset fe, int[] trainFe) throws IOException {
        float[] theta = net.parameters();
        LabelledBatch val = assembler.assemble(au, meta, BatchAssembler.Task.AU, false, 0);
        double[] mean = new double[meta.length];
        Arrays.fill(mean, 1.0 / meta.length);
        float[] v = net.backward(val, new SampleWeights(mean, new double[meta.length])).gradient();
        int m = trainFe.length;
        double[] d = new double[m];
        double[] loss = new double[m];
        double[] p = new double[m];
        double[] aligned = new double[m];
        Corruption[] kind = new Corruption[m];
        for (int from = 0; from < m; from += CHUNK) {
            int[] idx = Arrays.copyOfRange(trainFe, from, Math.min(m, from + CHUNK));
            LabelledBatch b = assembler.assemble(fe, idx, BatchAssembler.Task.EXPRESSION, false, 0);
            SampleLosses ds = net.directionalDerivatives(b, v);
            NetOutput o = net.forward(b.images(), false);
            for (int k = 0; k < idx.length; k++) {
                int label = b.expression()[k];
                d[from + k] = ds.expression()[k];
                p[from + k] = label < 0 ? Double.NaN : o.expressionProbabilities()[k][label];
                loss[from + k] = -Math.log(Math.max(1e-12, p[from + k]));
                kind[from + k] = fe.corruption(idx[k]);
                // d_s over the size of the loss's gradient at the logits, ||p - onehot||: a sample's gradient is about
                // that much larger, so this is close to the alignment (cosine) of its gradient with v.
                double sq = 1 - 2 * p[from + k];
                for (float q : o.expressionProbabilities()[k]) {
                    sq += q * q;
                }
                aligned[from + k] = d[from + k] / Math.sqrt(Math.max(sq, 1e-12));
            }
        }
        // The probe's passes must leave the run as it was.
        net.setParameters(theta);
        double[] negLoss = Arrays.stream(loss).map(x -> -x).toArray();
        return new Checkpoint(iteration, auc(d, kind, null), auc(d, kind, Corruption.LABEL_NOISE), auc(d, kind, Corruption.UNRELATED),
            auc(negLoss, kind, null), auc(negLoss, kind, Corruption.LABEL_NOISE), auc(negLoss, kind, Corruption.UNRELATED),
            auc(p, kind, null), auc(p, kind, Corruption.LABEL_NOISE), auc(p, kind, Corruption.UNRELATED),
            auc(aligned, kind, null), auc(aligned, kind, Corruption.LABEL_NOISE), auc(aligned, kind, Corruption.UNRELATED));
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
