package org.malau.train;

/** Adam with beta1 0.9, beta2 0.999, epsilon 1e-8; state in double so long runs do not drift. */
public final class AdamThetaOptimizer implements Optimizer {
    private final double[] m;
    private final double[] v;
    private int t;

    public AdamThetaOptimizer(int size) {
        m = new double[size];
        v = new double[size];
    }

    @Override
    public float[] step(float[] gradient, double learningRate) {
        t++;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        float[] d = new float[gradient.length];
        for (int i = 0; i < d.length; i++) {
            double g = gradient[i];
            m[i] = 0.9 * m[i] + 0.1 * g;
            v[i] = 0.999 * v[i] + 0.001 * g * g;
            d[i] = (float) (-learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
        }
        return d;
    }

    @Override
    public String name() {
        return "adam";
    }
}
