package org.malau.data.synth;

import java.awt.image.BufferedImage;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

/**
 * One generated face in memory: the colour image, its labels and landmarks, and the ground truth
 * that real data would not have (the expression actually shown, how an unrelated sample was made).
 *
 * @param id sample id, unique across both sets, e.g. {@code s0003_017}; also the PNG file stem
 * @param set the set the face belongs to
 * @param subject subject id, e.g. {@code s0003}
 * @param image the rendered RGB image
 * @param au AU labels (all {@link SynthAus} codes), null in the FE set
 * @param expression the expression label as written (possibly corrupted)
 * @param trueExpression the expression actually rendered
 * @param corruption label-quality ground truth
 * @param unrelated how an unrelated sample destroys the face ({@link Unrelated#NONE} otherwise)
 * @param landmarks 68 iBUG landmarks as x,y pairs in image pixels, null when the image shows no face
 */
public record SynthFace(String id, SynthSet set, String subject, BufferedImage image, AuLabels au,
    Expression expression, Expression trueExpression, Corruption corruption, Unrelated unrelated, float[] landmarks) {

    /** As a shared face record whose pixels are the grey (luma) version of the image, for memory-only use. */
    public FaceRecord record() {
        return record(new FaceRecord.GreyPixels(image.getWidth(), image.getHeight(), grey(image)));
    }

    /** As a shared face record pointing at the given pixels (e.g. the written PNG). */
    public FaceRecord record(FaceRecord.ImageSource source) {
        return new FaceRecord(id, subject, source, au, expression, corruption, landmarks == null ? null : landmarks.clone());
    }

    /** Rec. 601 luma, rounded, the usual grey conversion of face data sets. */
    static byte[] grey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[i] = (byte) ((299 * ((p >> 16) & 255) + 587 * ((p >> 8) & 255) + 114 * (p & 255) + 500) / 1000);
        }
        return out;
    }

    /**
     * Eye centres as the mean of the six eye landmarks: {x, y} of the subject's right eye (image
     * left, points 36-41), then of the left eye (points 42-47); null when there is no face.
     */
    public float[] eyeCentres() {
        return eyeCentres(landmarks);
    }

    /** {@link #eyeCentres()} for any 68-point landmark array. */
    public static float[] eyeCentres(float[] lm) {
        if (lm == null) {
            return null;
        }
        float[] c = new float[4];
        for (int k = 0; k < 6; k++) {
            c[0] += lm[2 * (36 + k)] / 6f;
            c[1] += lm[2 * (36 + k) + 1] / 6f;
            c[2] += lm[2 * (42 + k)] / 6f;
            c[3] += lm[2 * (42 + k) + 1] / 6f;
        }
        return c;
    }
}
