package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkEngines;
import org.malau.model.SampleLosses;
import org.malau.model.SampleWeights;
import org.malau.model.TinyFaces;

class DirectionalDerivativesTest {

    /** A network a few training steps in, so that the losses are clearly non-linear in theta. */
    static MultiTaskNetwork warmedUp(String engine) {
        MultiTaskNetwork net = NetworkEngines.byName(engine).create(TinyFaces.network(), 21);
        StrategyContext warmUp = new StrategyContext(net, new Adam(net.parameterCount()));
        warmUp.setLearningRate(0.02);
        TrainingStrategy mtl = new FixedMultiTaskStrategy(1);
        LabelledBatch other = TinyFaces.batch(16, true, false, 7);
        for (int i = 0; i < 20; i++) {
            mtl.iterate(warmUp, new IterationBatches(other, TinyFaces.batch(16, false, true, 8), null));
        }
        return net;
    }

    /** v . grad l_s from single-sample backward passes, s < au counted as AU samples. */
    static double[] perSampleExact(MultiTaskNetwork net, LabelledBatch batch, float[] v) {
        double[] exact = new double[batch.size()];
        for (int s = 0; s < batch.size(); s++) {
            LabelledBatch one = batch.slice(s, s + 1);
            float[] g = net.backward(one, SampleWeights.uniform(one, 1, 1)).gradient();
            double dot = 0;
            for (int i = 0; i < g.length; i++) {
                dot += (double) g[i] * v[i];
            }
            exact[s] = dot;
        }
        return exact;
    }

    /** The finite difference must agree with v . grad l_s from exact single-sample backward passes. */
    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void finiteDifferencesMatchExactPerSampleGradients(String engine) {
        // a few training steps first, so that the heads are no longer near their small initial
        // weights and the losses are clearly non-linear in theta
        MultiTaskNetwork net = warmedUp(engine);
        LabelledBatch batch = TinyFaces.batch(8, true, false, 1).concat(TinyFaces.batch(8, false, true, 2));
        LabelledBatch val = TinyFaces.batch(6, true, false, 3);
        float[] theta = net.parameters();
        float[] v = net.backward(val, SampleWeights.uniform(val, 1.0 / 6, 0)).gradient();

        SampleLosses fd = DirectionalDerivatives.centralDifference(net, theta, batch, v);
        SampleLosses oneSided = DirectionalDerivatives.forwardDifference(net, theta, batch, v, net.losses(batch));
        assertTrue(java.util.Arrays.equals(theta, net.parameters()), "theta must be restored exactly");

        double[] approx = new double[batch.size()];
        double[] forward = new double[batch.size()];
        double[] exact = perSampleExact(net, batch, v);
        for (int s = 0; s < batch.size(); s++) {
            approx[s] = s < 8 ? fd.au()[s] : fd.expression()[s];
            forward[s] = s < 8 ? oneSided.au()[s] : oneSided.expression()[s];
        }
        double cos = cosine(approx, exact);
        System.out.println(engine + ": finite-difference vs exact directional derivatives: cosine " + cos);
        assertTrue(cos >= 0.99, "cosine " + cos);
        double cosForward = cosine(forward, exact);
        System.out.println(engine + ": one-sided difference vs exact directional derivatives: cosine " + cosForward);
        assertTrue(cosForward >= 0.99, "one-sided cosine " + cosForward);
        assertTrue(java.util.Arrays.equals(theta, net.parameters()), "theta must be restored exactly");
    }

    /**
     * LibTorch's exact derivatives (forward mode on this conv network) equal the single-sample ones (and the finite
     * differences), for AU and expression samples, whether or not a kept backward pass is reused.
     */
    @Test
    void exactDerivativesMatchPerSampleGradientsAndFiniteDifferences() {
        MultiTaskNetwork net = warmedUp("libtorch");
        LabelledBatch batch = TinyFaces.batch(8, true, false, 1).concat(TinyFaces.batch(8, false, true, 2));
        LabelledBatch val = TinyFaces.batch(6, true, false, 3);
        float[] theta = net.parameters();
        float[] v = net.backward(val, SampleWeights.uniform(val, 1.0 / 6, 0)).gradient();
        SampleLosses fresh = net.directionalDerivatives(batch, v);
        net.backward(batch, SampleWeights.uniform(batch, 0.1, 0.1));
        SampleLosses reused = net.directionalDerivatives(batch, v);
        float[] again = net.backwardAgain(SampleWeights.uniform(batch, 0.1, 0.1)).gradient();
        assertTrue(java.util.Arrays.equals(theta, net.parameters()), "theta must not move");
        double[] exact = perSampleExact(net, batch, v);
        SampleLosses central = DirectionalDerivatives.centralDifference(net, theta, batch, v);
        double[] d = new double[16];
        double[] r = new double[16];
        double[] c = new double[16];
        for (int s = 0; s < 16; s++) {
            d[s] = s < 8 ? fresh.au()[s] : fresh.expression()[s];
            r[s] = s < 8 ? reused.au()[s] : reused.expression()[s];
            c[s] = s < 8 ? central.au()[s] : central.expression()[s];
            // an AU sample has no expression loss and vice versa: those derivatives are exactly 0
            assertTrue((s < 8 ? fresh.expression()[s] : fresh.au()[s]) == 0, "other task of sample " + s);
        }
        System.out.println("exact (forward mode) vs single-sample gradients: cosine " + cosine(d, exact)
            + "; vs central difference " + cosine(d, c) + "; reused pass vs fresh " + cosine(r, d));
        assertTrue(cosine(d, exact) >= 0.99999, "exact vs single-sample: " + cosine(d, exact));
        assertTrue(cosine(r, d) >= 0.99999, "reused vs fresh: " + cosine(r, d));
        assertTrue(cosine(d, c) >= 0.999, "exact vs central difference: " + cosine(d, c));
        float[] expected = NetworkEngines.byName("libtorch").load(net.namedParameters())
            .backward(batch, SampleWeights.uniform(batch, 0.1, 0.1)).gradient();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], again[i], 1e-6, "backwardAgain after the reused pass, parameter " + i);
        }
    }

    static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
