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
        double[] best = new double[auCount];
        for (int j = 0; j < auCount; j++) {
            best[j] = 0.5;
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
}
