package org.malau.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.eval.RocAuc;
import org.malau.experiment.WeightScores;
import org.malau.train.SampleWeightLog;

/**
 * What the report shows of one strategy's expression-sample weights: each sample's weight as used in
 * training (its mean over the epochs in which it was drawn, {@link WeightScores#used}) with its corruption
 * and label, and the mean weight per
 * epoch of the clean, label-noise and unrelated samples.
 */
public final class WeightSummary {
    /** The corruption groups in display order. */
    public static final List<Corruption> GROUPS = List.of(Corruption.NONE, Corruption.LABEL_NOISE, Corruption.UNRELATED);

    private final List<Double> clean = new ArrayList<>();
    private final List<Double> corrupted = new ArrayList<>();
    private final Map<String, double[]> classSums = new LinkedHashMap<>();
    private final Map<Corruption, double[]> epochMeans = new EnumMap<>(Corruption.class);
    private final int epochs;

    private WeightSummary(SampleWeightLog log) {
        List<SampleWeightLog.Entry> fe = log.entries().stream().filter(e -> e.set().equals("fe")).toList();
        epochs = fe.isEmpty() ? 0 : fe.get(0).perEpoch().length;
        for (Expression x : Expression.values()) {
            // clean sum, clean count, corrupted sum, corrupted count
            classSums.put(x.label(), new double[4]);
        }
        Map<Corruption, double[][]> sums = new EnumMap<>(Corruption.class);
        for (Corruption c : GROUPS) {
            sums.put(c, new double[2][epochs]);
        }
        for (SampleWeightLog.Entry e : fe) {
            if (e.corruption() == Corruption.UNKNOWN) {
                continue;
            }
            double w = WeightScores.used(e.perEpoch());
            if (Double.isNaN(w)) {
                continue;
            }
            boolean isClean = e.corruption() == Corruption.NONE;
            (isClean ? clean : corrupted).add(w);
            double[] s = classSums.get(e.label());
            if (s != null) {
                s[isClean ? 0 : 2] += w;
                s[isClean ? 1 : 3]++;
            }
            double[][] g = sums.get(e.corruption());
            for (int k = 0; k < epochs && k < e.perEpoch().length; k++) {
                if (!Double.isNaN(e.perEpoch()[k])) {
                    g[0][k] += e.perEpoch()[k];
                    g[1][k]++;
                }
            }
        }
        for (Corruption c : GROUPS) {
            double[][] g = sums.get(c);
            double[] m = new double[epochs];
            for (int k = 0; k < epochs; k++) {
                m[k] = g[1][k] == 0 ? Double.NaN : g[0][k] / g[1][k];
            }
            epochMeans.put(c, m);
        }
        classSums.values().removeIf(s -> s[1] + s[3] == 0);
    }

    /** The expression-sample weights of {@code log}; empty when the strategy had no expression task. */
    public static WeightSummary of(SampleWeightLog log) {
        return new WeightSummary(log);
    }

    /** Whether any expression sample has a weight. */
    public boolean isEmpty() {
        return clean.isEmpty() && corrupted.isEmpty();
    }

    /** Whether the used weights differ between samples; fixed-weight strategies give every sample the same. */
    public boolean varies() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Double> l : List.of(clean, corrupted)) {
            for (double w : l) {
                lo = Math.min(lo, w);
                hi = Math.max(hi, w);
            }
        }
        return hi - lo > 1e-9 * Math.max(1, Math.abs(hi));
    }

    public double[] clean() {
        return clean.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double[] corrupted() {
        return corrupted.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** ROC AUC of the used weight as a clean-vs-corrupted score; NaN without both kinds of samples. */
    public double auc() {
        double[] c = clean();
        double[] x = corrupted();
        double[] w = new double[c.length + x.length];
        boolean[] positive = new boolean[w.length];
        for (int i = 0; i < c.length; i++) {
            w[i] = c[i];
            positive[i] = true;
        }
        System.arraycopy(x, 0, w, c.length, x.length);
        return RocAuc.of(w, positive);
    }

    /** Mean used weight per expression label (classes present only): {clean mean, corrupted mean}, NaN when a side is empty. */
    public Map<String, double[]> classMeans() {
        Map<String, double[]> m = new LinkedHashMap<>();
        classSums.forEach((k, s) -> m.put(k, new double[] {s[1] == 0 ? Double.NaN : s[0] / s[1], s[3] == 0 ? Double.NaN : s[2] / s[3]}));
        return m;
    }

    /** Mean weight per epoch of the samples of {@code group} drawn in that epoch (NaN where none was). */
    public double[] epochMeans(Corruption group) {
        double[] m = epochMeans.get(group);
        if (m == null) {
            throw new IllegalArgumentException("no weight trajectory for " + group + ", only for " + GROUPS);
        }
        return m.clone();
    }

    public int epochs() {
        return epochs;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
