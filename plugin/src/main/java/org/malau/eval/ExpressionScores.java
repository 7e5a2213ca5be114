package org.malau.eval;

/**
 * Expression recognition accuracy and confusion matrix over the samples that have an expression label.
 *
 * @param accuracy fraction of labelled samples whose predicted class is the true one (NaN when none is labelled)
 * @param confusion confusion[true][predicted] counts
 */
public record ExpressionScores(double accuracy, int[][] confusion) {
    /**
     * @param truth per sample the class index, or negative when unknown
     * @param predicted per sample the predicted class index
     */
    public static ExpressionScores of(int[] truth, int[] predicted, int classes) {
        int[][] c = new int[classes][classes];
        int right = 0;
        int total = 0;
        for (int s = 0; s < truth.length; s++) {
            if (truth[s] < 0) {
                continue;
            }
            c[truth[s]][predicted[s]]++;
            total++;
            if (truth[s] == predicted[s]) {
                right++;
            }
        }
        return new ExpressionScores(total == 0 ? Double.NaN : right / (double) total, c);
    }
}
