package org.malau.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.malau.data.Corruption;
import org.malau.data.Expression;

/** Landmarks must fall on the drawn features after roll, scale and translation. */
class LandmarkTest {
    private static final int SIZE = 128;
    private static final int FACES = 150;

    @Test
    void eyeCentresNoseTipAndMouthCornersLieOnTheirFeatures() {
        SplittableRandom r = new SplittableRandom(11);
        int rolled = 0;
        for (int i = 0; i < FACES; i++) {
            Identity id = Identity.of(3L, SynthGenerator.subjectId(1 + i % 20));
            Expression e = Expression.BASIC7[i % Expression.BASIC7.length];
            float[] in = ExpressionSampler.renderIntensities(ExpressionSampler.sample(e, r), r);
            Pose pose = new Pose((float) (r.nextDouble() * 30 - 15), 0.82f + 0.23f * (float) r.nextDouble(),
                (float) (r.nextDouble() * 20 - 10), (float) (r.nextDouble() * 20 - 10));
            if (Math.abs(pose.rollDegrees()) > 8) {
                rolled++;
            }
            FaceRenderer.Rendered f = FaceRenderer.render(SIZE, id, in, pose, Nuisance.NONE, Unrelated.NONE);
            BufferedImage img = f.image();
            float[] lm = f.landmarks();
            String what = "face " + i + " (" + e.label() + ", " + pose + ")";
            float[] eyes = SynthFace.eyeCentres(lm);
            for (int k = 0; k < 2; k++) {
                int p = pixel(img, eyes[2 * k], eyes[2 * k + 1]);
                assertTrue(luma(p) < 45, what + ": eye centre " + k + " is not on a dark pupil pixel, luma " + luma(p));
            }
            for (int corner : new int[] {48, 54}) {
                int p = pixel(img, lm[2 * corner], lm[2 * corner + 1]);
                // Lip colour includes its darker margin and lip line, which meet at the corners.
                double lip = Math.min(dist(p, id.lipRgb()), Math.min(dist(p, shade(id.lipRgb(), 0.65f)), dist(p, shade(id.lipRgb(), 0.5f))));
                assertTrue(lip < dist(p, id.skinRgb()),
                    what + ": mouth corner " + corner + " colour " + Integer.toHexString(p) + " is closer to skin "
                        + Integer.toHexString(id.skinRgb()) + " than to lip " + Integer.toHexString(id.lipRgb()));
            }
            int tip = pixel(img, lm[60], lm[61]);
            int highlight = Identity.lerp(id.skinRgb(), 0xffffff, 0.22f);
            assertTrue(dist(tip, highlight) < dist(tip, id.skinRgb()),
                what + ": nose tip is not on the nose-tip highlight, colour " + Integer.toHexString(tip));
            assertInside(lm, what);
        }
        assertTrue(rolled > FACES / 4, "the poses should include clearly rolled heads");
    }

    @Test
    void landmarksFollowThePoseTransform() {
        Identity id = Identity.of(5L, "s0001");
        float[] none = new float[SynthAus.COUNT];
        float[] upright = FaceRenderer.render(SIZE, id, none, Pose.CENTRED, Nuisance.NONE, Unrelated.NONE).landmarks();
        Pose rolled = new Pose(12f, 0.9f, 6f, -4f);
        float[] moved = FaceRenderer.render(SIZE, id, none, rolled, Nuisance.NONE, Unrelated.NONE).landmarks();
        float[] eu = SynthFace.eyeCentres(upright);
        float[] em = SynthFace.eyeCentres(moved);
        double angleUp = Math.toDegrees(Math.atan2(eu[3] - eu[1], eu[2] - eu[0]));
        double angleMoved = Math.toDegrees(Math.atan2(em[3] - em[1], em[2] - em[0]));
        assertEquals(12.0, angleMoved - angleUp, 0.01, "the eye line turns with the roll");
        double iodUp = Math.hypot(eu[2] - eu[0], eu[3] - eu[1]);
        double iodMoved = Math.hypot(em[2] - em[0], em[3] - em[1]);
        assertEquals(0.9, iodMoved / iodUp, 1e-4, "the eye distance scales with the face");
    }

    @Test
    void noFaceSamplesHaveNoLandmarksAndOthersDo() {
        SynthGenerator g = new SynthGenerator(SynthConfig.builder().seed(4).auSubjects(1).feSubjects(10).perSubject(20)
            .feUnrelated(0.5).feLabelNoise(0.1).size(64).build());
        int noFace = 0;
        for (int i = 0; i < g.size(SynthSet.FE); i++) {
            SampleSpec s = SampleSpec.draw(g.config(), SynthSet.FE, i);
            if (s.unrelated() == Unrelated.NO_FACE && noFace++ < 3) {
                SynthFace f = g.face(SynthSet.FE, i);
                assertNull(f.landmarks());
                assertEquals(Corruption.UNRELATED, f.corruption());
            }
        }
        assertTrue(noFace > 0);
        SynthFace f = g.face(SynthSet.AU, 0);
        assertEquals(136, f.landmarks().length);
        assertArrayEquals(f.landmarks(), f.record().landmarks());
    }

    private static void assertInside(float[] lm, String what) {
        for (int k = 0; k < 68; k++) {
            assertTrue(lm[2 * k] >= 0 && lm[2 * k] < SIZE && lm[2 * k + 1] >= 0 && lm[2 * k + 1] < SIZE,
                what + ": landmark " + k + " outside the image");
        }
    }

    private static int pixel(BufferedImage img, float x, float y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xffffff;
    }

    private static int shade(int rgb, float f) {
        return (Math.round(((rgb >> 16) & 255) * f) << 16) | (Math.round(((rgb >> 8) & 255) * f) << 8) | Math.round((rgb & 255) * f);
    }

    private static int luma(int p) {
        return (299 * ((p >> 16) & 255) + 587 * ((p >> 8) & 255) + 114 * (p & 255)) / 1000;
    }

    private static double dist(int a, int b) {
        double dr = ((a >> 16) & 255) - ((b >> 16) & 255);
        double dg = ((a >> 8) & 255) - ((b >> 8) & 255);
        double db = (a & 255) - (b & 255);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
