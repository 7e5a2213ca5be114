package org.malau.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.data.Corruption;
import org.malau.eval.RocAuc;
import org.malau.train.SampleWeightLog;

/**
 * How well a strategy's expression-sample weights tell clean from corrupted samples, measured on the weights
 * actually used in training: each sample's mean over the epochs in which it was drawn (psi changes during
 * training, so the last epoch alone says little about what the backbone learnt from). The last-epoch weight
 * is available too, for comparison with earlier figures.
 *
 * @param auc ROC AUC of the used weight as a score for "clean", clean against all corrupted samples
 * @param aucLabelNoise clean against samples with a wrong label only
 * @param aucUnrelated clean against samples without a usable face only
 * @param finalAuc as {@code auc} with each sample's weight of the last epoch in which it was drawn
 * @param meanClean mean used weight of the clean samples
 * @param meanLabelNoise mean used weight of the samples with a wrong label
 * @param meanUnrelated mean used weight of the samples without a usable face
 * @param perClass per given expression label (as the training saw it) the mean used weight of its clean samples
 *     and of all its samples: {clean mean, all mean, clean count, all count}
 */
public record WeightScores(double auc, double aucLabelNoise, double aucUnrelated, double finalAuc, double meanClean,
    double meanLabelNoise, double meanUnrelated, Map<String, double[]> perClass) {

    /** NaN everywhere: no expression sample with known corruption was weighed. */
    public static final WeightScores NONE = new WeightScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Map.of());

    /** The scores of {@code log}'s expression samples whose corruption is known. */
    public static WeightScores of(SampleWeightLog log) {
        List<double[]> rows = new ArrayList<>(); // used, final, corruption ordinal
        Map<String, double[]> perClass = new LinkedHashMap<>();
        for (SampleWeightLog.Entry e : log.entries()) {
            if (!e.set().equals("fe") || e.corruption() == Corruption.UNKNOWN) {
                continue;
            }
            double used = used(e.perEpoch());
            if (Double.isNaN(used)) {
                continue;
            }
            rows.add(new double[] {used, lastDrawn(e.perEpoch()), e.corruption().ordinal()});
            double[] c = perClass.computeIfAbsent(e.label(), k -> new double[4]);
            if (e.corruption() == Corruption.NONE) {
                c[0] += used;
                c[2]++;
            }
            c[1] += used;
            c[3]++;
        }
        if (rows.isEmpty()) {
            return NONE;
        }
        for (double[] c : perClass.values()) {
            c[0] = c[2] == 0 ? Double.NaN : c[0] / c[2];
            c[1] = c[1] / c[3];
        }
        return new WeightScores(auc(rows, 0, null), auc(rows, 0, Corruption.LABEL_NOISE), auc(rows, 0, Corruption.UNRELATED),
            auc(rows, 1, null), mean(rows, Corruption.NONE), mean(rows, Corruption.LABEL_NOISE), mean(rows, Corruption.UNRELATED),
            perClass);
    }

    /** The weight a sample was trained with on average: the mean over the epochs in which it was drawn. */
    public static double used(double[] perEpoch) {
        double sum = 0;
        int n = 0;
        for (double w : perEpoch) {
            if (!Double.isNaN(w)) {
                sum += w;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** A sample not drawn in the last epoch has NaN there; its latest weight is the one it last got. */
    public static double lastDrawn(double[] perEpoch) {
        for (int k = perEpoch.length - 1; k >= 0; k--) {
            if (!Double.isNaN(perEpoch[k])) {
                return perEpoch[k];
            }
        }
        return Double.NaN;
    }

    /** One line: the AUCs, mean weights per group and per class. */
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
            "weight AUC used %.3f (wrong labels %.3f, non-faces %.3f; last epoch %.3f); mean weight clean %.3f, wrong label %.3f,"
                + " non-face %.3f; per class (clean/all):", auc, aucLabelNoise, aucUnrelated, finalAuc, meanClean, meanLabelNoise,
            meanUnrelated));
        perClass.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.3f/%.3f", k, v[0], v[1])));
        return b.toString();
    }

    private static double auc(List<double[]> rows, int column, Corruption only) {
        List<double[]> kept = rows.stream().filter(r -> r[2] == Corruption.NONE.ordinal() || only == null || r[2] == only.ordinal())
            .toList();
        double[] w = kept.stream().mapToDouble(r -> r[column]).toArray();
        boolean[] clean = new boolean[kept.size()];
        boolean any = false;
        boolean anyCorrupted = false;
        for (int i = 0; i < clean.length; i++) {
            clean[i] = kept.get(i)[2] == Corruption.NONE.ordinal();
            any |= clean[i];
            anyCorrupted |= !clean[i];
        }
        return any && anyCorrupted ? RocAuc.of(w, clean) : Double.NaN;
    }

    private static double mean(List<double[]> rows, Corruption group) {
        return rows.stream().filter(r -> r[2] == group.ordinal()).mapToDouble(r -> r[0]).average().orElse(Double.NaN);
    }
}
