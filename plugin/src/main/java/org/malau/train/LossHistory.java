package org.malau.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Each expression sample's recent training loss, and from it how far the sample is trusted. Why: on the AU-scarce
 * benchmark the one-step meta-gradient ranks corrupted expression samples above clean ones, while a sample's own
 * loss ranks them the right way (ROC AUC 0.84-0.86 after a few hundred iterations, bench/RESULTS.md), as in the
 * small-loss selection of noisy-label learning (Co-teaching, Han et al. 2018; DivideMix, Li et al. 2020).
 * <p>
 * The loss is averaged over the sample's draws with an exponential decay ({@value #DECAY} per draw), so that one
 * unlucky draw does not condemn a clean sample and the uninformative losses of the first iterations fade. The trust of
 * a sample is 1 minus the percentile rank of that average among all samples seen (1 = the lowest loss, near 0 = the
 * highest): it keeps the ranking the loss gives without assuming a noise rate or a shape of the loss distribution
 * (a two-Gaussian posterior, tried first, stayed flat in runs stopped early; a long memory, the mean of the loss's
 * rank within each batch over all draws, separated worse, 0.70 against 0.77: the early draws carry noise). Scores
 * from an inference pass (the loss, or loss plus entropy) instead of the training pass's loss separated no better
 * and cost a forward pass (bench/RESULTS.md). Deterministic.
 */
public final class LossHistory {
    /** Fewer samples than this with a history: every sample fully trusted. */
    static final int MIN_SAMPLES = 20;
    /** Weight of the newest draw in a sample's average. */
    static final double DECAY = 0.5;

    private final Map<Integer, double[]> byId = new HashMap<>();
    private double[] sorted;

    /** Adds one training-pass loss for each sample id to its running average. */
    public void record(int[] ids, double[] losses) {
        if (ids.length != losses.length) {
            throw new IllegalArgumentException(ids.length + " sample ids but " + losses.length + " losses");
        }
        for (int k = 0; k < ids.length; k++) {
            if (Double.isFinite(losses[k])) {
                double l = Math.max(0, losses[k]);
                double[] s = byId.get(ids[k]);
                if (s == null) {
                    byId.put(ids[k], new double[] {l});
                } else {
                    s[0] += DECAY * (l - s[0]);
                }
            }
        }
    }

    /** Number of samples with a history. */
    public int size() {
        return byId.size();
    }

    /** Takes the current averages as the reference the trust is ranked against. */
    public void fit() {
        if (byId.size() < MIN_SAMPLES) {
            sorted = null;
            return;
        }
        sorted = byId.values().stream().mapToDouble(s -> s[0]).sorted().toArray();
    }

    /**
     * Per sample id, its trust in [0, 1] as of the last {@link #fit}: 1 before the first fit or while too few samples
     * are known, 0.5 for an id without history.
     */
    public double[] trust(int[] ids) {
        double[] t = new double[ids.length];
        for (int k = 0; k < ids.length; k++) {
            double[] s = byId.get(ids[k]);
            t[k] = sorted == null ? 1 : s == null ? 0.5 : 1 - percentile(sorted, s[0]);
        }
        return t;
    }

    /** Mid-rank of x among {@code sorted}, in (0, 1) for a member: ties share their middle rank. */
    static double percentile(double[] sorted, double x) {
        return (lowerBound(sorted, x) + upperBound(sorted, x)) / 2.0 / sorted.length;
    }

    private static int lowerBound(double[] sorted, double x) {
        int i = Arrays.binarySearch(sorted, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == x) {
            i--;
        }
        return i;
    }

    private static int upperBound(double[] sorted, double x) {
        int i = Arrays.binarySearch(sorted, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i < sorted.length && sorted[i] == x) {
            i++;
        }
        return i;
    }
}
