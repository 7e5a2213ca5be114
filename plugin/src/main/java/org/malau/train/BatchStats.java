package org.malau.train;

import org.malau.model.LabelledBatch;
import org.malau.model.SampleLosses;

/** Small helpers over per-sample arrays that several strategies share. */
final class BatchStats {
    private BatchStats() {
    }

    static double meanAu(SampleLosses l, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += l.au()[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }

    static double meanExpression(SampleLosses l, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += l.expression()[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }

    /**
     * Each sample's value on its own task in a combined batch: the AU value for the {@code n} AU
     * samples at the front, the expression value for the rest.
     */
    static double[] ownTask(SampleLosses l, int n) {
        double[] out = new double[l.au().length];
        for (int s = 0; s < out.length; s++) {
            out[s] = s < n ? l.au()[s] : l.expression()[s];
        }
        return out;
    }

    /** Weight 1/k on each sample's AU loss: the mean AU loss. */
    static double[] constant(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** Number of B_FE samples in a combined batch. */
    static int expressionCount(IterationBatches b) {
        return b.expression() == null ? 0 : b.expression().size();
    }

    static double[] range(double[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    static LabelledBatch require(LabelledBatch b, String what, String strategy) {
        if (b == null || b.size() == 0) {
            throw new IllegalArgumentException("strategy " + strategy + " needs " + what);
        }
        return b;
    }
}
