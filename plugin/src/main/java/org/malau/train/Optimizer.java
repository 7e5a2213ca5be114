package org.malau.train;

/**
 * Turns a gradient of theta into a parameter step, in plain Java on the flat vector so that every
 * strategy and every network backend shares exactly the same update rule.
 */
public interface Optimizer {
    /** The step to add to theta (already multiplied by {@code learningRate}). */
    float[] step(float[] gradient, double learningRate);

    /** {@code adam} or {@code sgd}. */
    String name();

    /** A new optimiser by name for a vector of {@code size} parameters. */
    static Optimizer byName(String name, int size) {
        return switch (name) {
            case "adam" -> new AdamThetaOptimizer(size);
            case "sgd" -> new MomentumSgd(size, 0.9);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "', expected adam or sgd");
        };
    }
}
