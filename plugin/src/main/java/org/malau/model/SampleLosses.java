package org.malau.model;

/**
 * Unweighted loss of every sample of a batch, per task.
 *
 * @param au per sample the AU loss l^AU (mean BCE over its labelled AUs), 0 when it has no labelled AU
 * @param expression per sample the expression loss l^FE (softmax cross-entropy), 0 when it has no expression label
 */
public record SampleLosses(double[] au, double[] expression) {
}
