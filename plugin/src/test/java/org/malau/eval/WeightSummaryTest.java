package org.malau.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.malau.data.Corruption;
import org.malau.eval.WeightSummary.Group;
import org.malau.eval.WeightSummary.Sample;
import org.malau.eval.WeightSummary.Weight;

/** {@link WeightSummary} against figures worked out by hand. */
class WeightSummaryTest {
    private static final double NAN = Double.NaN;

    /** Three epochs; NaN where a sample was not drawn. */
    private static final List<Sample> SAMPLES = List.of(
        new Sample("happiness", Corruption.NONE, new double[] {0.8, NAN, 1.0}),       // used 0.9, last 1.0
        new Sample("happiness", Corruption.LABEL_NOISE, new double[] {0.4, 0.2, NAN}), // used 0.3, last 0.2
        new Sample("sadness", Corruption.NONE, new double[] {NAN, 0.6, NAN}),          // used 0.6, last 0.6
        new Sample("sadness", Corruption.UNRELATED, new double[] {0.7, 0.1, 0.1}),     // used 0.3, last 0.1
        new Sample("anger", Corruption.UNKNOWN, new double[] {0.5, 0.5, 0.5}),         // used 0.5, last 0.5
        new Sample("anger", Corruption.NONE, new double[] {NAN, NAN, NAN}));           // never drawn: left out

    @Test
    void usedAndLastWeights() {
        assertEquals(0.9, WeightSummary.used(new double[] {0.8, NAN, 1.0}), 1e-15);
        assertEquals(1.0, WeightSummary.lastDrawn(new double[] {0.8, 1.0, NAN}), 0);
        assertTrue(Double.isNaN(WeightSummary.used(new double[] {NAN, NAN})));
        WeightSummary w = WeightSummary.of(SAMPLES);
        assertEquals(5, w.samples().size(), "the never-drawn sample is left out");
        assertEquals(3, w.epochs());
        assertArrayEquals(new double[] {0.9, 0.6}, w.weights(Weight.USED, Group.CLEAN), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.6}, w.weights(Weight.LAST, Group.CLEAN), 0);
        assertArrayEquals(new double[] {0.3, 0.3}, w.weights(Weight.USED, Group.CORRUPTED), 1e-15);
        assertEquals(5, w.weights(Weight.USED, Group.ALL).length, "all includes unknown corruption");
        assertEquals(4, w.known().samples().size());
    }

    @Test
    void aucAndMeansByGroupAndKind() {
        WeightSummary w = WeightSummary.of(SAMPLES);
        // clean {0.9, 0.6} above corrupted {0.3, 0.3}: every pair ordered
        assertEquals(1.0, w.auc(Weight.USED), 0);
        assertEquals(1.0, w.auc(Weight.LAST), 0);
        assertEquals(1.0, w.auc(Weight.USED, Corruption.LABEL_NOISE), 0);
        assertEquals(0.75, w.mean(Weight.USED, Group.CLEAN), 1e-15);
        assertEquals(0.3, w.mean(Weight.USED, Corruption.UNRELATED), 1e-15);
        assertEquals((0.9 + 0.3 + 0.6 + 0.3 + 0.5) / 5, w.mean(Weight.USED, Group.ALL), 1e-15);
        assertEquals(List.of(Corruption.LABEL_NOISE, Corruption.UNRELATED), w.corruptionKinds());
        assertTrue(Double.isNaN(WeightSummary.of(SAMPLES.subList(0, 1)).auc(Weight.USED)), "no corrupted sample");
        // the label-noise sample above one clean sample: 3 of 4 pairs ordered
        WeightSummary mixed = WeightSummary.of(List.of(SAMPLES.get(0), SAMPLES.get(2),
            new Sample("x", Corruption.LABEL_NOISE, new double[] {0.7}), new Sample("x", Corruption.LABEL_NOISE, new double[] {0.1})));
        assertEquals(0.75, mixed.auc(Weight.USED), 1e-15);
    }

    @Test
    void perClassAndPerEpoch() {
        WeightSummary w = WeightSummary.of(SAMPLES);
        Map<String, WeightSummary.ClassWeights> c = w.perClass(Weight.USED);
        assertEquals(List.of("happiness", "sadness", "anger"), List.copyOf(c.keySet()), "order of first appearance");
        assertEquals(0.9, c.get("happiness").clean(), 1e-15);
        assertEquals(0.3, c.get("happiness").corrupted(), 1e-15);
        assertEquals(0.6, c.get("happiness").all(), 1e-15);
        assertEquals(2, c.get("happiness").allCount());
        assertTrue(Double.isNaN(c.get("anger").clean()), "its clean sample was never drawn");
        double[][] t = w.trajectory(Group.CLEAN);
        assertArrayEquals(new double[] {0.8, 0, 1}, t[0], 1e-15);
        assertArrayEquals(new double[] {0.6, 0, 1}, t[1], 1e-15);
        double[][] k = w.trajectory(Corruption.UNRELATED);
        assertEquals(0.1, k[2][0], 1e-15);
        double[][] all = w.trajectory(Group.ALL);
        assertEquals((0.8 + 0.4 + 0.7 + 0.5) / 4, all[0][0], 1e-15);
        assertEquals(4, all[0][2], 0);
        assertTrue(w.varies(Weight.USED));
        assertFalse(WeightSummary.of(List.of(new Sample("a", Corruption.NONE, new double[] {1, 1}),
            new Sample("b", Corruption.UNRELATED, new double[] {1, NAN}))).varies(Weight.USED), "equal weights");
    }
}
