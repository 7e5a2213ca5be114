package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.malau.data.AuLabels;

/** What every engine's {@link MultiTaskNetwork} must do; each test runs on both engines. */
class MultiTaskNetworkContractTest {
    static MultiTaskNetwork create(String engine, long seed) {
        return NetworkEngines.byName(engine).create(TinyFaces.network(), seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void weightedBackwardEqualsWeightedSumOfPerSampleGradients(String engine) {
        MultiTaskNetwork net = create(engine, 3);
        LabelledBatch b = TinyFaces.batch(3, true, false, 1).concat(TinyFaces.batch(3, false, true, 2));
        double[] wa = {0.7, 0.1, 0.4, 0, 0, 0};
        double[] we = {0, 0, 0, 0.2, 0.9, 0.5};
        float[] whole = net.backward(b, new SampleWeights(wa, we)).gradient();
        double[] sum = new double[whole.length];
        for (int s = 0; s < b.size(); s++) {
            float[] g = net.backward(b.slice(s, s + 1), new SampleWeights(new double[] {wa[s]}, new double[] {we[s]})).gradient();
            for (int i = 0; i < g.length; i++) {
                sum[i] += g[i];
            }
        }
        double maxAbs = 0;
        double maxDiff = 0;
        for (int i = 0; i < whole.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(sum[i]));
            maxDiff = Math.max(maxDiff, Math.abs(sum[i] - whole[i]));
        }
        assertTrue(maxAbs > 1e-4, "gradient should not vanish");
        assertTrue(maxDiff < 1e-4 * maxAbs, "max difference " + maxDiff + " of max " + maxAbs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void unknownAuLabelsAreMaskedNotNegative(String engine) {
        MultiTaskNetwork net = create(engine, 3);
        LabelledBatch b = TinyFaces.batch(4, true, false, 5);
        byte[][] none = new byte[4][TinyFaces.AUS];
        for (byte[] row : none) {
            java.util.Arrays.fill(row, AuLabels.UNKNOWN);
        }
        LabelledBatch unknown = new LabelledBatch(b.images(), none, b.expression());
        float[] g = net.backward(unknown, SampleWeights.uniform(unknown, 0.25, 0)).gradient();
        for (float v : g) {
            assertEquals(0f, v, "an all-unknown batch must give zero gradient");
        }
        byte[][] one = new byte[4][];
        byte[][] zero = new byte[4][];
        for (int s = 0; s < 4; s++) {
            one[s] = b.au()[s].clone();
            one[s][2] = AuLabels.UNKNOWN;
            zero[s] = b.au()[s].clone();
            zero[s][2] = 0;
        }
        float[] gUnknown = net.backward(new LabelledBatch(b.images(), one, b.expression()), SampleWeights.uniform(b, 0.25, 0)).gradient();
        float[] gZero = net.backward(new LabelledBatch(b.images(), zero, b.expression()), SampleWeights.uniform(b, 0.25, 0)).gradient();
        assertFalse(java.util.Arrays.equals(gUnknown, gZero), "unknown must not be treated as absent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void sameSeedSameParametersAndNamedParametersRoundTrip(String engine) {
        MultiTaskNetwork a = create(engine, 11);
        MultiTaskNetwork b = create(engine, 11);
        MultiTaskNetwork c = create(engine, 12);
        assertArrayEquals(a.parameters(), b.parameters());
        assertFalse(java.util.Arrays.equals(a.parameters(), c.parameters()));
        MultiTaskNetwork back = NetworkEngines.byName(engine).load(a.namedParameters());
        assertArrayEquals(a.parameters(), back.parameters());
        LabelledBatch batch = TinyFaces.batch(2, true, true, 3);
        assertArrayEquals(a.forward(batch.images()).auLogits()[1], back.forward(batch.images()).auLogits()[1]);
    }

    /** Both engines draw their initial weights by the same rules: He-normal convolutions and features, N(0, 0.01) heads, zero biases. */
    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void initialisationFollowsTheSameRules(String engine) {
        NetworkConfig config = NetworkConfig.defaults(12, 7);
        NetworkParameters p = NetworkEngines.byName(engine).create(config, 5).namedParameters();
        for (NetworkParameters.Spec s : NetworkParameters.layout(config)) {
            float[] v = p.tensor(s.name());
            double mean = 0;
            double sq = 0;
            for (float x : v) {
                mean += x;
                sq += (double) x * x;
            }
            mean /= v.length;
            double sd = Math.sqrt(sq / v.length - mean * mean);
            if (s.name().endsWith(".bias")) {
                assertEquals(0, sq, 0, s + " must start at zero");
                continue;
            }
            boolean head = s.name().startsWith("au.") || s.name().startsWith("fe.");
            double expected = head ? 0.01 : Math.sqrt(2.0 / (s.size() / s.shape()[0]));
            assertEquals(expected, sd, expected * (v.length > 1000 ? 0.08 : 0.35), engine + " " + s + " sd");
            assertEquals(0, mean, 4 * expected / Math.sqrt(v.length), engine + " " + s + " mean");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void inferenceLossesMatchTrainingModeLosses(String engine) {
        MultiTaskNetwork net = create(engine, 4);
        LabelledBatch b = TinyFaces.batch(5, true, true, 9);
        SampleLosses inference = net.losses(b);
        SampleLosses training = net.backward(b, SampleWeights.uniform(b, 1, 1)).losses();
        assertArrayEquals(training.au(), inference.au(), 1e-6);
        assertArrayEquals(training.expression(), inference.expression(), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void backwardAgainEqualsAFreshBackwardWithTheNewWeights(String engine) {
        MultiTaskNetwork net = create(engine, 8);
        LabelledBatch b = TinyFaces.batch(4, true, false, 1).concat(TinyFaces.batch(4, false, true, 2));
        SampleWeights first = SampleWeights.uniform(b, 0.25, 0.25);
        SampleWeights second = new SampleWeights(new double[] {0.1, 0.9, 0.3, 0.2, 0, 0, 0, 0},
            new double[] {0, 0, 0, 0, 0.7, 0.05, 0.4, 0.6});
        net.backward(b, first);
        MultiTaskNetwork probe = net.copy();
        probe.addToParameters(net.parameters(), 0.5);
        probe.losses(b);
        float[] again = net.backwardAgain(second).gradient();
        float[] twice = net.backwardAgain(second).gradient();
        MultiTaskNetwork fresh = create(engine, 8);
        float[] expected = fresh.backward(b, second).gradient();
        assertArrayEquals(expected, again, 1e-6f);
        assertArrayEquals(expected, twice, 1e-6f);
        net.losses(b);
        assertArrayEquals(expected, net.backwardAgain(second).gradient(), 1e-6f, "recomputed after another pass");
    }
}
