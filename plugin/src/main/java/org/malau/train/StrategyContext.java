package org.malau.train;

import org.malau.model.MultiTaskNetwork;

/**
 * What a strategy may use in an iteration: the network, the shared optimiser and this iteration's
 * learning rate. Every strategy takes its real step through {@link #applyStep}, so that all use the
 * same update rule.
 */
public final class StrategyContext {
    private final MultiTaskNetwork network;
    private final Optimizer optimizer;
    private double learningRate;

    public StrategyContext(MultiTaskNetwork network, Optimizer optimizer) {
        this.network = network;
        this.optimizer = optimizer;
    }

    public MultiTaskNetwork network() {
        return network;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Sets the rate the next {@link #applyStep} uses; the trainer calls it every iteration from its schedule. */
    public void setLearningRate(double rate) {
        learningRate = rate;
    }

    /** The real step: theta += optimiser step for {@code gradient}. */
    public void applyStep(float[] gradient) {
        network.addToParameters(optimizer.step(gradient, learningRate), 1);
    }
}
