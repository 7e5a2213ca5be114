package org.malau.data.synth;

import java.util.SplittableRandom;

import org.malau.data.Expression;

/**
 * AU intensities for an expression: the prototype AU combination with random intensities, some
 * prototype AUs missing and some unrelated AUs added, so that AU labels are correlated with the
 * expression without being determined by it, as in real data.
 */
public final class ExpressionSampler {
    /** Probability that a prototype AU is absent (intensity 0 or trace). */
    static final double MISSING = 0.12;
    /** Probability that a non-prototype AU shows up. */
    static final double EXTRA = 0.06;
    /** Largest deviation of the rendered intensity from the integer label. */
    static final float RENDER_JITTER = 0.4f;

    private static final int[][] PROTOTYPES = {
        {},
        {6, 12},
        {1, 4, 15},
        {1, 2, 5, 26},
        {1, 2, 4, 5, 7, 20, 26},
        {4, 5, 7, 23},
        {9, 15, 16}};

    /** AUs that often accompany a prototype in posed data, with their probability. */
    private static final int[][][] COMPANIONS = {
        {},
        {{25, 50}, {14, 30}},
        {{17, 40}},
        {{25, 70}},
        {{25, 60}},
        {{24, 40}, {17, 30}},
        {{10, 50}, {25, 30}}};

    private static final float[] PROTOTYPE_INTENSITY = {0.08f, 0.25f, 0.3f, 0.22f, 0.15f};
    private static final float[] EXTRA_INTENSITY = {0.45f, 0.3f, 0.17f, 0.08f, 0f};

    private ExpressionSampler() {
    }

    /** The FACS prototype AUs of a basic expression (empty for neutral). */
    public static int[] prototype(Expression e) {
        return PROTOTYPES[basicIndex(e)].clone();
    }

    private static int basicIndex(Expression e) {
        for (int i = 0; i < Expression.BASIC7.length; i++) {
            if (Expression.BASIC7[i] == e) {
                return i;
            }
        }
        throw new IllegalArgumentException("the generator renders " + java.util.Arrays.toString(Expression.BASIC7)
            + ", not " + e);
    }

    /** Integer AU intensities 0-5 in {@link SynthAus} order. */
    static int[] sample(Expression e, SplittableRandom r) {
        int b = basicIndex(e);
        int[] out = new int[SynthAus.COUNT];
        boolean[] proto = new boolean[SynthAus.COUNT];
        for (int code : PROTOTYPES[b]) {
            proto[SynthAus.index(code)] = true;
        }
        for (int[] c : COMPANIONS[b]) {
            if (r.nextInt(100) < c[1]) {
                proto[SynthAus.index(c[0])] = true;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (proto[i]) {
                out[i] = r.nextDouble() < MISSING ? r.nextInt(2) : 1 + pick(PROTOTYPE_INTENSITY, r);
            } else if (r.nextDouble() < EXTRA) {
                out[i] = 1 + pick(EXTRA_INTENSITY, r);
            }
        }
        return out;
    }

    /** Intensities to draw: the labels plus a little continuous variation within the grade. */
    static float[] renderIntensities(int[] labels, SplittableRandom r) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            float j = labels[i] == 0 ? 0f : (float) (r.nextDouble() * 2 - 1) * RENDER_JITTER;
            out[i] = Math.max(0f, Math.min(5f, labels[i] + j));
        }
        return out;
    }

    private static int pick(float[] p, SplittableRandom r) {
        double u = r.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }
}
