package org.malau.train;

import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.SampleLosses;

/**
 * d_s = v . grad_theta l_s(theta) for every sample of a batch at once, by the central difference
 * {@code [l_s(theta + eps v) - l_s(theta - eps v)] / (2 eps)} with {@code eps = 0.01 / ||v||}
 * (MAL.md; DARTS uses the same step). Two inference-mode forward passes replace one backward pass
 * per sample, which DL4J could only do one example at a time.
 */
public final class DirectionalDerivatives {
    /** Relative step: the probe moves theta by 0.01 in Euclidean norm. */
    public static final double RELATIVE_STEP = 0.01;

    private DirectionalDerivatives() {
    }

    /**
     * @param theta the current parameters, restored exactly afterwards
     * @param v the direction
     * @return per sample the derivative of its AU loss and of its expression loss along v (all 0 when v is 0)
     */
    public static SampleLosses centralDifference(MultiTaskNetwork network, float[] theta, LabelledBatch batch, float[] v) {
        double eps = step(v);
        if (eps == 0) {
            return zeros(batch.size());
        }
        SampleLosses plus = lossesAlong(network, theta, batch, v, eps);
        SampleLosses minus = lossesAlong(network, theta, batch, v, -eps);
        return quotient(plus, minus, 2 * eps);
    }

    /**
     * The one-sided difference {@code [l_s(theta + eps v) - l_s(theta)] / eps} (ours): one forward
     * pass instead of two, because MAL already has l_s(theta) from its first step. Its error is of
     * first order in eps instead of second, which at this eps is far below the noise of a batch.
     * Valid only when {@code atTheta} are the losses an inference forward pass would give at theta,
     * so for networks without dropout or batch normalisation, as ours.
     *
     * @param atTheta the per-sample losses at theta of the same batch
     */
    public static SampleLosses forwardDifference(MultiTaskNetwork network, float[] theta, LabelledBatch batch, float[] v,
        SampleLosses atTheta) {
        double eps = step(v);
        if (eps == 0) {
            return zeros(batch.size());
        }
        return quotient(lossesAlong(network, theta, batch, v, eps), atTheta, eps);
    }

    /** eps = RELATIVE_STEP / ||v||, or 0 when v is 0 or not finite (then every derivative is taken as 0). */
    private static double step(float[] v) {
        double norm = norm(v);
        return norm == 0 || !Double.isFinite(norm) ? 0 : RELATIVE_STEP / norm;
    }

    /** Per-sample losses at theta + scale v, leaving the network at theta exactly. */
    private static SampleLosses lossesAlong(MultiTaskNetwork network, float[] theta, LabelledBatch batch, float[] v,
        double scale) {
        try {
            network.addToParameters(v, scale);
            return network.losses(batch);
        } finally {
            network.setParameters(theta);
        }
    }

    private static SampleLosses quotient(SampleLosses a, SampleLosses b, double h) {
        int n = a.au().length;
        double[] au = new double[n];
        double[] fe = new double[n];
        for (int s = 0; s < n; s++) {
            au[s] = (a.au()[s] - b.au()[s]) / h;
            fe[s] = (a.expression()[s] - b.expression()[s]) / h;
        }
        return new SampleLosses(au, fe);
    }

    private static SampleLosses zeros(int n) {
        return new SampleLosses(new double[n], new double[n]);
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
