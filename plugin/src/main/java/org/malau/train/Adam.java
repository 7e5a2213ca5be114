package org.malau.train;

/**
 * Adam (Kingma and Ba 2015) with beta1 0.9, beta2 0.999, epsilon 1e-8: the one implementation for theta, the meta
 * net's psi and the uncertainty weights. State is kept in double so that long runs do not drift; a float gradient is
 * widened, stepped in double and the step rounded once.
 */
public final class Adam implements Optimizer {
    // 0.1 and 0.001 as literals, not 1 - 0.9 and 1 - 0.999 (which round differently): theta's optimiser always used
    // these, so its steps stay bit for bit what they were.
    private static final double BETA1 = 0.9;
    private static final double ONE_MINUS_BETA1 = 0.1;
    private static final double BETA2 = 0.999;
    private static final double ONE_MINUS_BETA2 = 0.001;
    private static final double EPSILON = 1e-8;

    private final double[] m;
    private final double[] v;
    private int t;

    /** @param size the length of the vector this optimiser steps */
    public Adam(int size) {
        m = new double[size];
        v = new double[size];
    }

    private Adam(Adam other) {
        m = other.m.clone();
        v = other.v.clone();
        t = other.t;
    }

    @Override
    public float[] step(float[] gradient, double learningRate) {
        double[] c = nextCorrections(gradient.length);
        float[] d = new float[gradient.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) update(i, gradient[i], learningRate, c);
        }
        return d;
    }

    @Override
    public double[] step(double[] gradient, double learningRate) {
        double[] c = nextCorrections(gradient.length);
        double[] d = new double[gradient.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = update(i, gradient[i], learningRate, c);
        }
        return d;
    }

    /** Counts the step and returns the bias corrections {1 - beta1^t, 1 - beta2^t}. */
    private double[] nextCorrections(int length) {
        if (length != m.length) {
            throw new IllegalArgumentException("gradient of " + length + " values for an optimiser of " + m.length);
        }
        t++;
        return new double[]{1 - Math.pow(BETA1, t), 1 - Math.pow(BETA2, t)};
    }

    private double update(int i, double g, double learningRate, double[] c) {
        m[i] = BETA1 * m[i] + ONE_MINUS_BETA1 * g;
        v[i] = BETA2 * v[i] + ONE_MINUS_BETA2 * g * g;
        return -learningRate * (m[i] / c[0]) / (Math.sqrt(v[i] / c[1]) + EPSILON);
    }

    /** @return the steps taken so far */
    public int steps() {
        return t;
    }

    @Override
    public Adam copy() {
        return new Adam(this);
    }

    @Override
    public String name() {
        return "adam";
    }
}
