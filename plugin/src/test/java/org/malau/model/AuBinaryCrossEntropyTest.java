package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.malau.data.AuLabels;

class AuBinaryCrossEntropyTest {
    @Test
    void unknownLabelsAddNoLossAndNoGradient() {
        AuBinaryCrossEntropy bce = new AuBinaryCrossEntropy(null);
        float[] z = {0.3f, -1.2f, 2.0f};
        double[] g = new double[3];
        double withUnknown = bce.evaluate(z, new byte[] {1, AuLabels.UNKNOWN, 0}, g);
        assertEquals(0.0, g[1]);
        double expected = (Math.log1p(Math.exp(-0.3)) + Math.log1p(Math.exp(2.0))) / 2;
        assertEquals(expected, withUnknown, 1e-6);
        assertEquals(0.0, bce.loss(z, new byte[] {AuLabels.UNKNOWN, AuLabels.UNKNOWN, AuLabels.UNKNOWN}));
    }

    @Test
    void gradientMatchesNumericalDerivativeWithPositiveWeights() {
        AuBinaryCrossEntropy bce = new AuBinaryCrossEntropy(new double[] {3, 1, 0.5});
        float[] z = {0.3f, -1.2f, 2.0f};
        byte[] y = {1, 0, 1};
        double[] g = new double[3];
        bce.evaluate(z, y, g);
        for (int j = 0; j < 3; j++) {
            float[] p = z.clone();
            float[] m = z.clone();
            p[j] += 1e-3f;
            m[j] -= 1e-3f;
            assertEquals((bce.loss(p, y) - bce.loss(m, y)) / ((double) p[j] - m[j]), g[j], 1e-4);
        }
    }

    @Test
    void expressionGradientIsSoftmaxMinusOneHot() {
        ExpressionCrossEntropy ce = new ExpressionCrossEntropy();
        float[] z = {1f, 0f, -1f};
        double[] g = new double[3];
        double l = ce.evaluate(z, 2, g);
        double[] p = ExpressionCrossEntropy.softmax(z);
        assertEquals(-Math.log(p[2]), l, 1e-9);
        assertEquals(p[2] - 1, g[2], 1e-12);
        assertEquals(0.0, ce.loss(z, -1));
    }
}
