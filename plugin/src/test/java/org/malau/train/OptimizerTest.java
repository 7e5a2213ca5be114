package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The optimiser family against steps worked out by hand: two parameters, learning rate 0.1, gradients (1, -2) then
 * (0.5, 4).
 */
class OptimizerTest {
    private static final double[] G1 = {1, -2};
    private static final double[] G2 = {0.5, 4};
    private static final double LR = 0.1;

    /**
     * Adam, beta1 0.9, beta2 0.999, epsilon 1e-8.
     *
     * <pre>
     * step 1: m = 0.1 g = (0.1, -0.2); v = 0.001 g^2 = (0.001, 0.004)
     *         bias corrections 1 - 0.9 = 0.1 and 1 - 0.999 = 0.001: m^ = (1, -2), v^ = (1, 4), sqrt v^ = (1, 2)
     *         step = -0.1 m^ / (sqrt v^ + 1e-8) = (-0.1 / 1.00000001, 0.2 / 2.00000001)
     *              = (-0.099999999, 0.0999999995)
     * step 2: m = 0.9 (0.1, -0.2) + 0.1 (0.5, 4) = (0.14, 0.22)
     *         v = 0.999 (0.001, 0.004) + 0.001 (0.25, 16) = (0.001249, 0.019996)
     *         corrections 1 - 0.81 = 0.19 and 1 - 0.998001 = 0.001999
     *         m^ = (14/19, 22/19) = (0.7368421, 1.1578947); v^ = (1249/1999, 19996/1999) = (0.6248124, 10.0030015)
     *         sqrt v^ = (0.7904508, 3.1627522)
     *         step = -0.1 m^ / (sqrt v^ + 1e-8) = (-0.0736842105 / 0.7904507714, -0.1157894737 / 3.1627522135)
     *              = (-0.0932179627, -0.0366103526)
     * </pre>
     *
     * The second step of parameter 2 is small and negative although its gradient is large and positive: the first
     * gradient's momentum still points the other way, and v^ has grown tenfold.
     */
    @Test
    void adamTakesTheHandComputedSteps() {
        Adam adam = new Adam(2);
        assertArrayEquals(new double[]{-0.099999999, 0.0999999995}, adam.step(G1, LR), 1e-12);
        assertArrayEquals(new double[]{-0.0932179627, -0.0366103526}, adam.step(G2, LR), 1e-10);
        assertEquals(2, adam.steps());
    }

    /** Theta's float path is the double path rounded once at the end, so both vectors see one rule. */
    @Test
    void adamOnFloatsIsTheDoubleStepRounded() {
        Adam onDoubles = new Adam(2);
        Adam onFloats = new Adam(2);
        for (double[] g : new double[][]{G1, G2}) {
            double[] d = onDoubles.step(g, LR);
            float[] f = onFloats.step(new float[]{(float) g[0], (float) g[1]}, LR);
            assertArrayEquals(new float[]{(float) d[0], (float) d[1]}, f);
        }
    }

    /**
     * Heavy-ball SGD, momentum 0.9: velocity = 0.9 velocity - 0.1 g.
     *
     * <pre>
     * step 1: velocity = -0.1 (1, -2) = (-0.1, 0.2)
     * step 2: velocity = 0.9 (-0.1, 0.2) - 0.1 (0.5, 4) = (-0.09 - 0.05, 0.18 - 0.4) = (-0.14, -0.22)
     * </pre>
     */
    @Test
    void momentumSgdTakesTheHandComputedSteps() {
        MomentumSgd sgd = new MomentumSgd(2, 0.9);
        assertArrayEquals(new double[]{-0.1, 0.2}, sgd.step(G1, LR), 1e-15);
        assertArrayEquals(new double[]{-0.14, -0.22}, sgd.step(G2, LR), 1e-15);
    }

    /** A copy carries the state on without disturbing the original: both then take the same second step. */
    @Test
    void aCopyContinuesFromTheSameState() {
        for (Optimizer o : new Optimizer[]{new Adam(2), new MomentumSgd(2, 0.9)}) {
            o.step(G1, LR);
            Optimizer copy = o.copy();
            double[] fromCopy = copy.step(G2, LR);
            copy.step(G2, LR);
            assertArrayEquals(fromCopy, o.step(G2, LR), 0, o.name());
        }
    }

    @Test
    void theKindsKnowTheFamilyAndRefuseOthers() {
        for (OptimizerKind k : OptimizerKind.values()) {
            Optimizer o = OptimizerKind.of(k.id()).create(3);
            assertEquals(k.id(), o.name(), "an optimiser says the kind it was made as");
            assertEquals(k == OptimizerKind.ADAM, o instanceof Adam);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.of("rmsprop"));
        assertEquals("unknown optimizer 'rmsprop', expected one of [adam, sgd]", e.getMessage());
    }

    @Test
    void aGradientOfTheWrongLengthIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(2).step(new double[3], LR));
        assertEquals("gradient of 3 values for an optimiser of 2", e.getMessage());
    }
}
