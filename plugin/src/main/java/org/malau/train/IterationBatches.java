package org.malau.train;

import org.malau.model.LabelledBatch;

/**
 * The data of one training iteration.
 *
 * @param au B_AU: samples with AU labels only (n)
 * @param expression B_FE: samples with expression labels only (m), or null when the strategy or
 *     the data has no expression task
 * @param validation B_val: AU samples from the meta split (k), or null for strategies that need none
 * @param expressionIds per B_FE sample its index in the expression data set, so that a strategy can follow a
 *     sample across iterations ({@link LossHistory}); null when unknown
 */
public record IterationBatches(LabelledBatch au, LabelledBatch expression, LabelledBatch validation, int[] expressionIds) {
    public IterationBatches {
        if (expressionIds != null && (expression == null || expressionIds.length != expression.size())) {
            throw new IllegalArgumentException("one expression sample id per B_FE sample needed, got " + expressionIds.length
                + " for " + (expression == null ? "no B_FE" : expression.size() + " samples"));
        }
    }

    /** Batches without sample ids. */
    public IterationBatches(LabelledBatch au, LabelledBatch expression, LabelledBatch validation) {
        this(au, expression, validation, null);
    }

    /** B_AU followed by B_FE, so that one forward pass serves both tasks. */
    public LabelledBatch combined() {
        return expression == null ? au : au.concat(expression);
    }
}
