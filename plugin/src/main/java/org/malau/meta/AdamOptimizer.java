package org.malau.meta;

/**
 * Adam (Kingma and Ba 2015) on a flat double vector; the meta net's own optimiser, kept separate
 * from the backbone's so that psi's step size beta is independent of theta's.
 */
public final class AdamOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private int t;

    public AdamOptimizer(int size, double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** Adam with the usual defaults 0.9, 0.999, 1e-8. */
    public AdamOptimizer(int size) {
        this(size, 0.9, 0.999, 1e-8);
    }

    /** The step to add to the parameters for {@code gradient} at learning rate {@code rate}. */
    public double[] step(double[] gradient, double rate) {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        double[] d = new double[gradient.length];
        for (int i = 0; i < d.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
            d[i] = -rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
        return d;
    }
}
