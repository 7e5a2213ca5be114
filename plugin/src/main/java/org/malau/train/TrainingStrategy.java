package org.malau.train;

import java.util.Map;

import org.malau.meta.MetaWeightNet;

/**
 * One way of combining the AU task and the auxiliary expression task; selectable by
 * {@link #name()} ({@code au-only}, {@code mtl}, {@code uncertainty}, {@code l2rw}, {@code mal}).
 * A strategy is stateful over a run (learned log-variances, the meta net) and not thread-safe.
 */
public interface TrainingStrategy {
    /** Which strategy this is; it says what the strategy needs and supports. */
    Strategy kind();

    /** The strategy's id, e.g. {@code mal}. */
    default String name() {
        return kind().id();
    }

    /** Whether {@link IterationBatches#expression()} is used. */
    default boolean usesExpressionTask() {
        return kind().usesExpressionTask();
    }

    /** Whether {@link IterationBatches#validation()} is used (the meta batch of the meta-gradient strategies). */
    default boolean usesValidationBatch() {
        return kind().usesMetaDifference();
    }

    /** One training iteration, ending with exactly one real optimiser step. */
    IterationResult iterate(StrategyContext context, IterationBatches batches);

    /** Strategy settings and learned scalars for the model header, e.g. {@code lambda}. */
    Map<String, Object> settings();

    /**
     * A copy of what the strategy has learned so far (the meta net, log-variances), for
     * {@link #restoreState}, e.g. at the epoch the trainer keeps; null when it learns nothing.
     */
    default Object saveState() {
        return null;
    }

    /** Returns to a state {@link #saveState} gave. */
    default void restoreState(Object state) {
    }

    /** The meta net to store with the model, or null when the strategy has none. */
    default MetaWeightNet metaNet() {
        return null;
    }
}
