package org.malau.eval;

import java.util.Arrays;

/**
 * Area under the ROC curve of a score for separating positives from negatives, via the
 * Mann-Whitney statistic with ties counted half. Here: a sample weight as a clean-vs-corrupted
 * score, where 1 means every clean sample got a higher weight than every corrupted one.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** NaN when either class is empty. */
    public static double of(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPos += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
