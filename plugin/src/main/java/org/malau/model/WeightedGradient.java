package org.malau.model;

/**
 * Result of one weighted backward pass.
 *
 * @param gradient d(weighted loss)/d(theta), flat, in {@link MultiTaskNetwork#parameters()} order
 * @param weightedLoss {@code sum_s w_s^AU l_s^AU + w_s^FE l_s^FE}
 * @param losses the unweighted per-sample losses
 * @param weights the weights that were applied
 * @param features backbone features of each sample from the same forward pass
 */
public record WeightedGradient(float[] gradient, double weightedLoss, SampleLosses losses, SampleWeights weights,
    float[][] features) {
}
