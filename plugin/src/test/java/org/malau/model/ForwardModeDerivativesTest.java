package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conv backbone's forward-mode directional derivatives equal the double-backward ones on the same parameters,
 * batch and direction: odd sizes (pooling with a partial window), colour, the default network; AU labels with
 * unknowns, samples without an expression label, and positive AU weights.
 */
class ForwardModeDerivativesTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> networks() {
        return EngineEquivalenceTest.networks();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void forwardModeEqualsDoubleBackward(String name, NetworkConfig config) {
        TorchMultiTaskNetwork net = TorchMultiTaskNetwork.create(config, 5);
        // Heads far from their small initial weights and biases away from 0, so that every term of the loss
        // derivative counts.
        SplittableRandom r = new SplittableRandom(11);
        float[] theta = net.parameters();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += (float) (0.05 * (r.nextDouble() * 2 - 1));
        }
        net.setParameters(theta);
        double[] pw = new double[config.auCount()];
        for (int j = 0; j < pw.length; j++) {
            pw[j] = 0.5 + j;
        }
        net.setAuPositiveWeights(pw);
        float[] v = new float[net.parameterCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        LabelledBatch batch = EngineEquivalenceTest.batch(config, 12, 3);

        SampleLosses forward = net.byForwardMode(batch, v);
        SampleLosses twice = net.byDoubleBackward(batch, v);

        double scale = Math.max(maxAbs(twice.au()), maxAbs(twice.expression()));
        System.out.println(name + ": forward mode vs double backward, largest |d_s| " + scale + ", largest difference "
            + Math.max(maxDiff(forward.au(), twice.au()), maxDiff(forward.expression(), twice.expression())));
        assertTrue(scale > 1e-3, name + ": derivatives too small to compare: " + scale);
        assertArrayEquals(twice.au(), forward.au(), 1e-4 * scale, name + " AU losses");
        assertArrayEquals(twice.expression(), forward.expression(), 1e-4 * scale, name + " expression losses");
        assertArrayEquals(theta, net.parameters(), name + ": theta must not move");

        // The double backward's other path (the face-api backbone's): reusing a kept backward pass of this batch,
        // which must stay usable for backwardAgain.
        SampleWeights w = SampleWeights.uniform(batch, 0.1, 0.1);
        float[] fresh = net.backward(batch, w).gradient();
        SampleLosses reused = net.byDoubleBackward(batch, v);
        assertArrayEquals(twice.au(), reused.au(), 1e-6 * scale, name + " AU losses, reused pass");
        assertArrayEquals(twice.expression(), reused.expression(), 1e-6 * scale, name + " expression losses, reused pass");
        assertArrayEquals(fresh, net.backwardAgain(w).gradient(), 1e-6f, name + ": backwardAgain after the reused pass");
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
