package org.malau.train;

import org.malau.model.LabelledBatch;

/**
 * The data of one training iteration.
 *
 * @param au B_AU: samples with AU labels only (n)
 * @param expression B_FE: samples with expression labels only (m), or null when the strategy or
 *     the data has no expression task
 * @param validation B_val: AU samples from the meta split (k), or null for strategies that need none
 */
public record IterationBatches(LabelledBatch au, LabelledBatch expression, LabelledBatch validation) {
    /** B_AU followed by B_FE, so that one forward pass serves both tasks. */
    public LabelledBatch combined() {
        return expression == null ? au : au.concat(expression);
    }
}
