package org.malau.model;

import org.malau.data.AuLabels;

/**
 * Per-sample AU loss: mean over the sample's labelled AUs of the binary cross-entropy of one
 * sigmoid per AU, with an optional weight on the positive term of each AU against class imbalance.
 * Unknown labels are masked: they add neither loss nor gradient, and do not count in the mean.
 * Computed in double from the logits for stability ({@code log sigmoid(z) = -softplus(-z)}).
 */
public final class AuBinaryCrossEntropy {
    private final double[] positiveWeights;

    /** @param positiveWeights per AU factor on the positive term, or null for all 1 */
    public AuBinaryCrossEntropy(double[] positiveWeights) {
        this.positiveWeights = positiveWeights == null ? null : positiveWeights.clone();
    }

    /** The per-AU positive weights, or null when all are 1. */
    public double[] positiveWeights() {
        return positiveWeights == null ? null : positiveWeights.clone();
    }

    /** Loss of one sample; 0 when {@code labels} is null or has no known AU. */
    public double loss(float[] logits, byte[] labels) {
        return evaluate(logits, labels, null);
    }

    /**
     * Loss of one sample, writing d loss / d logit into {@code gradient} (zero where the label is unknown).
     *
     * @param gradient J values to fill, or null
     */
    public double evaluate(float[] logits, byte[] labels, double[] gradient) {
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        if (labels == null) {
            return 0;
        }
        int known = 0;
        for (byte y : labels) {
            if (y != AuLabels.UNKNOWN) {
                known++;
            }
        }
        if (known == 0) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < logits.length; j++) {
            byte y = labels[j];
            if (y == AuLabels.UNKNOWN) {
                continue;
            }
            double z = logits[j];
            double pw = positiveWeights == null ? 1 : positiveWeights[j];
            double p = sigmoid(z);
            if (y == 1) {
                sum += pw * softplus(-z);
                if (gradient != null) {
                    gradient[j] = pw * (p - 1) / known;
                }
            } else {
                sum += softplus(z);
                if (gradient != null) {
                    gradient[j] = p / known;
                }
            }
        }
        return sum / known;
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
