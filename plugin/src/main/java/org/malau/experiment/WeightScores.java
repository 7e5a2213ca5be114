package org.malau.experiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.malau.data.Corruption;
import org.malau.eval.WeightSummary;
import org.malau.eval.WeightSummary.Group;
import org.malau.eval.WeightSummary.Weight;
import org.malau.train.SampleWeightLog;

/**
 * How well a strategy's expression-sample weights tell clean from corrupted samples ({@link WeightSummary}'s figures
 * for the results), measured on the weights actually used in training: each sample's mean over the epochs in which it was drawn (psi changes during
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
        WeightSummary w = log.expressionWeights().known();
        if (w.isEmpty()) {
            return NONE;
        }
        Map<String, double[]> perClass = new LinkedHashMap<>();
        w.perClass(Weight.USED).forEach((label, c) -> perClass.put(label,
            new double[] {c.clean(), c.all(), c.cleanCount(), c.allCount()}));
        return new WeightScores(w.auc(Weight.USED), w.auc(Weight.USED, Corruption.LABEL_NOISE),
            w.auc(Weight.USED, Corruption.UNRELATED), w.auc(Weight.LAST), w.mean(Weight.USED, Group.CLEAN),
            w.mean(Weight.USED, Corruption.LABEL_NOISE), w.mean(Weight.USED, Corruption.UNRELATED), perClass);
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
}
