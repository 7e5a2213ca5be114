package org.malau.train;

import java.util.Map;

import org.malau.model.SampleWeights;
import org.malau.model.WeightedGradient;

/** Baseline: the AU task alone, mean AU loss; the expression data is ignored. */
public final class AuOnlyStrategy implements TrainingStrategy {
    public static final String NAME = "au-only";

    @Override
    public Strategy kind() {
        return Strategy.AU_ONLY;
    }

    @Override
    public IterationResult iterate(StrategyContext context, IterationBatches batches) {
        int n = batches.au().size();
        double[] w = BatchStats.constant(n, 1.0 / n);
        WeightedGradient g = context.network().backward(batches.au(), new SampleWeights(w, new double[n]));
        context.applyStep(g.gradient());
        return new IterationResult(BatchStats.meanAu(g.losses(), 0, n), Double.NaN, g.weightedLoss(), Double.NaN,
            BatchStats.constant(n, 1), new double[0]);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }
}
