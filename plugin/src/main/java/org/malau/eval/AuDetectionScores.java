package org.malau.eval;

import org.malau.data.AuLabels;

/**
 * Per-AU precision, recall and F1 on the positive class, the field's standard AU metric; samples
 * whose label for an AU is unknown are left out of that AU's counts. An AU with no true and no
 * predicted positives has F1 NaN and is left out of the average.
 *
 * @param truePositives per AU
 * @param falsePositives per AU
 * @param falseNegatives per AU
 * @param trueNegatives per AU
 * @param precision per AU
 * @param recall per AU
 * @param f1 per AU
 * @param positives per AU, labelled positives counted
 * @param labelled per AU, samples with a known label
 */
public record AuDetectionScores(int[] truePositives, int[] falsePositives, int[] falseNegatives, int[] trueNegatives,
    double[] precision, double[] recall, double[] f1, int[] positives, int[] labelled) {

    /**
     * @param truth per sample J labels 1/0/{@link AuLabels#UNKNOWN} (a null row = all unknown)
     * @param predicted per sample J 0/1 decisions
     */
    public static AuDetectionScores of(byte[][] truth, byte[][] predicted, int auCount) {
        int[] tp = new int[auCount];
        int[] fp = new int[auCount];
        int[] fn = new int[auCount];
        int[] tn = new int[auCount];
        int[] pos = new int[auCount];
        int[] lab = new int[auCount];
        for (int s = 0; s < truth.length; s++) {
            if (truth[s] == null) {
                continue;
            }
            for (int j = 0; j < auCount; j++) {
                byte y = truth[s][j];
                if (y == AuLabels.UNKNOWN) {
                    continue;
                }
                lab[j]++;
                boolean p = predicted[s][j] == 1;
                if (y == 1) {
                    pos[j]++;
                    if (p) {
                        tp[j]++;
                    } else {
                        fn[j]++;
                    }
                } else if (p) {
                    fp[j]++;
                } else {
                    tn[j]++;
                }
            }
        }
        double[] pr = new double[auCount];
        double[] re = new double[auCount];
        double[] f1 = new double[auCount];
        for (int j = 0; j < auCount; j++) {
            pr[j] = tp[j] + fp[j] == 0 ? Double.NaN : tp[j] / (double) (tp[j] + fp[j]);
            re[j] = tp[j] + fn[j] == 0 ? Double.NaN : tp[j] / (double) (tp[j] + fn[j]);
            f1[j] = f1(tp[j], fp[j], fn[j]);
        }
        return new AuDetectionScores(tp, fp, fn, tn, pr, re, f1, pos, lab);
    }

    /** F1 = 2TP / (2TP + FP + FN); NaN when there is nothing positive on either side. */
    static double f1(int tp, int fp, int fn) {
        int d = 2 * tp + fp + fn;
        return d == 0 ? Double.NaN : 2.0 * tp / d;
    }

    /** Mean F1 over the AUs whose F1 is defined; NaN when none is. */
    public double averageF1() {
        double s = 0;
        int k = 0;
        for (double v : f1) {
            if (!Double.isNaN(v)) {
                s += v;
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }

    /** 0/1 decisions from probabilities and per-AU thresholds. */
    public static byte[][] decide(float[][] probabilities, double[] thresholds) {
        byte[][] d = new byte[probabilities.length][];
        for (int s = 0; s < d.length; s++) {
            d[s] = new byte[thresholds.length];
            for (int j = 0; j < thresholds.length; j++) {
                d[s][j] = (byte) (probabilities[s][j] >= thresholds[j] ? 1 : 0);
            }
        }
        return d;
    }
}
