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
        double norm = norm(v);
        int n = batch.size();
        if (norm == 0 || !Double.isFinite(norm)) {
            return new SampleLosses(new double[n], new double[n]);
        }
        double eps = RELATIVE_STEP / norm;
        try {
            network.addToParameters(v, eps);
            SampleLosses plus = network.losses(batch);
            network.setParameters(theta);
            network.addToParameters(v, -eps);
            SampleLosses minus = network.losses(batch);
            double[] au = new double[n];
            double[] fe = new double[n];
            for (int s = 0; s < n; s++) {
                au[s] = (plus.au()[s] - minus.au()[s]) / (2 * eps);
                fe[s] = (plus.expression()[s] - minus.expression()[s]) / (2 * eps);
            }
            return new SampleLosses(au, fe);
        } finally {
            network.setParameters(theta);
        }
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
