package org.malau.model;

/**
 * Chooses the sample weights of a weighted backward pass once the forward pass has produced the
 * backbone features and losses; this lets the meta net weigh samples without a second forward pass.
 */
@FunctionalInterface
public interface SampleWeighting {
    /**
     * @param features backbone features of each sample (a copy, detached from the network)
     * @param losses unweighted per-sample losses at the current parameters
     */
    SampleWeights weigh(float[][] features, SampleLosses losses);
}
