package org.malau.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.malau.train.Adam;

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
        assertGradientIsNumerical(MetaWeightNet.create(6, 5, 7), null, null);
    }

    private static void assertGradientIsNumerical(MetaWeightNet net, double[] loss, int[] label) {
        float[][] x = features(4, 6, 1);
        int[] task = {0, 1, 0, 1};
        double[] upstream = {0.3, -1.2, 0.8, 0.5};
        double[] g = net.gradient(net.forward(x, task, loss, label), upstream);
        double[] psi = net.parameters();
        double h = 1e-6;
        for (int i = 0; i < psi.length; i++) {
            double[] e = new double[psi.length];
            e[i] = h;
            net.addToParameters(e, 1);
            double plus = dot(net.weights(x, task, loss, label), upstream);
            net.addToParameters(e, -2);
            double minus = dot(net.weights(x, task, loss, label), upstream);
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
        Adam adam = new Adam(net.parameterCount());
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

    @Test
    void gradientMatchesNumericalDerivativeWithLossAndLabelInputs() {
        assertGradientIsNumerical(MetaWeightNet.create(6, 5, new MetaInputs(true, 3), 7), new double[] {0.2, 2.5, 0.7, 0.1},
            new int[] {-1, 2, 1, 0});
    }

    /**
     * Two expression samples with the same face but different labels: a features-only net must give
     * them the same weight whatever it learns, a net that sees labels (or losses) can tell them apart.
     */
    @Test
    void onlyANetThatSeesLabelsOrLossesCanSeparateTheSameFace() {
        float[][] x = features(1, 6, 5);
        float[][] twice = {x[0], x[0]};
        int[] task = {1, 1};
        double[] loss = {0.1, 3.0};
        int[] label = {0, 1};
        // Meta signal: raise the first (say clean) sample, lower the second (say mislabelled) one.
        double[] push = {-1, 1};
        double[] gaps = new double[3];
        MetaInputs[] inputs = {MetaInputs.FEATURES, new MetaInputs(false, 2), new MetaInputs(true, 0)};
        for (int v = 0; v < inputs.length; v++) {
            MetaWeightNet net = MetaWeightNet.create(6, 8, inputs[v], 3);
            Adam adam = new Adam(net.parameterCount());
            for (int i = 0; i < 200; i++) {
                net.addToParameters(adam.step(net.gradient(net.forward(twice, task, loss, label), push), 0.01), 1);
            }
            double[] w = net.weights(twice, task, loss, label);
            gaps[v] = w[0] - w[1];
        }
        assertEquals(0, gaps[0], 1e-12, "features only");
        assertTrue(gaps[1] > 0.5, "with labels the clean sample must end far above, gap " + gaps[1]);
        assertTrue(gaps[2] > 0.5, "with losses the clean sample must end far above, gap " + gaps[2]);
    }

    @Test
    void refusesMissingOptionalInputs() {
        MetaWeightNet net = MetaWeightNet.create(6, 5, new MetaInputs(true, 0), 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.weights(features(2, 6, 1), new int[2]));
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
    }

    @Test
    void roundTripKeepsOptionalInputsAndReadsFormatOne() throws Exception {
        MetaWeightNet net = MetaWeightNet.create(5, 4, new MetaInputs(true, 7), 9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        net.write(new DataOutputStream(bytes));
        MetaWeightNet back = MetaWeightNet.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(new MetaInputs(true, 7), back.inputs());
        assertArrayEquals(net.parameters(), back.parameters());

        // Format 1, as models written before the optional inputs existed: no input flags.
        MetaWeightNet old = MetaWeightNet.create(5, 4, 9);
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(v1);
        d.writeInt(1);
        d.writeInt(5);
        d.writeInt(4);
        for (double p : old.parameters()) {
            d.writeDouble(p);
        }
        MetaWeightNet read = MetaWeightNet.read(new DataInputStream(new ByteArrayInputStream(v1.toByteArray())));
        assertEquals(MetaInputs.FEATURES, read.inputs());
        assertArrayEquals(old.parameters(), read.parameters());
    }

    @Test
    void parsesInputSpecs() {
        assertEquals(MetaInputs.FEATURES, MetaInputs.parse("features", 7));
        assertEquals(new MetaInputs(true, 7), MetaInputs.parse("features+loss+label", 7));
        assertEquals(new MetaInputs(true, 0), MetaInputs.parse(" features + loss ", 7));
        for (String spec : MetaInputs.SPECS) {
            assertEquals(spec, MetaInputs.parse(spec, 7).spec());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetaInputs.parse("features+margin", 7));
        assertTrue(e.getMessage().contains("margin"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetaInputs.parse("loss", 7));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
