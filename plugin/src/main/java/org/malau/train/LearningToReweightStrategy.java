package org.malau.train;

import java.util.Map;

import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.SampleLosses;
import org.malau.model.SampleWeights;
import org.malau.model.WeightedGradient;

/**
 * Baseline: learning to reweight (Ren, Zeng, Yang and Urtasun, ICML 2018), without a meta net.
 * With per-sample weights eps_s perturbed around 0, the one-step look-ahead theta - alpha grad
 * sum_s eps_s l_s equals theta, so {@code -dL_val/deps_s = alpha * v . grad l_s(theta)} with
 * {@code v = grad L_val(theta)}. The weights are {@code max(v . grad l_s, 0)} normalised to sum 1
 * over B_AU and B_FE together (alpha cancels); all 0 when every derivative is negative, as in the
 * paper. The directional derivatives come from MAL.md's central difference, or exactly on engines
 * that can differentiate a gradient ({@link MetaDifference#EXACT}).
 */
public final class LearningToReweightStrategy implements TrainingStrategy {
    public static final String NAME = "l2rw";
    private final MetaDifference difference;

    /** With the central difference. */
    public LearningToReweightStrategy() {
        this(MetaDifference.CENTRAL);
    }

    /**
     * @param difference {@link MetaDifference#EXACT} for exact derivatives; the finite differences
     *     both take the central one (there are no losses at theta to reuse here)
     */
    public LearningToReweightStrategy(MetaDifference difference) {
        this.difference = difference;
    }

    @Override
    public Strategy kind() {
        return Strategy.L2RW;
    }

    @Override
    public IterationResult iterate(StrategyContext context, IterationBatches batches) {
        MultiTaskNetwork net = context.network();
        LabelledBatch val = BatchStats.require(batches.validation(), "a meta-split batch", NAME);
        LabelledBatch all = batches.combined();
        int n = batches.au().size();
        int m = BatchStats.expressionCount(batches);
        int k = val.size();
        float[] theta = net.parameters();
        WeightedGradient vg = net.backward(val, new SampleWeights(BatchStats.constant(k, 1.0 / k), new double[k]));
        SampleLosses d = difference == MetaDifference.EXACT ? net.directionalDerivatives(all, vg.gradient())
            : DirectionalDerivatives.centralDifference(net, theta, all, vg.gradient());
        double[] influence = BatchStats.ownTask(d, n);
        double[] wa = new double[n + m];
        double[] we = new double[n + m];
        double sum = 0;
        for (int s = 0; s < n + m; s++) {
            double w = Math.max(influence[s], 0);
            if (s < n) {
                wa[s] = w;
            } else {
                we[s] = w;
            }
            sum += w;
        }
        if (sum > 0) {
            for (int s = 0; s < n + m; s++) {
                wa[s] /= sum;
                we[s] /= sum;
            }
        }
        WeightedGradient g = net.backward(all, new SampleWeights(wa, we));
        context.applyStep(g.gradient());
        return new IterationResult(BatchStats.meanAu(g.losses(), 0, n), BatchStats.meanExpression(g.losses(), n, n + m),
            g.weightedLoss(), vg.weightedLoss(), BatchStats.range(wa, 0, n), BatchStats.range(we, n, n + m));
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("metaDifference", difference == MetaDifference.EXACT ? MetaDifference.EXACT.id() : MetaDifference.CENTRAL.id());
    }
}
