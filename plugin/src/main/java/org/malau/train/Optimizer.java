package org.malau.train;

/**
 * Turns a gradient into a parameter step, in plain Java on the flat vector so that every strategy and every network
 * backend shares exactly the same update rule. One family serves theta (float gradients from the network), the meta
 * net's psi and the uncertainty weights (double gradients): an optimiser keeps its own state (moments, velocity, step
 * count) for the one vector it was made for. {@link OptimizerKind} names the family's members.
 */
public interface Optimizer {
    /** The step to add to theta (already multiplied by {@code learningRate}), rounded to float. */
    float[] step(float[] gradient, double learningRate);

    /** The same step for a double vector (psi, the uncertainty weights), not rounded. */
    double[] step(double[] gradient, double learningRate);

    /** {@code adam} or {@code sgd}, an {@link OptimizerKind} id. */
    String name();

    /** An independent optimiser in the same state, e.g. to try a step without disturbing this one. */
    Optimizer copy();
}
