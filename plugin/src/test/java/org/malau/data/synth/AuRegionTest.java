package org.malau.data.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each AU must change the face where FACS says it acts and nowhere else: the same subject and pose
 * is rendered without and with the AU (no nuisance), and every changed pixel must lie in the AU's
 * region, which is derived from the landmarks of the two renderings.
 */
class AuRegionTest {
    private static final int SIZE = 128;
    private static final int SUBJECTS = 6;
    /** At least this many pixels of the region must change, so an AU cannot pass by doing nothing. */
    private static final int MIN_CHANGED = 25;

    static int[] aus() {
        return SynthAus.codes();
    }

    @ParameterizedTest(name = "AU{0}")
    @MethodSource("aus")
    void changesOnlyItsOwnRegion(int code) {
        for (int s = 1; s <= SUBJECTS; s++) {
            Identity id = Identity.of(7L, SynthGenerator.subjectId(s));
            float[] none = new float[SynthAus.COUNT];
            float[] active = new float[SynthAus.COUNT];
            active[SynthAus.index(code)] = 5f;
            FaceRenderer.Rendered a = FaceRenderer.render(SIZE, id, none, Pose.CENTRED, Nuisance.NONE, Unrelated.NONE);
            FaceRenderer.Rendered b = FaceRenderer.render(SIZE, id, active, Pose.CENTRED, Nuisance.NONE, Unrelated.NONE);
            double[] box = region(code, a.landmarks(), b.landmarks());
            int inside = 0;
            int outside = 0;
            int firstX = -1;
            int firstY = -1;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    if (a.image().getRGB(x, y) == b.image().getRGB(x, y)) {
                        continue;
                    }
                    // A changed pixel belongs to the region when any part of it does.
                    if (x + 1 > box[0] && x < box[2] && y + 1 > box[1] && y < box[3]) {
                        inside++;
                    } else {
                        if (outside == 0) {
                            firstX = x;
                            firstY = y;
                        }
                        outside++;
                    }
                }
            }
            String where = String.format("AU%d subject %d: region x %.1f..%.1f y %.1f..%.1f", code, s, box[0], box[2], box[1],
                box[3]);
            assertTrue(outside == 0, where + ": " + outside + " changed pixels outside, first at (" + firstX + "," + firstY + ")");
            assertTrue(inside >= MIN_CHANGED, where + ": only " + inside + " pixels changed");
        }
    }

    @ParameterizedTest(name = "AU{0}")
    @MethodSource("aus")
    void appearanceChangeGrowsWithIntensity(int code) {
        Identity id = Identity.of(7L, SynthGenerator.subjectId(2));
        float[] none = new float[SynthAus.COUNT];
        BufferedImage neutral = FaceRenderer.render(SIZE, id, none, Pose.CENTRED, Nuisance.NONE, Unrelated.NONE).image();
        long previous = 0;
        for (int level = 1; level <= 5; level += 2) {
            float[] active = new float[SynthAus.COUNT];
            active[SynthAus.index(code)] = level;
            BufferedImage img = FaceRenderer.render(SIZE, id, active, Pose.CENTRED, Nuisance.NONE, Unrelated.NONE).image();
            long diff = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int a = neutral.getRGB(x, y);
                    int b = img.getRGB(x, y);
                    for (int shift = 0; shift < 24; shift += 8) {
                        diff += Math.abs(((a >> shift) & 255) - ((b >> shift) & 255));
                    }
                }
            }
            assertTrue(diff > previous, "AU" + code + ": intensity " + level + " changes the face less than intensity " + (level - 2)
                + " (" + diff + " <= " + previous + ")");
            previous = diff;
        }
    }

    /** {xmin, ymin, xmax, ymax} in pixels of the region an AU may change. */
    static double[] region(int code, float[] n, float[] a) {
        double iod = dist(SynthFace.eyeCentres(n));
        double left = Math.min(x(n, 0), x(a, 0));
        double right = Math.max(x(n, 16), x(a, 16));
        double eyeTop = minY(n, 37, 38, 43, 44);
        double noseTip = y(n, 30);
        switch (code) {
            case 1, 2, 4: {
                double browTop = Math.min(minY(n, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26), minY(a, 17, 18, 19, 20, 21, 22, 23,
                    24, 25, 26));
                return new double[] {left, browTop - 0.5 * iod, right, eyeTop};
            }
            case 5, 6, 7:
                return new double[] {left, eyeTop - 0.25 * iod, right, noseTip};
            case 9: {
                double browBottom = Math.max(maxY(n, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26), maxY(a, 17, 18, 19, 20, 21, 22,
                    23, 24, 25, 26));
                return new double[] {Math.min(x(n, 31), x(a, 31)) - 0.3 * iod, browBottom,
                    Math.max(x(n, 35), x(a, 35)) + 0.3 * iod, Math.min(y(n, 51), y(a, 51))};
            }
            default:
                return new double[] {left, noseTip, right, Math.max(y(n, 8), y(a, 8)) + 2};
        }
    }

    private static double x(float[] lm, int k) {
        return lm[2 * k];
    }

    private static double y(float[] lm, int k) {
        return lm[2 * k + 1];
    }

    private static double minY(float[] lm, int... ks) {
        double m = Double.MAX_VALUE;
        for (int k : ks) {
            m = Math.min(m, y(lm, k));
        }
        return m;
    }

    private static double maxY(float[] lm, int... ks) {
        double m = -Double.MAX_VALUE;
        for (int k : ks) {
            m = Math.max(m, y(lm, k));
        }
        return m;
    }

    private static double dist(float[] eyes) {
        return Math.hypot(eyes[2] - eyes[0], eyes[3] - eyes[1]);
    }

}
