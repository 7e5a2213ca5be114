package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.malau.eval.ThresholdTuner;

/** The defaults for small sets: training length, thresholds on a tiny meta split, augmentation for photos. */
class SmallSetDefaultsTest {

    @Test
    void epochsSetByTheDataGiveSmallSetsManyPassesAndLargeOnesALargerBudget() {
        TrainingConfig auto = TrainingConfig.recommended().build();
        assertEquals(0, auto.epochs());
        assertEquals(60, auto.epochsFor(32), "one batch per epoch: 60 epochs");
        assertEquals(30, auto.epochsFor(60), "two batches per epoch: 30 epochs");
        assertEquals(10, auto.epochsFor(640), "20 batches per epoch: the 10-epoch minimum, 200 iterations");
        assertEquals(10, auto.epochsFor(10_000), "at least 10 epochs, so 3,130 iterations");
        assertEquals(60, auto.epochsFor(1), "a single face: one iteration per epoch");
        assertEquals(7, TrainingConfig.builder().epochs(7).build().epochsFor(32), "a given number stays");
    }

    /** 2 positives and 2 negatives are any threshold between them; 0.5 stands in, and the settings say so. */
    @Test
    void aTinyMetaSplitKeepsThresholdHalfAndSaysWhy() {
        float[][] p = {{0.9f, 0.30f}, {0.8f, 0.20f}, {0.2f, 0.25f}, {0.1f, 0.10f}, {0.7f, 0.9f}, {0.3f, 0.8f},
            {0.35f, 0.7f}, {0.6f, 0.05f}, {0.65f, 0.6f}, {0.15f, 0.15f}, {0.12f, 0.75f}, {0.22f, 0.35f}};
        byte[][] y = {{1, 0}, {1, 0}, {0, 0}, {0, 0}, {1, 1}, {0, 1}, {0, 1}, {1, 0}, {1, 1}, {0, 0}, {0, 1}, {0, 0}};
        byte[][] few = java.util.Arrays.copyOf(y, 4);
        float[][] fewP = java.util.Arrays.copyOf(p, 4);
        double[] loose = ThresholdTuner.tune(fewP, few, 2, 1);
        assertEquals(0.25, loose[0], 1e-9, "tuned on 2+/2-, AU 1 takes the lowest threshold that separates them");
        double[] t = ThresholdTuner.tune(fewP, few, 2, 5);
        assertArrayEquals(new double[] {0.5, 0.5}, t);
        String why = ThresholdTuner.describe(few, new int[] {1, 12}, 5);
        assertEquals("0.5 (fewer than 5 positives or negatives in the meta split): AU01 (2+/2-), AU12 (0+/4-)", why);
        double[] enough = ThresholdTuner.tune(p, y, 2, 5);
        assertTrue(enough[1] != 0.5 || enough[0] != 0.5, "5+/7- and 5+/7- are tuned");
        assertEquals("tuned on the meta split: AU01, AU12", ThresholdTuner.describe(y, new int[] {1, 12}, 5));
    }

    @Test
    void aFlipMirrorsTheCropAndHappensForAboutHalfOfThem() {
        Augmentation flip = new Augmentation(0, 0, 0, true, 0, 0);
        int size = 8;
        float[] img = new float[size * size];
        for (int i = 0; i < img.length; i++) {
            img[i] = i % size / (float) size;
        }
        int mirrored = 0;
        for (long seed = 0; seed < 40; seed++) {
            float[] a = img.clone();
            flip.apply(a, 1, size, new SplittableRandom(seed));
            boolean same = java.util.Arrays.equals(a, img);
            boolean mirror = true;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    mirror &= Math.abs(a[y * size + x] - img[y * size + size - 1 - x]) < 1e-6;
                }
            }
            assertTrue(same || mirror, "seed " + seed + ": neither the crop nor its mirror");
            mirrored += mirror ? 1 : 0;
        }
        assertTrue(mirrored > 10 && mirrored < 30, mirrored + " of 40 mirrored");
    }

    /** A horizontal line stays a line tilted by at most the rotation bound (plus the scale's spread). */
    @Test
    void rotationAndScaleStayWithinTheirBounds() {
        int size = 48;
        Augmentation a = new Augmentation(0, 0, 0, false, 8, 0.08);
        for (long seed = 0; seed < 20; seed++) {
            float[] img = new float[size * size];
            for (int x = 0; x < size; x++) {
                img[24 * size + x] = 1;
            }
            a.apply(img, 1, size, new SplittableRandom(seed));
            double[] rowAt = new double[2];
            int[] columns = {8, size - 9};
            for (int k = 0; k < 2; k++) {
                double sum = 0;
                double weighted = 0;
                for (int y = 0; y < size; y++) {
                    sum += img[y * size + columns[k]];
                    weighted += y * img[y * size + columns[k]];
                }
                rowAt[k] = weighted / sum;
            }
            double angle = Math.toDegrees(Math.atan2(rowAt[1] - rowAt[0], columns[1] - columns[0]));
            assertTrue(Math.abs(angle) <= 8.5, "seed " + seed + ": line tilted by " + angle);
            assertTrue(Math.abs((rowAt[0] + rowAt[1]) / 2 - 23.5) < 1.5, "seed " + seed + ": centre moved");
        }
    }

    @Test
    void theSyntheticDemosAugmentationIsUnchanged() {
        // the same draws and arithmetic as before flips and rotations existed: whole-pixel shifts, edges repeated
        Augmentation d = Augmentation.defaults();
        float[] img = new float[16];
        for (int i = 0; i < 16; i++) {
            img[i] = i / 16f;
        }
        float[] a = img.clone();
        d.apply(a, 1, 4, new SplittableRandom(3));
        SplittableRandom r = new SplittableRandom(3);
        int dx = r.nextInt(-2, 3);
        int dy = r.nextInt(-2, 3);
        double b = r.nextDouble(-0.1, 0.1);
        double c = r.nextDouble(0.8, 1.2);
        double mean = 7.5 / 16;
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int sy = Math.max(0, Math.min(3, y - dy));
                int sx = Math.max(0, Math.min(3, x - dx));
                assertEquals((img[sy * 4 + sx] - mean) * c + mean + b, a[y * 4 + x], 1e-6);
            }
        }
    }
}
