package org.malau.train;

import java.util.Map;

import org.malau.model.LabelledBatch;
import org.malau.model.SampleWeights;
import org.malau.model.WeightedGradient;

/** Baseline: plain multi-task learning, {@code L_AU + lambda * L_FE} with both terms batch means. */
public final class FixedMultiTaskStrategy implements TrainingStrategy {
    public static final String NAME = "mtl";
    private final double lambda;

    public FixedMultiTaskStrategy(double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, was " + lambda);
        }
        this.lambda = lambda;
    }

    @Override
    public Strategy kind() {
        return Strategy.MTL;
    }

    @Override
    public IterationResult iterate(StrategyContext context, IterationBatches batches) {
        LabelledBatch all = batches.combined();
        int n = batches.au().size();
        int m = BatchStats.expressionCount(batches);
        SampleWeights weights = SampleWeights.perTask(n, m, 1.0, lambda);
        WeightedGradient g = context.network().backward(all, weights);
        context.applyStep(g.gradient());
        return new IterationResult(BatchStats.meanAu(g.losses(), 0, n), BatchStats.meanExpression(g.losses(), n, n + m),
            g.weightedLoss(), Double.NaN, BatchStats.constant(n, 1), BatchStats.constant(m, lambda));
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("lambda", lambda);
    }
}
