package org.malau.eval;

import org.malau.data.AuLabels;

/**
 * Per-AU decision thresholds that maximise F1 on held-out data (the meta split), searched on a
 * grid of 0.05 to 0.95 in steps of 0.05. Class imbalance moves the best threshold of rare AUs far
 * from 0.5; the grid keeps the choice coarse enough not to overfit a small split. An AU without
 * labelled positives keeps 0.5.
 */
public final class ThresholdTuner {
    private ThresholdTuner() {
    }

    public static double[] tune(float[][] probabilities, byte[][] truth, int auCount) {
        return tune(probabilities, truth, auCount, 1);
    }

    /**
     * As {@link #tune(float[][], byte[][], int)}, but an AU with fewer than {@code minimum} labelled positives or
     * fewer than {@code minimum} labelled negatives keeps 0.5. On a tiny meta split (2 positives, 2 negatives) the
     * threshold that maximises F1 is any one between the two groups, and the grid search takes the lowest: 0.05
     * or so, which calls nearly every new face positive; the network's own 0.5, whose training loss balances the
     * two kinds of error at the training set's base rate, is the better guess until there are enough faces (on the
     * smile photos, 3+/3- meta splits: mean F1 0.911 at 0.5, 0.822 at the midpoint of the class means; bench/RESULTS.md).
     */
    public static double[] tune(float[][] probabilities, byte[][] truth, int auCount, int minimum) {
        double[] best = new double[auCount];
        for (int j = 0; j < auCount; j++) {
            best[j] = 0.5;
            int[] c = counts(truth, j);
            if (c[0] < minimum || c[1] < minimum) {
                continue;
            }
            double bestF1 = -1;
            for (int g = 1; g <= 19; g++) {
                double t = g / 20.0;
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int s = 0; s < truth.length; s++) {
                    if (truth[s] == null || truth[s][j] == AuLabels.UNKNOWN) {
                        continue;
                    }
                    boolean p = probabilities[s][j] >= t;
                    if (truth[s][j] == 1) {
                        if (p) {
                            tp++;
                        } else {
                            fn++;
                        }
                    } else if (p) {
                        fp++;
                    }
                }
                if (tp + fn == 0) {
                    break;
                }
                double f1 = AuDetectionScores.f1(tp, fp, fn);
                if (f1 > bestF1 + 1e-12) {
                    bestF1 = f1;
                    best[j] = t;
                }
            }
        }
        return best;
    }

    /** {positives, negatives} labelled for AU index {@code j}. */
    static int[] counts(byte[][] truth, int j) {
        int[] c = new int[2];
        for (byte[] t : truth) {
            if (t != null && t[j] != AuLabels.UNKNOWN) {
                c[t[j] == 1 ? 0 : 1]++;
            }
        }
        return c;
    }

    /**
     * Which AUs {@link #tune(float[][], byte[][], int, int)} tuned and which kept 0.5, in one line for the model's
     * settings, e.g. {@code tuned on the meta split: AU01, AU04; 0.5 (fewer than 5 positives or negatives in the
     * meta split): AU12 (2+/2-)}.
     */
    public static String describe(byte[][] truth, int[] auCodes, int minimum) {
        StringBuilder tuned = new StringBuilder();
        StringBuilder fallback = new StringBuilder();
        for (int j = 0; j < auCodes.length; j++) {
            int[] c = counts(truth, j);
            String name = AuLabels.columnName(auCodes[j]);
            if (c[0] < minimum || c[1] < minimum) {
                fallback.append(fallback.length() == 0 ? "" : ", ").append(name).append(" (").append(c[0]).append("+/")
                    .append(c[1]).append("-)");
            } else {
                tuned.append(tuned.length() == 0 ? "" : ", ").append(name);
            }
        }
        String a = tuned.length() == 0 ? "" : "tuned on the meta split: " + tuned;
        String b = fallback.length() == 0 ? "" : "0.5 (fewer than " + minimum + " positives or negatives in the meta split): "
            + fallback;
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
