package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.malau.data.AuLabels;
import org.malau.model.AuBinaryCrossEntropy;

/**
 * The meta objectives must be what their names say: the cross-entropy exactly the training loss, each
 * gradient the derivative of its value, and the calibrated and rank objectives blind to a per-AU rescaling or
 * shift of the logits, which is what keeps them from rewarding a step that only makes the AU head less sure.
 */
class MetaObjectiveTest {
    private static final int N = 30;
    private static final int K = 5;

    private static float[][] logits(long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] z = new float[N][K];
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < K; j++) {
                z[s][j] = (float) ((r.nextDouble() * 2 - 1) * scale);
            }
        }
        return z;
    }

    /** Labels correlated with the logits (so there is something to rank), some unknown, one face without labels. */
    private static byte[][] labels(float[][] z, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[][] y = new byte[N][];
        for (int s = 0; s < N; s++) {
            if (s == 3) {
                continue;
            }
            y[s] = new byte[K];
            for (int j = 0; j < K; j++) {
                double p = 1 / (1 + Math.exp(-z[s][j] + 0.5));
                y[s][j] = r.nextDouble() < 0.1 ? AuLabels.UNKNOWN : (byte) (r.nextDouble() < p ? 1 : 0);
            }
        }
        return y;
    }

    @Test
    void crossEntropyIsTheTrainingLoss() {
        float[][] z = logits(1, 3);
        byte[][] y = labels(z, 2);
        double[] pw = {1, 2, 0.5, 1, 3};
        AuBinaryCrossEntropy bce = new AuBinaryCrossEntropy(pw);
        MetaObjective.Value f = MetaObjective.BCE.evaluate(z, y, pw);
        double mean = 0;
        double[] g = new double[K];
        for (int s = 0; s < N; s++) {
            mean += bce.evaluate(z[s], y[s], g) / N;
            for (int j = 0; j < K; j++) {
                assertEquals(g[j] / N, f.gradient()[s][j], 1e-12);
            }
        }
        assertEquals(mean, f.value(), 1e-12);
    }

    @Test
    void gradientsAreTheDerivativesOfTheValues() {
        // Scale 40: an over-confident head, where the fit of the calibrated objectives is hard (saturated sigmoids).
        for (double scale : new double[] {2, 40})
        for (MetaObjective o : MetaObjective.values()) {
            float[][] z = logits(3, scale);
            byte[][] y = labels(logits(3, 2), 4);
            MetaObjective.Value f = o.evaluate(z, y, null);
            double h = 1e-3;
            for (int s = 0; s < N; s += 7) {
                for (int j = 0; j < K; j++) {
                    float keep = z[s][j];
                    z[s][j] = keep + (float) h;
                    double up = o.evaluate(z, y, null).value();
                    z[s][j] = keep - (float) h;
                    double down = o.evaluate(z, y, null).value();
                    z[s][j] = keep;
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, f.gradient()[s][j], 1e-4 + 1e-2 * Math.abs(numeric), o.id() + " scale " + scale + " face "
                        + s + " AU " + j);
                    if (y[s] == null || y[s][j] == AuLabels.UNKNOWN) {
                        assertEquals(0, f.gradient()[s][j], o.id() + ": unknown labels take no part");
                    }
                }
            }
        }
    }

    /** An over-confident head (logits 4x too large) must not make the calibrated or rank objective prefer smaller logits. */
    @Test
    void calibratedAndRankIgnoreTheScaleAndShiftOfEachAu() {
        float[][] z = logits(5, 1.5);
        byte[][] y = labels(z, 6);
        float[][] moved = new float[N][K];
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < K; j++) {
                moved[s][j] = (float) ((1 + j) * 1.3 * z[s][j] - 0.7 * j);
            }
        }
        for (MetaObjective o : new MetaObjective[] {MetaObjective.CALIBRATED, MetaObjective.RANK}) {
            MetaObjective.Value f = o.evaluate(z, y, null);
            assertEquals(f.value(), o.evaluate(moved, y, null).value(), 2e-3 * f.value(), o.id());
            // No first-order change along "scale or shift AU j": sum_s g_sj z_sj = 0 and sum_s g_sj = 0.
            for (int j = 0; j < K; j++) {
                double alongScale = 0;
                double alongShift = 0;
                double size = 0;
                for (int s = 0; s < N; s++) {
                    alongScale += f.gradient()[s][j] * z[s][j];
                    alongShift += f.gradient()[s][j];
                    size += Math.abs(f.gradient()[s][j] * z[s][j]);
                }
                assertTrue(Math.abs(alongScale) < 0.02 * size, o.id() + " AU " + j + ": " + alongScale + " of " + size);
                assertTrue(Math.abs(alongShift) < 0.02 * size, o.id() + " AU " + j + ": " + alongShift + " of " + size);
            }
        }
        // The plain cross-entropy of the 4x over-confident head falls when the logits shrink: what the others avoid.
        float[][] loud = new float[N][K];
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < K; j++) {
                loud[s][j] = 4 * z[s][j];
            }
        }
        MetaObjective.Value bce = MetaObjective.BCE.evaluate(loud, y, null);
        double alongScale = 0;
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < K; j++) {
                alongScale += bce.gradient()[s][j] * loud[s][j];
            }
        }
        assertTrue(alongScale > 0, "the cross-entropy of an over-confident head is lowered by shrinking it: " + alongScale);
        assertTrue(MetaObjective.TEMPERATURE.evaluate(loud, y, null).scale()[0] < 1,
            "the fitted temperature says the head is over-confident");
    }

    @Test
    void namesAndErrors() {
        assertEquals(MetaObjective.RANK, MetaObjective.of("rank"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetaObjective.of("auc"));
        assertTrue(e.getMessage().contains("'auc'") && e.getMessage().contains("calibrated"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().malVariant("paper").metaLoss("rank").build(),
            "the paper variant keeps MAL.md's meta loss");
        TrainingConfig robust = TrainingConfig.builder().malVariant("robust").metaLoss("rank").build();
        assertEquals("rank", robust.toMap().get("metaLoss"), "the model header records the meta loss");
        assertEquals("rank", robust.toBuilder().build().metaLoss());
        assertEquals("bce", TrainingConfig.builder().malVariant("paper").build().metaLoss());
    }
}
