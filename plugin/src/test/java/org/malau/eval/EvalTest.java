package org.malau.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.malau.data.AuLabels;

class EvalTest {
    private static final byte U = AuLabels.UNKNOWN;

    @Test
    void f1IgnoresUnknownLabels() {
        byte[][] truth = {{1, U}, {0, 1}, {1, 0}, {U, 1}, null};
        byte[][] pred = {{1, 1}, {1, 1}, {0, 0}, {1, 0}, {1, 1}};
        AuDetectionScores s = AuDetectionScores.of(truth, pred, 2);
        assertEquals(0.5, s.f1()[0], 1e-12);
        assertEquals(2.0 / 3, s.f1()[1], 1e-12);
        assertArrayEquals(new int[] {3, 3}, s.labelled());
        assertEquals((0.5 + 2.0 / 3) / 2, s.averageF1(), 1e-12);
        assertEquals(0.5, s.precision()[0], 1e-12);
        assertEquals(0.5, s.recall()[0], 1e-12);
        assertArrayEquals(new int[] {1, 1}, s.truePositives());
        assertArrayEquals(new int[] {1, 0}, s.falsePositives());
        assertArrayEquals(new int[] {1, 1}, s.falseNegatives());
        assertArrayEquals(new int[] {0, 1}, s.trueNegatives());
    }

    @Test
    void rocAucCountsTiesHalf() {
        assertEquals(1.0, RocAuc.of(new double[] {0.9, 0.8, 0.1, 0.2}, new boolean[] {true, true, false, false}));
        assertEquals(0.0, RocAuc.of(new double[] {0.1, 0.2, 0.9}, new boolean[] {true, true, false}));
        assertEquals(0.5, RocAuc.of(new double[] {0.5, 0.5}, new boolean[] {true, false}));
        assertTrue(Double.isNaN(RocAuc.of(new double[] {0.5}, new boolean[] {true})));
    }

    @Test
    void expressionAccuracyAndConfusion() {
        ExpressionScores s = ExpressionScores.of(new int[] {0, 1, 1, -1}, new int[] {0, 0, 1, 1}, 2);
        assertEquals(2.0 / 3, s.accuracy(), 1e-12);
        assertEquals(1, s.confusion()[1][0]);
    }

    @Test
    void thresholdsMoveTowardsRareClassProbabilities() {
        float[][] p = {{0.2f}, {0.25f}, {0.1f}, {0.05f}, {0.12f}};
        byte[][] y = {{1}, {1}, {0}, {0}, {0}};
        double t = ThresholdTuner.tune(p, y, 1)[0];
        assertTrue(t > 0.12 && t <= 0.2, "threshold " + t);
    }
}
