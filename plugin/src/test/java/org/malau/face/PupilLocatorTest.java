package org.malau.face;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gradient pupil search on synthetic eyes whose centre is known exactly. */
class PupilLocatorTest {

    @Test
    void findsADarkIrisOffCentreDespiteNoise() {
        Random rnd = new Random(20260101);
        int w = 50;
        int h = 34;
        for (int trial = 0; trial < 20; trial++) {
            double cx = 12 + rnd.nextDouble() * 26;
            double cy = 10 + rnd.nextDouble() * 14;
            double radius = 6 + rnd.nextDouble() * 3;
            byte[] raw = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.hypot(x - cx, y - cy);
                    // Soft-edged dark iris on bright sclera/skin, plus sensor noise.
                    double v = 70 + 130 / (1 + Math.exp(-(d - radius) * 1.5)) + rnd.nextGaussian() * 8;
                    raw[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
            PixelPoint p = PupilLocator.locate(raw, w, h);
            assertTrue(Math.hypot(p.x() - cx, p.y() - cy) <= 1.5, "trial " + trial + ": found " + p + ", true centre ("
                + cx + ", " + cy + ")");
        }
    }
}
