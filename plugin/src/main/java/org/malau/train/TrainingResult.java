package org.malau.train;

import org.malau.eval.AuDetectionScores;
import org.malau.model.MalModel;

/**
 * What a training run produced.
 *
 * @param model the trained model with tuned thresholds (from the best epoch on the meta split)
 * @param history per-epoch losses and meta-split scores
 * @param weights per-sample weights averaged per epoch
 * @param split the meta split used
 * @param metaScores AU scores on the meta split with the tuned thresholds, or null without a meta split
 */
public record TrainingResult(MalModel model, TrainingHistory history, SampleWeightLog weights, MetaSplit split,
    AuDetectionScores metaScores) {
}
