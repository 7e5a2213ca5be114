package org.malau.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.malau.meta.MetaWeightNet;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.SampleLosses;
import org.malau.model.SampleWeights;
import org.malau.model.WeightedGradient;

/**
 * Meta Auxiliary Learning (Li and Shan): a meta net psi weighs every AU and expression sample from
 * its detached backbone features, and learns from the AU loss on a held-out meta split after a
 * virtual step. One iteration, exactly as MAL.md describes it:
 * <ol>
 * <li>meta-train: w = psi(f), g = grad_theta L_total(theta, psi), theta* = theta - alpha g;</li>
 * <li>meta-test: v = grad_theta L_val(theta*); d_s = v . grad l_s(theta) by a finite difference
 * ({@link DirectionalDerivatives}) or exactly ({@link MetaDifference}); dL_val/dw_s = -alpha c_s d_s; backprop through
 * psi alone and take one Adam step of rate beta on psi;</li>
 * <li>base learning: w = psi_new(f), real optimiser step on grad_theta L_total(theta, psi_new).</li>
 * </ol>
 * c_s is 1/n for AU samples and 1/m for expression samples. Cost: one forward and backward pass
 * of the full batch (step 1), one of B_val, two inference forward passes of the full batch, and
 * one backward pass of the full batch that reuses step 1's forward activations (step 3; theta is
 * the same, only the output errors change with the new weights). The virtual and probing
 * parameters are set on a separate copy of the network so that those activations survive.
 */
public final class MetaAuxiliaryStrategy implements TrainingStrategy {
    public static final String NAME = "mal";
    private final MetaWeightNet metaNet;
    private final Optimizer metaOptimizer;
    private final double virtualStep;
    private final double metaRate;
    private final int metaInterval;
    private final MetaDifference difference;
    private int iteration;
    /**
     * A second copy of the network for the virtual and probing parameters, so that the real
     * network keeps the forward activations of step 1 and step 3 needs only a backward pass.
     */
    private MultiTaskNetwork probe;

    /**
     * @param metaNet psi, updated in place
     * @param virtualStep alpha of the virtual SGD step
     * @param metaRate beta, Adam step size for psi
     */
    public MetaAuxiliaryStrategy(MetaWeightNet metaNet, double virtualStep, double metaRate) {
        this(metaNet, virtualStep, metaRate, 1);
    }

    /**
     * @param metaInterval run the meta steps (virtual step, meta-test, psi update) every this many
     *     iterations; in between, the real step uses psi's current weights and costs as much as a
     *     multi-task step (ours; 1 = every iteration, exactly as MAL.md)
     */
    public MetaAuxiliaryStrategy(MetaWeightNet metaNet, double virtualStep, double metaRate, int metaInterval) {
        this(metaNet, virtualStep, metaRate, metaInterval, MetaDifference.CENTRAL);
    }

    /**
     * @param difference how d_s is taken: MAL.md's central difference, the one-sided difference of
     *     {@link DirectionalDerivatives#forwardDifference} reusing step 1's losses (one forward pass
     *     less), or exactly by double backward on engines that can ({@link MultiTaskNetwork#directionalDerivatives},
     *     reusing step 1's forward pass)
     */
    public MetaAuxiliaryStrategy(MetaWeightNet metaNet, double virtualStep, double metaRate, int metaInterval,
        MetaDifference difference) {
        this.difference = difference;
        if (!(virtualStep > 0) || !(metaRate > 0) || metaInterval < 1) {
            throw new IllegalArgumentException("MAL needs positive alpha and beta and a meta interval >= 1, got "
                + virtualStep + ", " + metaRate + " and " + metaInterval);
        }
        this.metaInterval = metaInterval;
        this.metaNet = metaNet;
        this.metaOptimizer = new Adam(metaNet.parameterCount());
        this.virtualStep = virtualStep;
        this.metaRate = metaRate;
    }

    /** psi as it is now. */
    @Override
    public MetaWeightNet metaNet() {
        return metaNet;
    }

    @Override
    public Object saveState() {
        return metaNet.copy();
    }

    @Override
    public void restoreState(Object state) {
        metaNet.setParameters(((MetaWeightNet) state).parameters());
    }

    @Override
    public Strategy kind() {
        return Strategy.MAL;
    }

    @Override
    public IterationResult iterate(StrategyContext context, IterationBatches batches) {
        MultiTaskNetwork net = context.network();
        LabelledBatch val = BatchStats.require(batches.validation(), "a meta-split batch", NAME);
        LabelledBatch all = batches.combined();
        int n = batches.au().size();
        int m = BatchStats.expressionCount(batches);
        int k = val.size();
        int[] task = new int[n + m];
        double[] c = new double[n + m];
        for (int s = 0; s < n + m; s++) {
            task[s] = s < n ? 0 : 1;
            c[s] = s < n ? 1.0 / n : 1.0 / m;
        }
        int[] label = all.expression();
        if (iteration++ % metaInterval != 0) {
            WeightedGradient plain = net.backward(all,
                (f, l) -> scaled(metaNet.weights(f, task, BatchStats.ownTask(l, n), label), c, n));
            context.applyStep(plain.gradient());
            double[] w = new double[n + m];
            for (int s = 0; s < n + m; s++) {
                w[s] = s < n ? plain.weights().au()[s] / c[s] : plain.weights().expression()[s] / c[s];
            }
            return new IterationResult(BatchStats.meanAu(plain.losses(), 0, n),
                BatchStats.meanExpression(plain.losses(), n, n + m), plain.weightedLoss(), Double.NaN,
                BatchStats.range(w, 0, n), BatchStats.range(w, n, n + m));
        }
        float[] theta = net.parameters();
        MetaWeightNet.Pass[] pass = new MetaWeightNet.Pass[1];
        float[][][] features = new float[1][][];
        double[][] losses = new double[1][];
        WeightedGradient g = net.backward(all, (f, l) -> {
            features[0] = f;
            losses[0] = BatchStats.ownTask(l, n);
            pass[0] = metaNet.forward(f, task, losses[0], label);
            return scaled(pass[0].weights(), c, n);
        });

        if (probe == null) {
            probe = net.copy();
        }
        MultiTaskNetwork p = probe;
        MetaTest test = metaTest(p, theta, g.gradient(), virtualStep, val, c, n, switch (difference) {
            case CENTRAL -> v -> DirectionalDerivatives.centralDifference(p, theta, all, v);
            case FORWARD -> v -> DirectionalDerivatives.forwardDifference(p, theta, all, v, g.losses());
            // the real network still holds step 1's forward pass of this batch at theta
            case EXACT -> v -> net.directionalDerivatives(all, v);
        });
        double[] dLdw = test.dLossDWeight();
        metaNet.addToParameters(metaOptimizer.step(metaNet.gradient(pass[0], dLdw), metaRate), 1);

        // theta has not moved since step 1, so its features and losses are still the current ones.
        double[] w = metaNet.weights(features[0], task, losses[0], label);
        WeightedGradient real = net.backwardAgain(scaled(w, c, n));
        context.applyStep(real.gradient());
        return new IterationResult(BatchStats.meanAu(real.losses(), 0, n), BatchStats.meanExpression(real.losses(), n, n + m),
            real.weightedLoss(), test.validationLoss(), BatchStats.range(w, 0, n), BatchStats.range(w, n, n + m));
    }

    /**
     * The meta-test result: L_val at theta* and dL_val/dw_s for every sample.
     *
     * @param validationLoss mean AU loss of B_val at theta*
     * @param dLossDWeight per sample of the combined batch
     */
    record MetaTest(double validationLoss, double[] dLossDWeight) {
    }

    /**
     * Steps 1b and 2 of MAL on {@code probe}: theta* = theta - alpha g, v = grad L_val(theta*),
     * d_s = v . grad l_s(theta) from {@code derivatives}, dL_val/dw_s = -alpha c_s d_s. Leaves
     * {@code probe} at theta.
     *
     * @param g gradient of the weighted training loss at theta
     * @param c per sample its normaliser (1/n or 1/m)
     * @param n number of AU samples at the front of the combined batch
     * @param derivatives v -> d_s of every sample of the combined batch at theta
     */
    static MetaTest metaTest(MultiTaskNetwork probe, float[] theta, float[] g, double alpha, LabelledBatch val,
        double[] c, int n, java.util.function.Function<float[], SampleLosses> derivatives) {
        return metaTest(probe, theta, g, alpha, val, c, n, MetaObjective.BCE, derivatives);
    }

    /**
     * {@link #metaTest(MultiTaskNetwork, float[], float[], double, LabelledBatch, double[], int, java.util.function.Function)}
     * with the meta loss L_val = {@code objective} of B_val's AU logits (robust MAL's {@code metaLoss}); {@link MetaObjective#BCE}
     * is MAL.md's mean AU loss, taken by the training pass itself.
     */
    static MetaTest metaTest(MultiTaskNetwork probe, float[] theta, float[] g, double alpha, LabelledBatch val,
        double[] c, int n, MetaObjective objective, java.util.function.Function<float[], SampleLosses> derivatives) {
        int k = val.size();
        float[] virtual = theta.clone();
        for (int i = 0; i < virtual.length; i++) {
            virtual[i] -= (float) (alpha * g[i]);
        }
        probe.setParameters(virtual);
        float[] v;
        double loss;
        if (objective == MetaObjective.BCE) {
            WeightedGradient vg = probe.backward(val, new SampleWeights(BatchStats.constant(k, 1.0 / k), new double[k]));
            v = vg.gradient();
            loss = vg.weightedLoss();
        } else {
            MetaObjective.Value f = objective.evaluate(probe.forward(val.images(), false).auLogits(), val.au(),
                probe.auPositiveWeights());
            v = probe.outputGradient(val.images(), f.gradient(), null);
            loss = f.value();
        }
        probe.setParameters(theta);
        SampleLosses d = derivatives.apply(v);
        double[] dLdw = BatchStats.ownTask(d, n);
        for (int s = 0; s < dLdw.length; s++) {
            dLdw[s] *= -alpha * c[s];
        }
        return new MetaTest(loss, dLdw);
    }

    private static SampleWeights scaled(double[] w, double[] c, int n) {
        double[] wa = new double[w.length];
        double[] we = new double[w.length];
        for (int s = 0; s < w.length; s++) {
            if (s < n) {
                wa[s] = w[s] * c[s];
            } else {
                we[s] = w[s] * c[s];
            }
        }
        return new SampleWeights(wa, we);
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", virtualStep);
        m.put("beta", metaRate);
        m.put("metaHidden", metaNet.hiddenSize());
        m.put("metaInterval", metaInterval);
        m.put("metaInputs", metaNet.inputs().spec());
        m.put("metaDifference", difference.id());
        return m;
    }
}
