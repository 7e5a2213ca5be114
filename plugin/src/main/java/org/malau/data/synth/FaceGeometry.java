package org.malau.data.synth;

/**
 * The 68 iBUG landmarks of a face in canonical units, moved by the active AUs. The renderer draws
 * every feature through these points, so the landmarks lie on the drawn features by construction.
 *
 * <p>Canonical frame: a 128 x 128 canvas, x to the right, y down, face centred on x = 64 with the
 * eye line at y = 54. AU displacements are linear in intensity / 5, as FACS intensity grades a
 * growing amount of the same appearance change.
 */
final class FaceGeometry {
    static final float CX = 64f;
    static final float EYE_Y = 54f;
    /** Centre of roll and scale jitter: the middle of the face, between eyes and mouth. */
    static final float PIVOT_Y = 66f;
    /** How far above the eye line the top of the head is. */
    static final float HEAD_TOP = 44f;
    /** How far AU26 drops the chin at intensity 5. */
    static final float JAW_DROP = 8f;

    private FaceGeometry() {
    }

    /** Intensity of AU {@code code} scaled to 0..1. */
    static float t(float[] intensity, int code) {
        float v = intensity[SynthAus.index(code)] / 5f;
        return Math.max(0f, Math.min(1f, v));
    }

    /** Landmarks as x,y pairs (136 floats) for the subject under the given AU intensities (0-5 each). */
    static float[] landmarks(Identity id, float[] intensity) {
        float[] p = new float[136];
        jaw(id, t(intensity, 26), p);
        brows(id, intensity, p);
        nose(id, t(intensity, 9), p);
        eyes(id, intensity, p);
        mouth(id, intensity, p);
        return p;
    }

    private static void set(float[] p, int k, float x, float y) {
        p[2 * k] = x;
        p[2 * k + 1] = y;
    }

    /** Top end of the jaw contour (points 0 and 16), slightly below the eye line as in iBUG. */
    static float jawTop() {
        return EYE_Y + 3f;
    }

    private static void jaw(Identity id, float t26, float[] p) {
        float y0 = jawTop();
        float b = id.chinDrop() - 3f;
        float e = 2f / id.jawExponent();
        // Only the mandible below the jaw angle (points 4-12) drops, so the contour above the nose
        // tip, whose spline shape depends on its neighbours, stays where it is.
        float angle = (float) Math.pow(Math.sin(Math.PI / 4), e);
        for (int k = 0; k <= 16; k++) {
            double phi = Math.PI * k / 16;
            double c = Math.cos(phi);
            double s = Math.sin(phi);
            float x = (float) (CX - id.faceHalfWidth() * Math.signum(c) * Math.pow(Math.abs(c), e));
            float sy = (float) Math.pow(Math.abs(s), e);
            float drop = JAW_DROP * t26 * Math.max(0f, (sy - angle) / (1f - angle));
            set(p, k, x, EYE_Y + 3f + b * sy + drop);
        }
    }

    private static final float[] BROW_PROFILE = {0.3f, -0.6f, -1f, -0.8f, -0.3f};
    private static final float[] AU1_W = {0.05f, 0.2f, 0.45f, 0.75f, 1f};
    private static final float[] AU2_W = {1f, 0.8f, 0.5f, 0.2f, 0.05f};
    private static final float[] AU4_DY = {0.45f, 0.65f, 0.8f, 0.95f, 1f};
    private static final float[] AU4_DX = {0.1f, 0.25f, 0.45f, 0.7f, 1f};

    private static void brows(Identity id, float[] in, float[] p) {
        float t1 = t(in, 1);
        float t2 = t(in, 2);
        float t4 = t(in, 4);
        float by = EYE_Y - id.browHeight();
        float ew = id.eyeHalfWidth();
        float exR = CX - id.iod() / 2;
        float outer = exR - 1.25f * ew;
        float inner = exR + 0.95f * ew;
        for (int k = 0; k < 5; k++) {
            float x = outer + (inner - outer) * k / 4f + 3f * t4 * AU4_DX[k];
            float y = by + id.browArch() * BROW_PROFILE[k] - 6.5f * t1 * AU1_W[k] - 5f * t2 * AU2_W[k]
                + 4f * t4 * AU4_DY[k];
            set(p, 17 + k, x, y);
            set(p, 26 - k, 2 * CX - x, y);
        }
    }

    private static void nose(Identity id, float t9, float[] p) {
        float tip = EYE_Y + id.noseLength();
        set(p, 27, CX, EYE_Y - 1f);
        set(p, 28, CX, EYE_Y - 1f + (tip - EYE_Y + 1f) / 3f);
        set(p, 29, CX, EYE_Y - 1f + 2f * (tip - EYE_Y + 1f) / 3f);
        set(p, 30, CX, tip);
        float nw = id.noseHalfWidth() + 1.2f * t9;
        float lift = 1.6f * t9;
        set(p, 31, CX - nw, tip + 2.0f - lift);
        set(p, 32, CX - 0.5f * nw, tip + 2.8f - lift);
        set(p, 33, CX, tip + 3.2f - lift);
        set(p, 34, CX + 0.5f * nw, tip + 2.8f - lift);
        set(p, 35, CX + nw, tip + 2.0f - lift);
    }

    private static void eyes(Identity id, float[] in, float[] p) {
        float t5 = t(in, 5);
        float t6 = t(in, 6);
        float t7 = t(in, 7);
        float ew = id.eyeHalfWidth();
        float up = id.upperLid() + 2.2f * t5 - 0.7f * t7;
        float low = id.lowerLid() - 1.1f * t6 - 1.5f * t7;
        float outerLift = 0.4f * t6;
        float exR = CX - id.iod() / 2;
        float[][] right = {
            {exR - ew, EYE_Y + 0.2f - outerLift},
            {exR - 0.38f * ew, EYE_Y - up},
            {exR + 0.3f * ew, EYE_Y - up},
            {exR + ew, EYE_Y + 0.4f},
            {exR + 0.3f * ew, EYE_Y + low},
            {exR - 0.38f * ew, EYE_Y + low}};
        // iBUG order of the left eye mirrors the right one: inner corner first, then upper lid outwards.
        int[] mirror = {45, 44, 43, 42, 47, 46};
        for (int k = 0; k < 6; k++) {
            set(p, 36 + k, right[k][0], right[k][1]);
            set(p, mirror[k], 2 * CX - right[k][0], right[k][1]);
        }
    }

    private static void mouth(Identity id, float[] in, float[] p) {
        float t10 = t(in, 10);
        float t12 = t(in, 12);
        float t14 = t(in, 14);
        float t15 = t(in, 15);
        float t16 = t(in, 16);
        float t17 = t(in, 17);
        float t20 = t(in, 20);
        float t23 = t(in, 23);
        float t24 = t(in, 24);
        float t25 = t(in, 25);
        float t26 = t(in, 26);
        float my = EYE_Y + id.mouthY();
        float mw = id.mouthHalfWidth() + 2.8f * t12 + 3.5f * t20 - 1.6f * t14 - 2.0f * t23 - 0.8f * t24;
        float cornerY = my - 5.5f * t12 + 4.0f * t15 + 0.8f * t20 - 0.3f * t14;
        // AU17 pushes the lip line up in the middle: the mouth takes the arched shape of a pout.
        float centreY = my - 2.2f * t17;
        float ul = id.upperLip() * (1 - 0.4f * t23 - 0.6f * t24 - 0.25f * t20);
        float ll = id.lowerLip() * (1 - 0.35f * t23 - 0.6f * t24 - 0.25f * t20 + 0.25f * t16 + 0.2f * t17);
        float upOpen = 1.0f * t25 + 0.6f * t26;
        float raise = 3.6f * t10;
        float lowOpen = 3.2f * t25 + 0.85f * JAW_DROP * t26 + 3.2f * t16;

        set(p, 48, CX - mw, cornerY);
        set(p, 54, CX + mw, cornerY);
        // outer upper lip 49..53 and lower lip 55..59 (55 is on the image-right side)
        float[] upU = {0.55f, 0.22f, 0f, 0.22f, 0.55f};
        float[] upProfile = {0.85f, 1f, 0.82f, 1f, 0.85f};
        for (int k = 0; k < 5; k++) {
            float u = upU[k];
            float x = CX + (k < 2 ? -1 : k == 2 ? 0 : 1) * u * mw;
            float w = shape(u);
            float y = line(cornerY, centreY, u) - upOpen * w - raise * w - ul * upProfile[k];
            set(p, 49 + k, x, y);
        }
        float[] lowU = {0.6f, 0.25f, 0f, 0.25f, 0.6f};
        float[] lowProfile = {0.75f, 0.97f, 1f, 0.97f, 0.75f};
        for (int k = 0; k < 5; k++) {
            float u = lowU[k];
            float x = CX + (k < 2 ? 1 : k == 2 ? 0 : -1) * u * mw;
            float y = line(cornerY, centreY, u) + lowOpen * shape(u) + ll * lowProfile[k];
            set(p, 55 + k, x, y);
        }
        float inner = mw - 0.9f;
        set(p, 60, CX - inner, cornerY);
        set(p, 64, CX + inner, cornerY);
        float[] inU = {0.4f, 0f, 0.4f};
        for (int k = 0; k < 3; k++) {
            float u = inU[k];
            float sgn = k - 1;
            float w = shape(u);
            set(p, 61 + k, CX + sgn * u * mw, line(cornerY, centreY, u) - upOpen * w - 0.85f * raise * w);
            set(p, 67 - k, CX + sgn * u * mw, line(cornerY, centreY, u) + lowOpen * w);
        }
    }

    /** Lip line height at relative distance u from the mouth centre (0 centre, 1 corner). */
    private static float line(float cornerY, float centreY, float u) {
        return cornerY + (centreY - cornerY) * (1 - u * u);
    }

    /** How much of a centre displacement reaches relative distance u: all in the middle, none at the corner. */
    private static float shape(float u) {
        return (float) Math.pow(1 - u * u, 0.7);
    }
}
