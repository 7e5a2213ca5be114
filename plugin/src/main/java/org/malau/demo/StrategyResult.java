package org.malau.demo;

import java.util.List;
import java.util.Map;

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
 * @param weights the expression-sample weights
 * @param testPredictions the predictions on the held-out faces, in {@link DemoResults#testFaces()} order
 * @param trainingSettings the settings the model file records (training configuration, strategy settings,
 *     best epoch, iterations run)
 */
public record StrategyResult(String strategy, double averageF1, double[] perAuF1, double feAccuracy, double weightAuc,
    double trainSeconds, TrainingHistory history, WeightSummary weights, List<FacePrediction> testPredictions,
    Map<String, Object> trainingSettings) {

    /** Whether the strategy trained the expression head (all but au-only). */
    public boolean hasExpressionTask() {
        return !Double.isNaN(feAccuracy);
    }
}
