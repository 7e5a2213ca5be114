package org.malau.train;

/** Stochastic gradient descent with heavy-ball momentum; the velocity is kept in double. */
public final class MomentumSgd implements Optimizer {
    private final double momentum;
    private final double[] velocity;

    /**
     * @param size the length of the vector this optimiser steps
     * @param momentum the share of the previous step carried into the next, 0 to below 1
     */
    public MomentumSgd(int size, double momentum) {
        this.momentum = momentum;
        this.velocity = new double[size];
    }

    private MomentumSgd(MomentumSgd other) {
        momentum = other.momentum;
        velocity = other.velocity.clone();
    }

    @Override
    public float[] step(float[] gradient, double learningRate) {
        check(gradient.length);
        float[] d = new float[gradient.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) update(i, gradient[i], learningRate);
        }
        return d;
    }

    @Override
    public double[] step(double[] gradient, double learningRate) {
        check(gradient.length);
        double[] d = new double[gradient.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = update(i, gradient[i], learningRate);
        }
        return d;
    }

    private void check(int length) {
        if (length != velocity.length) {
            throw new IllegalArgumentException("gradient of " + length + " values for an optimiser of " + velocity.length);
        }
    }

    private double update(int i, double g, double learningRate) {
        velocity[i] = momentum * velocity[i] - learningRate * g;
        return velocity[i];
    }

    @Override
    public MomentumSgd copy() {
        return new MomentumSgd(this);
    }

    @Override
    public String name() {
        return "sgd";
    }
}
