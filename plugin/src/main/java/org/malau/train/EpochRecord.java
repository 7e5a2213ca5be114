package org.malau.train;

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

    static final String CSV_HEADER = "epoch,iterations,learning_rate,au_loss,fe_loss,total_loss,meta_loss,"
        + "meta_au_f1,meta_au_f1_tuned,meta_fe_accuracy,mean_au_weight,mean_fe_weight,fe_weight_clean_auc,seconds";

    java.util.List<String> csvFields() {
        return java.util.List.of(Integer.toString(epoch), Integer.toString(iterations), f(learningRate), f(auLoss),
            f(expressionLoss), f(totalLoss), f(metaLoss), f(metaAuF1), f(metaAuF1Tuned), f(metaExpressionAccuracy),
            f(meanAuWeight), f(meanExpressionWeight), f(weightCleanAuc), f(seconds));
    }

    static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
