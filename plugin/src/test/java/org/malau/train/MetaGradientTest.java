package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.malau.model.Dl4jMultiTaskNetwork;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.SampleWeights;
import org.malau.model.TinyFaces;

/**
 * MAL's dL_val/dw_s must be the derivative of the meta loss after the virtual step, L_val(theta*(w))
 * with theta*(w) = theta - alpha grad sum_s c_s w_s l_s, which this test takes numerically by
 * re-running the virtual step with w_s moved up and down.
 */
class MetaGradientTest {
    @Test
    void weightSensitivitiesMatchTheNumericalDerivativeOfTheMetaLoss() {
        MultiTaskNetwork net = Dl4jMultiTaskNetwork.create(TinyFaces.network(), 31);
        LabelledBatch all = TinyFaces.batch(4, true, false, 1).concat(TinyFaces.batch(4, false, true, 2));
        LabelledBatch val = TinyFaces.batch(6, true, false, 3);
        int n = 4;
        double alpha = 0.5;
        double[] c = new double[8];
        double[] w = new double[8];
        for (int s = 0; s < 8; s++) {
            c[s] = 0.25;
            w[s] = 0.3 + 0.05 * s;
        }
        float[] theta = net.parameters();
        float[] g = net.backward(all, weights(w, c, n)).gradient();
        MultiTaskNetwork probe = net.copy();
        double[] analytic = MetaAuxiliaryStrategy.metaTest(probe, theta, g, alpha, all, val, c, n, null).dLossDWeight();
        assertTrue(Arrays.equals(theta, probe.parameters()), "the probe must end at theta");

        double delta = 0.05;
        double[] numeric = new double[8];
        for (int s = 0; s < 8; s++) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[s] += delta;
            down[s] -= delta;
            numeric[s] = (metaLoss(net, theta, all, val, up, c, n, alpha) - metaLoss(net, theta, all, val, down, c, n, alpha))
                / (2 * delta);
        }
        double cos = DirectionalDerivativesTest.cosine(analytic, numeric);
        double scale = norm(analytic) / norm(numeric);
        System.out.println("MAL weight sensitivities vs numerical meta-loss derivative: cosine " + cos + ", norm ratio " + scale);
        assertTrue(cos >= 0.99, "cosine " + cos + ": " + Arrays.toString(analytic) + " vs " + Arrays.toString(numeric));
        assertEquals(1.0, scale, 0.05, "norm ratio");
    }

    private static double metaLoss(MultiTaskNetwork net, float[] theta, LabelledBatch all, LabelledBatch val, double[] w,
        double[] c, int n, double alpha) {
        net.setParameters(theta);
        float[] g = net.backward(all, weights(w, c, n)).gradient();
        net.addToParameters(g, -alpha);
        double l = Arrays.stream(net.losses(val).au()).average().orElseThrow();
        net.setParameters(theta);
        return l;
    }

    private static SampleWeights weights(double[] w, double[] c, int n) {
        double[] a = new double[w.length];
        double[] e = new double[w.length];
        for (int s = 0; s < w.length; s++) {
            if (s < n) {
                a[s] = w[s] * c[s];
            } else {
                e[s] = w[s] * c[s];
            }
        }
        return new SampleWeights(a, e);
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }
}
