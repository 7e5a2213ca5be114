package org.malau.demo;

import java.util.List;
import java.util.Map;

import org.malau.data.Expression;
import org.malau.eval.WeightSummary;
import org.malau.eval.WeightSummary.Weight;
import org.malau.experiment.WeightScores;
import org.malau.model.FacePrediction;
import org.malau.train.TrainingHistory;

/**
 * One strategy's part of the demo.
 *
 * @param strategy its name
 * @param averageF1 mean AU F1 on the held-out AU subjects (per-AU thresholds tuned on the meta split)
 * @param perAuF1 per AU in {@link DemoResults#auCodes()} order, NaN where the AU has neither true nor predicted positives
 * @param feAccuracy expression accuracy on the held-out AU subjects, NaN for a strategy without expression task
 * @param weightAuc ROC AUC of the final expression-sample weights as clean-vs-corrupted score (0.5 for equal
 *     weights), NaN without expression task
 * @param trainSeconds wall time of training
 * @param history per-epoch losses and meta-split scores
 * @param weights the expression-sample weights (those of known corruption)
 * @param testPredictions the predictions on the held-out faces, in {@link DemoResults#testFaces()} order
 * @param trainingSettings the settings the model file records (training configuration, strategy settings,
 *     best epoch, iterations run)
 * @param weightScores the used weights' AUC against wrong labels and non-faces apart, mean weight per group
 */
public record StrategyResult(String strategy, double averageF1, double[] perAuF1, double feAccuracy, double weightAuc,
    double trainSeconds, TrainingHistory history, WeightSummary weights, List<FacePrediction> testPredictions,
    Map<String, Object> trainingSettings, WeightScores weightScores) {

    /**
     * One sentence on what the expression weights learnt, from the figures; null when the strategy gives every
     * expression sample the same weight or has none.
     */
    public String weightSentence() {
        if (weights.isEmpty() || !weights.varies(Weight.USED) || weightScores == null || Double.isNaN(weightScores.auc())) {
            return null;
        }
        WeightScores w = weightScores;
        String verdict = w.auc() >= 0.8 ? "told clean from corrupted expression samples well"
            : w.auc() >= 0.6 ? "told clean from corrupted expression samples only partly"
            : w.auc() > 0.4 ? "did not tell clean from corrupted expression samples"
            : "weighted corrupted expression samples above clean ones";
        String top = classMeans().entrySet().stream().filter(e -> !Double.isNaN(e.getValue()[0]))
            .max(java.util.Comparator.comparingDouble(e -> e.getValue()[0])).map(Map.Entry::getKey).orElse(null);
        String low = classMeans().entrySet().stream().filter(e -> !Double.isNaN(e.getValue()[0]))
            .min(java.util.Comparator.comparingDouble(e -> e.getValue()[0])).map(Map.Entry::getKey).orElse(null);
        return String.format(java.util.Locale.ROOT, "%s's weights %s (AUC %.2f; mean weight clean %.2f, wrong label %.2f, no usable"
            + " face %.2f)%s.", strategy, verdict, w.auc(), w.meanClean(), w.meanLabelNoise(), w.meanUnrelated(),
            top == null || top.equals(low) ? "" : "; among clean samples " + top + " weighed most and " + low + " least");
    }

    /**
     * Mean used weight per expression class, in {@link Expression}'s order (classes present only): {clean mean,
     * corrupted mean}, NaN where a side is empty.
     */
    public Map<String, double[]> classMeans() {
        Map<String, WeightSummary.ClassWeights> byClass = weights.perClass(Weight.USED);
        Map<String, double[]> m = new java.util.LinkedHashMap<>();
        for (Expression x : Expression.values()) {
            WeightSummary.ClassWeights c = byClass.get(x.label());
            if (c != null) {
                m.put(x.label(), new double[] {c.clean(), c.corrupted()});
            }
        }
        return m;
    }

    /** Whether the strategy trained the expression head (all but au-only). */
    public boolean hasExpressionTask() {
        return !Double.isNaN(feAccuracy);
    }
}
