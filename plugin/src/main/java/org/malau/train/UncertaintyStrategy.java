package org.malau.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.malau.model.LabelledBatch;
import org.malau.model.SampleWeights;
import org.malau.model.WeightedGradient;

/**
 * Baseline: uncertainty weighting (Kendall, Gal and Cipolla, CVPR 2018). Each task t has a learned
 * log-variance s_t, and the objective is {@code sum_t exp(-s_t) L_t + s_t / 2}, the classification
 * form of their loss. The s_t start at 0 and move with Adam at the same learning rate as theta.
 */
public final class UncertaintyStrategy implements TrainingStrategy {
    public static final String NAME = "uncertainty";
    private final double[] logVariance = new double[2];
    private final Optimizer optimizer = new Adam(2);

    @Override
    public Strategy kind() {
        return Strategy.UNCERTAINTY;
    }

    @Override
    public IterationResult iterate(StrategyContext context, IterationBatches batches) {
        LabelledBatch all = batches.combined();
        int n = batches.au().size();
        int m = BatchStats.expressionCount(batches);
        double fa = Math.exp(-logVariance[0]);
        double fe = Math.exp(-logVariance[1]);
        SampleWeights weights = SampleWeights.perTask(n, m, fa, fe);
        WeightedGradient g = context.network().backward(all, weights);
        context.applyStep(g.gradient());
        double la = BatchStats.meanAu(g.losses(), 0, n);
        double le = m == 0 ? 0 : BatchStats.meanExpression(g.losses(), n, n + m);
        double[] grad = {-fa * la + 0.5, m == 0 ? 0 : -fe * le + 0.5};
        double[] step = optimizer.step(grad, context.learningRate());
        logVariance[0] += step[0];
        logVariance[1] += step[1];
        double total = g.weightedLoss() + 0.5 * logVariance[0] + (m == 0 ? 0 : 0.5 * logVariance[1]);
        return new IterationResult(la, m == 0 ? Double.NaN : le, total, Double.NaN, BatchStats.constant(n, fa),
            BatchStats.constant(m, fe));
    }

    @Override
    public Object saveState() {
        return logVariance.clone();
    }

    @Override
    public void restoreState(Object state) {
        System.arraycopy((double[]) state, 0, logVariance, 0, logVariance.length);
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logVarianceAu", logVariance[0]);
        m.put("logVarianceFe", logVariance[1]);
        return m;
    }
}
