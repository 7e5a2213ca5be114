package org.malau.model;

/**
 * Inference-mode outputs for a batch, one row per sample.
 *
 * @param auLogits J logits per sample
 * @param auProbabilities J sigmoid probabilities per sample
 * @param expressionLogits Q logits per sample
 * @param expressionProbabilities Q softmax probabilities per sample
 * @param features backbone feature vector per sample, or null when not requested
 */
public record NetOutput(float[][] auLogits, float[][] auProbabilities, float[][] expressionLogits,
    float[][] expressionProbabilities, float[][] features) {
}
