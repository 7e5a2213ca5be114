package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.malau.meta.MetaInputs;
import org.malau.meta.MetaWeightNet;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkEngines;
import org.malau.model.SampleLosses;
import org.malau.model.SampleWeights;
import org.malau.model.TinyFaces;
import org.malau.model.WeightedGradient;

/**
 * MAL's dL_val/dw_s must be the derivative of the meta loss after the virtual step, L_val(theta*(w))
 * with theta*(w) = theta - alpha grad sum_s c_s w_s l_s, which this test takes numerically by
 * re-running the virtual step with w_s moved up and down.
 */
class MetaGradientTest {
    @ParameterizedTest
    @CsvSource({"dl4j, central", "libtorch, central", "libtorch, forward", "libtorch, exact"})
    void weightSensitivitiesMatchTheNumericalDerivativeOfTheMetaLoss(String engine, String difference) {
        MultiTaskNetwork net = NetworkEngines.byName(engine).create(TinyFaces.network(), 31);
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
        WeightedGradient step = net.backward(all, weights(w, c, n));
        float[] g = step.gradient();
        MultiTaskNetwork probe = net.copy();
        double[] analytic = MetaAuxiliaryStrategy.metaTest(probe, theta, g, alpha, val, c, n,
            derivatives(MetaDifference.of(difference), net, probe, theta, all, step.losses())).dLossDWeight();
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
        System.out.println(engine + ", " + difference + ": MAL weight sensitivities vs numerical meta-loss derivative: cosine "
            + cos + ", norm ratio " + scale);
        assertTrue(cos >= 0.99, "cosine " + cos + ": " + Arrays.toString(analytic) + " vs " + Arrays.toString(numeric));
        assertEquals(1.0, scale, 0.05, "norm ratio");
    }

    /** The meta-gradient that reaches psi, exact and by both finite differences, on the same parameters and batches. */
    @Test
    void exactMetaGradientOfPsiMatchesTheFiniteDifferenceOnes() {
        MultiTaskNetwork net = DirectionalDerivativesTest.warmedUp("libtorch");
        LabelledBatch all = TinyFaces.batch(16, true, false, 11).concat(TinyFaces.batch(16, false, true, 12));
        LabelledBatch val = TinyFaces.batch(16, true, false, 13);
        int n = 16;
        double[] c = new double[32];
        int[] task = new int[32];
        for (int s = 0; s < 32; s++) {
            c[s] = 1.0 / 16;
            task[s] = s < n ? 0 : 1;
        }
        MetaWeightNet psi = MetaWeightNet.create(TinyFaces.network().featureSize(), 8, new MetaInputs(true, 0), 3);
        double[][] gradients = new double[3][];
        for (MetaDifference d : MetaDifference.values()) {
            float[] theta = net.parameters();
            MetaWeightNet.Pass[] pass = new MetaWeightNet.Pass[1];
            WeightedGradient step = net.backward(all, (f, l) -> {
                pass[0] = psi.forward(f, task, BatchStats.ownTask(l, n), all.expression());
                return weights(pass[0].weights(), c, n);
            });
            MultiTaskNetwork probe = net.copy();
            double[] dLdw = MetaAuxiliaryStrategy.metaTest(probe, theta, step.gradient(), 0.1, val, c, n,
                derivatives(d, net, probe, theta, all, step.losses())).dLossDWeight();
            gradients[d.ordinal()] = psi.gradient(pass[0], dLdw);
        }
        double central = DirectionalDerivativesTest.cosine(gradients[2], gradients[0]);
        double forward = DirectionalDerivativesTest.cosine(gradients[2], gradients[1]);
        System.out.println("meta-gradient of psi, exact vs central difference: cosine " + central + "; vs one-sided " + forward);
        assertTrue(central >= 0.999, "exact vs central: " + central);
        assertTrue(forward >= 0.999, "exact vs one-sided: " + forward);
    }

    static java.util.function.Function<float[], SampleLosses> derivatives(MetaDifference d, MultiTaskNetwork net,
        MultiTaskNetwork probe, float[] theta, LabelledBatch all, SampleLosses atTheta) {
        return switch (d) {
            case CENTRAL -> v -> DirectionalDerivatives.centralDifference(probe, theta, all, v);
            case FORWARD -> v -> DirectionalDerivatives.forwardDifference(probe, theta, all, v, atTheta);
            case EXACT -> v -> net.directionalDerivatives(all, v);
        };
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
