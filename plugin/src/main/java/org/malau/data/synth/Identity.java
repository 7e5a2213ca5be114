package org.malau.data.synth;

import java.util.SplittableRandom;

/**
 * Appearance parameters of one synthetic subject. They depend only on the generator seed and the
 * subject id, so every face of a subject shows the same person and subject-independent splits are
 * meaningful. Lengths are in canonical face units (a 128-unit canvas, see {@link FaceGeometry}).
 *
 * @param subject subject id
 * @param faceHalfWidth half the face width at cheek level
 * @param chinDrop distance from the eye line down to the chin
 * @param jawExponent super-ellipse exponent of the jaw: 2 oval, larger is squarer
 * @param iod distance between the eye centres
 * @param eyeHalfWidth half the width of an eye opening
 * @param upperLid height of the upper lid above the eye line
 * @param lowerLid depth of the lower lid below the eye line
 * @param irisRgb iris colour
 * @param browHeight distance of the brows above the eye line
 * @param browThickness brow thickness
 * @param browArch how much the brow arches
 * @param noseLength distance from the eye line to the nose tip
 * @param noseHalfWidth half the width between the alar wings
 * @param mouthY distance from the eye line to the lip line
 * @param mouthHalfWidth half the mouth width
 * @param upperLip upper lip height
 * @param lowerLip lower lip height
 * @param skinRgb skin colour
 * @param lipRgb lip colour
 * @param hairRgb hair and brow colour
 * @param hairStyle 0 none, 1 short, 2 long, 3 side fringe
 * @param hairline distance of the hairline above the eye line
 * @param glasses whether the subject wears glasses
 * @param glassesRgb frame colour
 * @param shirtRgb clothing colour
 */
public record Identity(String subject, float faceHalfWidth, float chinDrop, float jawExponent, float iod,
    float eyeHalfWidth, float upperLid, float lowerLid, int irisRgb, float browHeight, float browThickness,
    float browArch, float noseLength, float noseHalfWidth, float mouthY, float mouthHalfWidth, float upperLip,
    float lowerLip, int skinRgb, int lipRgb, int hairRgb, int hairStyle, float hairline, boolean glasses,
    int glassesRgb, int shirtRgb) {

    /** Light to dark skin tones; a subject's tone is interpolated between neighbours. */
    private static final int[] SKIN = {0xF6D9C4, 0xEBC3A0, 0xD9A47A, 0xB97F55, 0x8D5A3B, 0x5E3B27};
    private static final int[] HAIR = {0x1A1410, 0x3B2617, 0x6A4226, 0xB08850, 0x8C3A1E, 0x9A9A9A, 0x2A2A2E};
    private static final int[] IRIS = {0x3B2414, 0x5A3A1E, 0x3D6FA0, 0x4F7A45, 0x7A6232};
    private static final int[] FRAMES = {0x111111, 0x5A3A20, 0x202A55, 0x8A8A8A};

    /** The identity of {@code subject} under generator seed {@code seed}. */
    public static Identity of(long seed, String subject) {
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, Seeds.SUBJECT, Seeds.of(subject)));
        float iod = u(r, 28f, 34f);
        float eyeHalfWidth = u(r, 5.8f, 7.0f);
        // The temples must stay outside the outer brow end and the crow's feet, whatever the eyes do.
        float faceHalfWidth = Math.max(u(r, 31f, 36f), iod / 2 + 1.25f * eyeHalfWidth + 6f);
        float chinDrop = u(r, 47f, 53f);
        float jawExponent = u(r, 1.9f, 3.0f);
        float upperLid = u(r, 2.8f, 3.5f);
        float lowerLid = u(r, 2.0f, 2.6f);
        int iris = IRIS[r.nextInt(IRIS.length)];
        float browHeight = u(r, 12f, 13.5f);
        float browThickness = u(r, 1.6f, 3.0f);
        float browArch = u(r, 0.5f, 2.5f);
        float noseLength = u(r, 16f, 18.5f);
        float noseHalfWidth = u(r, 5.5f, 7.2f);
        float mouthY = u(r, 31f, 34f);
        float mouthHalfWidth = u(r, 10f, 12.5f);
        float upperLip = u(r, 2.2f, 3.4f);
        float lowerLip = u(r, 2.8f, 4.2f);
        float tone = (float) r.nextDouble() * (SKIN.length - 1);
        int lo = (int) tone;
        int skin = lerp(SKIN[lo], SKIN[Math.min(lo + 1, SKIN.length - 1)], tone - lo);
        // Lips are a redder, darker version of the skin, so they stay visible on every tone.
        int lip = lerp(skin, 0xA8404A, u(r, 0.35f, 0.55f));
        int hair = HAIR[r.nextInt(HAIR.length)];
        int styleDraw = r.nextInt(20);
        int hairStyle = styleDraw < 2 ? 0 : styleDraw < 9 ? 1 : styleDraw < 15 ? 2 : 3;
        float hairline = u(r, 31f, 35f);
        boolean glasses = r.nextDouble() < 0.2;
        int frame = FRAMES[r.nextInt(FRAMES.length)];
        int shirt = 0x202020 + r.nextInt(0xC0) * 0x10000 + r.nextInt(0xC0) * 0x100 + r.nextInt(0xC0);
        return new Identity(subject, faceHalfWidth, chinDrop, jawExponent, iod, eyeHalfWidth, upperLid, lowerLid, iris,
            browHeight, browThickness, browArch, noseLength, noseHalfWidth, mouthY, mouthHalfWidth, upperLip, lowerLip,
            skin, lip, hair, hairStyle, hairline, glasses, frame, shirt);
    }

    private static float u(SplittableRandom r, float lo, float hi) {
        return lo + (float) r.nextDouble() * (hi - lo);
    }

    /** Linear blend of two packed RGB colours. */
    static int lerp(int a, int b, float t) {
        int rr = Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int gg = Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bb = Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return (rr << 16) | (gg << 8) | bb;
    }
}
