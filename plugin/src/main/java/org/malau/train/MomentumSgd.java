package org.malau.train;

/** Stochastic gradient descent with heavy-ball momentum. */
public final class MomentumSgd implements Optimizer {
    private final double momentum;
    private final double[] velocity;

    public MomentumSgd(int size, double momentum) {
        this.momentum = momentum;
        this.velocity = new double[size];
    }

    @Override
    public float[] step(float[] gradient, double learningRate) {
        float[] d = new float[gradient.length];
        for (int i = 0; i < d.length; i++) {
            velocity[i] = momentum * velocity[i] - learningRate * gradient[i];
            d[i] = (float) velocity[i];
        }
        return d;
    }

    @Override
    public String name() {
        return "sgd";
    }
}
