/**
 * The end-to-end experiment on the synthetic faces that the demo and the paper-claim benchmark
 * share: generate, align with the known landmarks, train strategies on the same data and budget,
 * predict on held-out subjects, and score AU detection and the learned expression-sample weights.
 */
package org.malau.experiment;
