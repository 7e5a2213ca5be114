package org.malau.model;

/** Per-sample expression loss: softmax cross-entropy over the Q class logits, in double from the logits. */
public final class ExpressionCrossEntropy {
    /** Loss of one sample; 0 when {@code label} is negative (no expression label). */
    public double loss(float[] logits, int label) {
        return evaluate(logits, label, null);
    }

    /**
     * Loss of one sample, writing d loss / d logit (softmax minus one-hot) into {@code gradient}.
     *
     * @param gradient Q values to fill, or null
     */
    public double evaluate(float[] logits, int label, double[] gradient) {
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        if (label < 0) {
            return 0;
        }
        double[] p = softmax(logits);
        if (gradient != null) {
            for (int q = 0; q < p.length; q++) {
                gradient[q] = p[q] - (q == label ? 1 : 0);
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double s = 0;
        for (float z : logits) {
            s += Math.exp(z - max);
        }
        return max + Math.log(s) - logits[label];
    }

    /** Softmax probabilities, shifted by the maximum so that large logits do not overflow. */
    public static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double s = 0;
        for (int q = 0; q < p.length; q++) {
            p[q] = Math.exp(logits[q] - max);
            s += p[q];
        }
        for (int q = 0; q < p.length; q++) {
            p[q] /= s;
        }
        return p;
    }
}
