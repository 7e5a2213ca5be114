package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.malau.model.Dl4jMultiTaskNetwork;
import org.malau.model.LabelledBatch;
import org.malau.model.SampleLosses;
import org.malau.model.SampleWeights;
import org.malau.model.TinyFaces;

class DirectionalDerivativesTest {

    /** The finite difference must agree with v . grad l_s from exact single-sample backward passes. */
    @Test
    void centralDifferenceMatchesExactPerSampleGradients() {
        Dl4jMultiTaskNetwork net = Dl4jMultiTaskNetwork.create(TinyFaces.network(), 21);
        LabelledBatch batch = TinyFaces.batch(8, true, false, 1).concat(TinyFaces.batch(8, false, true, 2));
        // a few training steps first, so that the heads are no longer near their small initial
        // weights and the losses are clearly non-linear in theta
        StrategyContext warmUp = new StrategyContext(net, new AdamThetaOptimizer(net.parameterCount()));
        warmUp.setLearningRate(0.02);
        TrainingStrategy mtl = new FixedMultiTaskStrategy(1);
        LabelledBatch other = TinyFaces.batch(16, true, false, 7);
        for (int i = 0; i < 20; i++) {
            mtl.iterate(warmUp, new IterationBatches(other, TinyFaces.batch(16, false, true, 8), null));
        }
        LabelledBatch val = TinyFaces.batch(6, true, false, 3);
        float[] theta = net.parameters();
        float[] v = net.backward(val, SampleWeights.uniform(val, 1.0 / 6, 0)).gradient();

        SampleLosses fd = DirectionalDerivatives.centralDifference(net, theta, batch, v);
        SampleLosses oneSided = DirectionalDerivatives.forwardDifference(net, theta, batch, v, net.losses(batch));
        assertTrue(java.util.Arrays.equals(theta, net.parameters()), "theta must be restored exactly");

        double[] approx = new double[batch.size()];
        double[] forward = new double[batch.size()];
        double[] exact = new double[batch.size()];
        for (int s = 0; s < batch.size(); s++) {
            LabelledBatch one = batch.slice(s, s + 1);
            float[] g = net.backward(one, SampleWeights.uniform(one, 1, 1)).gradient();
            double dot = 0;
            for (int i = 0; i < g.length; i++) {
                dot += (double) g[i] * v[i];
            }
            exact[s] = dot;
            approx[s] = s < 8 ? fd.au()[s] : fd.expression()[s];
            forward[s] = s < 8 ? oneSided.au()[s] : oneSided.expression()[s];
        }
        double cos = cosine(approx, exact);
        System.out.println("finite-difference vs exact directional derivatives: cosine " + cos);
        assertTrue(cos >= 0.99, "cosine " + cos);
        double cosForward = cosine(forward, exact);
        System.out.println("one-sided difference vs exact directional derivatives: cosine " + cosForward);
        assertTrue(cosForward >= 0.99, "one-sided cosine " + cosForward);
        assertTrue(java.util.Arrays.equals(theta, net.parameters()), "theta must be restored exactly");
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
