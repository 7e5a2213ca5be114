package org.malau.model;

/**
 * Factor of every sample's AU and expression loss in a weighted total
 * {@code sum_s au[s] * l_s^AU + expression[s] * l_s^FE}. Normalisers such as 1/n belong in here.
 */
public record SampleWeights(double[] au, double[] expression) {
    /** Weight {@code auWeight} for every sample with AU labels and {@code feWeight} for every one with an expression. */
    public static SampleWeights uniform(LabelledBatch batch, double auWeight, double feWeight) {
        int n = batch.size();
        double[] a = new double[n];
        double[] e = new double[n];
        for (int s = 0; s < n; s++) {
            a[s] = batch.au()[s] != null ? auWeight : 0;
            e[s] = batch.expression()[s] >= 0 ? feWeight : 0;
        }
        return new SampleWeights(a, e);
    }

    /**
     * Weights for a combined batch whose first {@code n} samples come from the AU batch and next
     * {@code m} from the expression batch: the AU samples share {@code auTotal} equally on their AU
     * loss, the expression samples share {@code feTotal} on their expression loss, and nothing else
     * counts (AU samples may carry an expression label too; it is not the expression task's).
     */
    public static SampleWeights perTask(int n, int m, double auTotal, double feTotal) {
        double[] a = new double[n + m];
        double[] e = new double[n + m];
        for (int s = 0; s < n; s++) {
            a[s] = auTotal / n;
        }
        for (int s = n; s < n + m; s++) {
            e[s] = feTotal / m;
        }
        return new SampleWeights(a, e);
    }
}
