package org.malau.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the training history.
 *
 * @param epoch 1-based
 * @param iterations iterations run so far in total
 * @param learningRate rate at the epoch's last iteration
 * @param auLoss mean unweighted AU loss over the epoch's B_AU batches
 * @param expressionLoss mean unweighted expression loss over the B_FE batches (NaN without FE task)
 * @param totalLoss mean weighted objective of the real steps
 * @param metaLoss mean AU loss on B_val (NaN for strategies without a meta batch)
 * @param metaAuF1 average AU F1 on the whole meta split at threshold 0.5 (NaN without a meta split)
 * @param metaAuF1Tuned average AU F1 on the meta split with per-AU thresholds tuned on it; the best
 *     epoch and early stopping go by this one, because while the network still predicts base rates
 *     every AU stays below 0.5 and the F1 at 0.5 is 0 whatever was learnt
 * @param metaExpressionAccuracy expression accuracy on the meta-split samples that have an expression label
 * @param meanAuWeight mean effective weight of the AU samples
 * @param meanExpressionWeight mean effective weight of the FE samples
 * @param weightCleanAuc ROC AUC of the FE weights as clean-vs-corrupted score, NaN when unknown
 * @param seconds wall time of the epoch including evaluation
 */
public record EpochRecord(int epoch, int iterations, double learningRate, double auLoss, double expressionLoss,
    double totalLoss, double metaLoss, double metaAuF1, double metaAuF1Tuned, double metaExpressionAccuracy, double meanAuWeight,
    double meanExpressionWeight, double weightCleanAuc, double seconds) {

    /**
     * The columns of a history, in the record's order: the name CSV files use and the label tables and views show.
     * Files are read by these names, so a column can be added or moved without breaking files written before.
     */
    public enum Column {
        EPOCH("epoch", "epoch"),
        ITERATIONS("iterations", "iterations"),
        LEARNING_RATE("learning_rate", "learning rate"),
        AU_LOSS("au_loss", "AU loss"),
        FE_LOSS("fe_loss", "FE loss"),
        TOTAL_LOSS("total_loss", "total loss"),
        META_LOSS("meta_loss", "meta loss"),
        META_AU_F1("meta_au_f1", "meta AU F1"),
        META_AU_F1_TUNED("meta_au_f1_tuned", "meta AU F1 (tuned)"),
        META_FE_ACCURACY("meta_fe_accuracy", "meta FE accuracy"),
        MEAN_AU_WEIGHT("mean_au_weight", "mean AU weight"),
        MEAN_FE_WEIGHT("mean_fe_weight", "mean FE weight"),
        FE_WEIGHT_CLEAN_AUC("fe_weight_clean_auc", "FE weight clean AUC"),
        SECONDS("seconds", "seconds");

        private final String csvName;
        private final String label;

        Column(String csvName, String label) {
            this.csvName = csvName;
            this.label = label;
        }

        /** The CSV header name, e.g. {@code au_loss}. */
        public String csvName() {
            return csvName;
        }

        /** The name tables and views show, e.g. {@code AU loss}. */
        public String label() {
            return label;
        }

        /** Whether it counts (epoch, iterations) rather than measures. */
        public boolean isCount() {
            return this == EPOCH || this == ITERATIONS;
        }

        /** The column a header names by its CSV name or its label (as the nodes wrote before), or null. */
        public static Column byName(String name) {
            for (Column c : values()) {
                if (c.csvName.equals(name) || c.label.equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The value of {@code c} (NaN where undefined). */
    public double value(Column c) {
        return switch (c) {
            case EPOCH -> epoch;
            case ITERATIONS -> iterations;
            case LEARNING_RATE -> learningRate;
            case AU_LOSS -> auLoss;
            case FE_LOSS -> expressionLoss;
            case TOTAL_LOSS -> totalLoss;
            case META_LOSS -> metaLoss;
            case META_AU_F1 -> metaAuF1;
            case META_AU_F1_TUNED -> metaAuF1Tuned;
            case META_FE_ACCURACY -> metaExpressionAccuracy;
            case MEAN_AU_WEIGHT -> meanAuWeight;
            case MEAN_FE_WEIGHT -> meanExpressionWeight;
            case FE_WEIGHT_CLEAN_AUC -> weightCleanAuc;
            case SECONDS -> seconds;
        };
    }

    /** A record of named values; a column without a value is NaN (epoch and iterations are required). */
    public static EpochRecord of(Map<Column, Double> v) {
        for (Column c : List.of(Column.EPOCH, Column.ITERATIONS)) {
            if (v.get(c) == null || Double.isNaN(v.get(c))) {
                throw new IllegalArgumentException("a training history record needs its " + c.csvName());
            }
        }
        java.util.function.ToDoubleFunction<Column> get = c -> v.getOrDefault(c, Double.NaN);
        return new EpochRecord((int) get.applyAsDouble(Column.EPOCH), (int) get.applyAsDouble(Column.ITERATIONS),
            get.applyAsDouble(Column.LEARNING_RATE), get.applyAsDouble(Column.AU_LOSS), get.applyAsDouble(Column.FE_LOSS),
            get.applyAsDouble(Column.TOTAL_LOSS), get.applyAsDouble(Column.META_LOSS), get.applyAsDouble(Column.META_AU_F1),
            get.applyAsDouble(Column.META_AU_F1_TUNED), get.applyAsDouble(Column.META_FE_ACCURACY),
            get.applyAsDouble(Column.MEAN_AU_WEIGHT), get.applyAsDouble(Column.MEAN_FE_WEIGHT),
            get.applyAsDouble(Column.FE_WEIGHT_CLEAN_AUC), get.applyAsDouble(Column.SECONDS));
    }

    /** {@code v} with six significant digits, empty for NaN: how the command line's history files show numbers. */
    static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
