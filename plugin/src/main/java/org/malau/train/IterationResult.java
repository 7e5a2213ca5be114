package org.malau.train;

/**
 * What one iteration of a strategy did.
 *
 * @param auLoss mean unweighted AU loss on B_AU before the step
 * @param expressionLoss mean unweighted expression loss on B_FE before the step (NaN without B_FE)
 * @param totalLoss the weighted objective whose gradient made the real step
 * @param metaLoss the AU loss on B_val that guided the weights (NaN when the strategy uses none)
 * @param auWeights effective weight of each B_AU sample in the real step
 * @param expressionWeights effective weight of each B_FE sample (empty without B_FE)
 */
public record IterationResult(double auLoss, double expressionLoss, double totalLoss, double metaLoss,
    double[] auWeights, double[] expressionWeights) {
}
