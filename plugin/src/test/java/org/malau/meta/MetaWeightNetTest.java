package org.malau.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MetaWeightNetTest {
    private static float[][] features(int n, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][f];
        for (float[] row : x) {
            for (int i = 0; i < f; i++) {
                row[i] = (float) Math.max(0, r.nextDouble() * 2 - 0.5);
            }
        }
        return x;
    }

    @Test
    void gradientMatchesNumericalDerivative() {
        MetaWeightNet net = MetaWeightNet.create(6, 5, 7);
        float[][] x = features(4, 6, 1);
        int[] task = {0, 1, 0, 1};
        double[] upstream = {0.3, -1.2, 0.8, 0.5};
        double[] g = net.gradient(net.forward(x, task), upstream);
        double[] psi = net.parameters();
        double h = 1e-6;
        for (int i = 0; i < psi.length; i++) {
            double[] e = new double[psi.length];
            e[i] = h;
            net.addToParameters(e, 1);
            double plus = dot(net.weights(x, task), upstream);
            net.addToParameters(e, -2);
            double minus = dot(net.weights(x, task), upstream);
            net.addToParameters(e, 1);
            assertEquals((plus - minus) / (2 * h), g[i], 1e-6, "parameter " + i);
        }
    }

    @Test
    void weightsAreInUnitIntervalAndDependOnTask() {
        MetaWeightNet net = MetaWeightNet.create(6, 8, 3);
        float[][] x = features(1, 6, 2);
        double a = net.weights(x, new int[] {0})[0];
        double b = net.weights(x, new int[] {1})[0];
        assertTrue(a > 0 && a < 1 && b > 0 && b < 1);
        assertTrue(a != b);
    }

    @Test
    void sameSeedSameNetAndRoundTrip() throws Exception {
        assertArrayEquals(MetaWeightNet.create(5, 4, 9).parameters(), MetaWeightNet.create(5, 4, 9).parameters());
        MetaWeightNet net = MetaWeightNet.create(5, 4, 9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        net.write(new DataOutputStream(bytes));
        MetaWeightNet back = MetaWeightNet.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(net.parameters(), back.parameters());
    }

    @Test
    void adamMovesAgainstTheGradient() {
        MetaWeightNet net = MetaWeightNet.create(6, 8, 3);
        AdamOptimizer adam = new AdamOptimizer(net.parameterCount());
        float[][] x = features(8, 6, 4);
        int[] task = new int[8];
        double[] push = new double[8];
        java.util.Arrays.fill(push, -1);
        double before = net.weights(x, task)[0];
        for (int i = 0; i < 50; i++) {
            net.addToParameters(adam.step(net.gradient(net.forward(x, task), push), 0.01), 1);
        }
        assertTrue(net.weights(x, task)[0] > before, "minimising -sum(w) must raise the weights");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
