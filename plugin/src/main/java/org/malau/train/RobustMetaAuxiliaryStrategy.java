package org.malau.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.malau.meta.MetaInputs;
import org.malau.meta.MetaWeightNet;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetOutput;
import org.malau.model.SampleLosses;
import org.malau.model.SampleWeights;
import org.malau.model.WeightedGradient;

/**
 * MAL's {@code robust} variant (ours, {@link MalVariant#ROBUST}): the same meta-train, meta-test and
 * base-learning steps as {@link MetaAuxiliaryStrategy}, changed where MAL.md's "What the weights can learn
 * from" says the paper's configuration cannot work:
 * <ul>
 * <li>psi weighs the expression samples only (the AU samples are the trusted task, weight 1), from their
 * detached features plus per-sample uncertainty inputs (log(1 + loss), p(given label), entropy of the
 * expression prediction; {@link MetaInputs}), standardised over the batch's expression samples;</li>
 * <li>a warm-up of plain multi-task steps: at initialisation the meta-gradient has the wrong sign, and
 * the uncertainty inputs mean nothing before the expression head has learnt something;</li>
 * <li>psi's outputs s_j are normalised over the batch to mean 1 with a uniform share u as safeguard
 * against collapse: w_j = u + (1 - u) m s_j / sum_i s_i, so psi ranks samples and cannot switch the
 * auxiliary task off; the balance of the two tasks is a learnable task weight lambda = exp(rho) on the
 * expression loss, learnt from the same meta-gradient (the paper's "balance the task losses");</li>
 * <li>a large meta batch (by default the whole meta split) and, on LibTorch, exact directional
 * derivatives;</li>
 * <li>optionally another meta loss than the meta split's AU cross-entropy ({@link MetaObjective}, {@code metaLoss}):
 * the cross-entropy of an over-confident AU head is lowered by any step that shrinks its logits, and on the
 * AU-scarce benchmark the corrupted samples' steps do that more often than the clean ones', which inverts the
 * one-step signal; the {@code calibrated} objective (cross-entropy after the best per-AU rescaling and shift) is blind
 * to that (bench/RESULTS.md).</li>
 * </ul>
 * The loss of an iteration is (1/n) sum_i l_i^AU + (lambda/m) sum_j w_j l_j^FE. With d_s = v . grad l_s
 * and theta* = theta - alpha grad L, the meta loss moves as dL_val/dw_j = -alpha (lambda/m) d_j and
 * dL_val/drho = sum_j -alpha (lambda/m) w_j d_j; psi and rho step against these gradients (Adam, rate
 * beta), so a sample whose gradient opposes the meta split's (d_j < 0) loses weight. With the {@code alignment}
 * signal, d_j is divided by ||p_j - onehot(label_j)|| first (see the constructor).
 */
public final class RobustMetaAuxiliaryStrategy implements TrainingStrategy {
    /** Bounds of the task weight lambda, so that one noisy meta step cannot drop or swamp the expression task. */
    static final double MIN_TASK_WEIGHT = 0.05;
    static final double MAX_TASK_WEIGHT = 5;
    /** The gate's ranking is refreshed every this many iterations (a sort of 3000 averages). */
    static final int GATE_REFIT = 10;

    private final MetaWeightNet metaNet;
    private final Optimizer metaOptimizer;
    private final Optimizer taskOptimizer = new Adam(1);
    private final double virtualStep;
    private final double metaRate;
    private final int metaInterval;
    private final MetaDifference difference;
    private final int warmup;
    private final double uniformShare;
    private final boolean learnTaskWeight;
    private final boolean aligned;
    private final MetaObjective objective;
    private final LossHistory history;
    private double logTaskWeight;
    private int iteration;
    private MultiTaskNetwork probe;

    /**
     * @param metaNet psi over the expression samples, updated in place
     * @param virtualStep alpha of the virtual SGD step
     * @param metaRate beta, Adam step size of psi and of the log task weight
     * @param metaInterval meta steps every this many iterations after the warm-up
     * @param difference how d_s is taken
     * @param warmup plain multi-task iterations (every weight 1, task weight 1) before the first meta step
     * @param uniformShare u in [0, 1): the share of every expression weight that does not depend on psi
     * @param learnTaskWeight whether lambda is learnt (else fixed at 1)
     * @param aligned psi learns from each sample's meta-gradient divided by the size of its loss's gradient at the
     *     logits, ||p - onehot(label)|| (about the alignment of its gradient with the meta split's, as in gradient-similarity
     *     auxiliary weighting), instead of the meta-gradient itself, whose size grows with the sample's loss
     */
    public RobustMetaAuxiliaryStrategy(MetaWeightNet metaNet, double virtualStep, double metaRate, int metaInterval,
        MetaDifference difference, int warmup, double uniformShare, boolean learnTaskWeight, boolean aligned) {
        this(metaNet, virtualStep, metaRate, metaInterval, difference, warmup, uniformShare, learnTaskWeight, aligned,
            MetaObjective.BCE);
    }

    /**
     * @param objective the meta loss L_val: what the meta split's AU predictions after the virtual step are judged by
     *     ({@link MetaObjective#BCE} = MAL.md's mean AU cross-entropy)
     */
    public RobustMetaAuxiliaryStrategy(MetaWeightNet metaNet, double virtualStep, double metaRate, int metaInterval,
        MetaDifference difference, int warmup, double uniformShare, boolean learnTaskWeight, boolean aligned,
        MetaObjective objective) {
        this(metaNet, virtualStep, metaRate, metaInterval, difference, warmup, uniformShare, learnTaskWeight, aligned, objective,
            false);
    }

    /**
     * @param lossGate whether each expression weight is also multiplied by the sample's trust from the history of its
     *     training loss ({@link LossHistory}; the {@code gated} variant): after the warm-up, w_j = u + (1 - u) m c_j s_j /
     *     sum_i c_i s_i with c_j the trust and s_j psi's output. The direction (a sample whose loss stays high weighs less)
     *     is fixed, not learnt: the one-step meta-gradient points the other way on the AU-scarce benchmark. psi still
     *     learns from the meta-gradient, through s_j.
     */
    public RobustMetaAuxiliaryStrategy(MetaWeightNet metaNet, double virtualStep, double metaRate, int metaInterval,
        MetaDifference difference, int warmup, double uniformShare, boolean learnTaskWeight, boolean aligned,
        MetaObjective objective, boolean lossGate) {
        this.objective = objective;
        this.history = lossGate ? new LossHistory() : null;
        if (!(virtualStep > 0) || !(metaRate > 0) || metaInterval < 1 || warmup < 0 || !(uniformShare >= 0 && uniformShare < 1)) {
            throw new IllegalArgumentException("robust MAL needs positive alpha and beta, a meta interval >= 1, a warm-up >= 0 and"
                + " a uniform share in [0, 1), got " + virtualStep + ", " + metaRate + ", " + metaInterval + ", " + warmup + " and "
                + uniformShare);
        }
        this.metaNet = metaNet;
        this.metaOptimizer = new Adam(metaNet.parameterCount());
        this.virtualStep = virtualStep;
        this.metaRate = metaRate;
        this.metaInterval = metaInterval;
        this.difference = difference;
        this.warmup = warmup;
        this.uniformShare = uniformShare;
        this.learnTaskWeight = learnTaskWeight;
        this.aligned = aligned;
    }

    @Override
    public Strategy kind() {
        return Strategy.MAL;
    }

    @Override
    public MetaWeightNet metaNet() {
        return metaNet;
    }

    /** lambda, the current weight of the expression task. */
    public double taskWeight() {
        return Math.exp(logTaskWeight);
    }

    @Override
    public Object saveState() {
        return new State(metaNet.copy(), logTaskWeight);
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        metaNet.setParameters(s.psi().parameters());
        logTaskWeight = s.logTaskWeight();
    }

    private record State(MetaWeightNet psi, double logTaskWeight) {
    }

    @Override
    public IterationResult iterate(StrategyContext context, IterationBatches batches) {
        MultiTaskNetwork net = context.network();
        LabelledBatch val = BatchStats.require(batches.validation(), "a meta-split batch", name());
        LabelledBatch all = batches.combined();
        int n = batches.au().size();
        int m = BatchStats.expressionCount(batches);
        int step = iteration++;
        int[] ids = batches.expressionIds();
        if (history != null && ids == null) {
            throw new IllegalArgumentException("the gated MAL variant needs the expression samples' ids to follow their losses");
        }
        if (history != null && step >= warmup && (step - warmup) % GATE_REFIT == 0) {
            history.fit();
        }
        double[] gate = history == null || step < warmup ? null : history.trust(ids);
        if (step < warmup || (step - warmup) % metaInterval != 0) {
            boolean warm = step < warmup;
            double lambda = warm ? 1 : taskWeight();
            double[][] extra = warm || !metaNet.inputs().uncertainty() ? null
                : uncertainty(probabilities(net, batches.expression()), batches.expression().expression());
            double[][] w = new double[1][];
            WeightedGradient plain = net.backward(all, (f, l) -> {
                w[0] = warm ? ones(m) : expressionWeights(gated(metaNet.forward(expressionRows(f, n, m), tasks(m),
                    expressionLosses(l, n, m), labels(all, n, m), extra).weights(), gate));
                return scaled(w[0], lambda, n, m);
            });
            remember(ids, plain.losses(), n, m);
            context.applyStep(plain.gradient());
            return new IterationResult(BatchStats.meanAu(plain.losses(), 0, n), BatchStats.meanExpression(plain.losses(), n, n + m),
                plain.weightedLoss(), Double.NaN, ones(n), w[0]);
        }
        double lambda = taskWeight();
        float[][] probabilities = metaNet.inputs().uncertainty() || aligned ? probabilities(net, batches.expression()) : null;
        double[][] extra = metaNet.inputs().uncertainty() ? uncertainty(probabilities, batches.expression().expression()) : null;
        float[] theta = net.parameters();
        MetaWeightNet.Pass[] pass = new MetaWeightNet.Pass[1];
        float[][][] features = new float[1][][];
        double[][] losses = new double[1][];
        double[][] weights = new double[1][];
        WeightedGradient g = net.backward(all, (f, l) -> {
            features[0] = expressionRows(f, n, m);
            losses[0] = expressionLosses(l, n, m);
            pass[0] = metaNet.forward(features[0], tasks(m), losses[0], labels(all, n, m), extra);
            weights[0] = expressionWeights(gated(pass[0].weights(), gate));
            return scaled(weights[0], lambda, n, m);
        });
        remember(ids, g.losses(), n, m);
        if (probe == null) {
            probe = net.copy();
        }
        MultiTaskNetwork p = probe;
        double[] c = new double[n + m];
        for (int s = 0; s < n + m; s++) {
            c[s] = s < n ? 1.0 / n : lambda / m;
        }
        MetaAuxiliaryStrategy.MetaTest test = MetaAuxiliaryStrategy.metaTest(p, theta, g.gradient(), virtualStep, val, c, n,
            objective, switch (difference) {
                case CENTRAL -> v -> DirectionalDerivatives.centralDifference(p, theta, all, v);
                case FORWARD -> v -> DirectionalDerivatives.forwardDifference(p, theta, all, v, g.losses());
                case EXACT -> v -> net.directionalDerivatives(all, v);
            });
        double[] dLdw = new double[m];
        System.arraycopy(test.dLossDWeight(), n, dLdw, 0, m);
        if (aligned) {
            int[] labels = batches.expression().expression();
            for (int j = 0; j < m; j++) {
                dLdw[j] /= logitGradientNorm(probabilities[j], labels[j]);
            }
        }
        metaStep(pass[0], weights[0], dLdw, lambda, gate);

        double[] w = expressionWeights(gated(metaNet.forward(features[0], tasks(m), losses[0], labels(all, n, m), extra).weights(),
            gate));
        WeightedGradient real = net.backwardAgain(scaled(w, taskWeight(), n, m));
        context.applyStep(real.gradient());
        return new IterationResult(BatchStats.meanAu(real.losses(), 0, n), BatchStats.meanExpression(real.losses(), n, n + m),
            real.weightedLoss(), test.validationLoss(), ones(n), w);
    }

    /**
     * One step of psi and of the log task weight against the meta loss's gradient, given dL_val/dw_j for every
     * expression sample's normalised weight w_j (= {@code weights}, from psi's outputs in {@code pass}).
     */
    void metaStep(MetaWeightNet.Pass pass, double[] weights, double[] dLdw, double lambda) {
        metaStep(pass, weights, dLdw, lambda, null);
    }

    /** As {@link #metaStep(MetaWeightNet.Pass, double[], double[], double)}, with psi's outputs scaled by {@code gate} (or not, null). */
    private void metaStep(MetaWeightNet.Pass pass, double[] weights, double[] dLdw, double lambda, double[] gate) {
        metaNet.addToParameters(metaOptimizer.step(metaNet.gradient(pass, gatedRawGradient(pass.weights(), gate, dLdw,
            uniformShare)), metaRate), 1);
        if (learnTaskWeight) {
            // L depends on lambda through c_j = lambda / m only, so dL/dlambda = sum_j dL/dw_j w_j / lambda.
            double dRho = 0;
            for (int j = 0; j < weights.length; j++) {
                dRho += dLdw[j] * weights[j];
            }
            logTaskWeight += taskOptimizer.step(new double[] {dRho}, metaRate)[0];
            logTaskWeight = Math.max(Math.log(MIN_TASK_WEIGHT), Math.min(Math.log(MAX_TASK_WEIGHT), logTaskWeight));
        }
    }

    /**
     * dL/ds_j through the per-batch normalisation w_j = u + (1 - u) m s_j / S, S = sum_i s_i:
     * dw_i/ds_j = (1 - u) m (delta_ij / S - s_i / S^2), so dL/ds_j = (1 - u) m / S (dL/dw_j - sum_i dL/dw_i s_i / S).
     */
    static double[] rawGradient(double[] s, double[] dLdw, double uniformShare) {
        int m = s.length;
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        double mixed = 0;
        for (int i = 0; i < m; i++) {
            mixed += dLdw[i] * s[i] / sum;
        }
        double[] g = new double[m];
        for (int j = 0; j < m; j++) {
            g[j] = (1 - uniformShare) * m / sum * (dLdw[j] - mixed);
        }
        return g;
    }

    /** dL/ds through the gate and the normalisation: w depends on s through d = c s, so dL/ds_j = c_j dL/dd_j. */
    static double[] gatedRawGradient(double[] s, double[] gate, double[] dLdw, double uniformShare) {
        double[] g = rawGradient(gated(s, gate), dLdw, uniformShare);
        if (gate != null) {
            for (int j = 0; j < g.length; j++) {
                g[j] *= floored(gate[j]);
            }
        }
        return g;
    }

    // A floor, so that a batch whose every sample looks noisy still has weights (mean 1 after normalising).
    private static double floored(double c) {
        return Math.max(1e-3, c);
    }

    /** c_j s_j, or s itself without a gate. */
    static double[] gated(double[] s, double[] gate) {
        if (gate == null) {
            return s;
        }
        double[] d = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            d[j] = floored(gate[j]) * s[j];
        }
        return d;
    }

    /** Adds this iteration's training-pass expression losses to the history (when gated). */
    private void remember(int[] ids, SampleLosses l, int n, int m) {
        if (history != null) {
            history.record(ids, expressionLosses(l, n, m));
        }
    }


    /** w_j = u + (1 - u) m s_j / sum_i s_i: mean 1 over the batch. */
    double[] expressionWeights(double[] s) {
        return normalise(s, uniformShare);
    }

    static double[] normalise(double[] s, double uniformShare) {
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        double[] w = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            w[j] = uniformShare + (1 - uniformShare) * s.length * s[j] / sum;
        }
        return w;
    }

    /**
     * Per expression sample: log(1 + loss) from an inference pass (that loss, not the training pass's, so that
     * all three inputs come from one prediction), p(given label) and the entropy of the prediction, each
     * standardised over the batch (mean 0, sd 1; 0 when all are equal).
     */
    static double[][] uncertaintyOf(MultiTaskNetwork net, LabelledBatch expression) {
        return uncertainty(probabilities(net, expression), expression.expression());
    }

    /** The expression probabilities of an inference pass. */
    static float[][] probabilities(MultiTaskNetwork net, LabelledBatch expression) {
        NetOutput o = net.forward(expression.images(), false);
        return o.expressionProbabilities();
    }

    /** ||p - onehot(label)||, the size of softmax cross-entropy's gradient at the logits (at least 1e-6). */
    static double logitGradientNorm(float[] p, int label) {
        double sq = 0;
        for (int k = 0; k < p.length; k++) {
            double e = p[k] - (k == label ? 1 : 0);
            sq += e * e;
        }
        return Math.max(1e-6, Math.sqrt(sq));
    }

    static double[][] uncertainty(float[][] probabilities, int[] labels) {
        int m = labels.length;
        double[][] raw = new double[MetaInputs.UNCERTAINTY_INPUTS][m];
        for (int j = 0; j < m; j++) {
            float[] p = probabilities[j];
            double given = labels[j] >= 0 && labels[j] < p.length ? Math.max(p[labels[j]], 1e-7) : 1.0 / p.length;
            double entropy = 0;
            for (float q : p) {
                if (q > 0) {
                    entropy -= q * Math.log(q);
                }
            }
            raw[0][j] = Math.log1p(-Math.log(given));
            raw[1][j] = given;
            raw[2][j] = entropy;
        }
        double[][] out = new double[m][MetaInputs.UNCERTAINTY_INPUTS];
        for (int k = 0; k < raw.length; k++) {
            double mean = 0;
            for (double v : raw[k]) {
                mean += v;
            }
            mean /= m;
            double var = 0;
            for (double v : raw[k]) {
                var += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(var / m);
            for (int j = 0; j < m; j++) {
                out[j][k] = sd < 1e-9 ? 0 : (raw[k][j] - mean) / sd;
            }
        }
        return out;
    }

    private static float[][] expressionRows(float[][] f, int n, int m) {
        float[][] out = new float[m][];
        System.arraycopy(f, n, out, 0, m);
        return out;
    }

    private static double[] expressionLosses(SampleLosses l, int n, int m) {
        double[] out = new double[m];
        System.arraycopy(l.expression(), n, out, 0, m);
        return out;
    }

    private static int[] labels(LabelledBatch all, int n, int m) {
        int[] out = new int[m];
        System.arraycopy(all.expression(), n, out, 0, m);
        return out;
    }

    private static int[] tasks(int m) {
        int[] t = new int[m];
        java.util.Arrays.fill(t, 1);
        return t;
    }

    private static double[] ones(int k) {
        double[] o = new double[k];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    /** AU samples 1/n each, expression samples lambda w_j / m. */
    private static SampleWeights scaled(double[] w, double lambda, int n, int m) {
        double[] wa = new double[n + m];
        double[] we = new double[n + m];
        for (int s = 0; s < n; s++) {
            wa[s] = 1.0 / n;
        }
        for (int j = 0; j < m; j++) {
            we[n + j] = lambda * w[j] / m;
        }
        return new SampleWeights(wa, we);
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("malVariant", history == null ? MalVariant.ROBUST.id() : MalVariant.GATED.id());
        s.put("lossGate", history != null);
        s.put("alpha", virtualStep);
        s.put("beta", metaRate);
        s.put("metaHidden", metaNet.hiddenSize());
        s.put("metaInterval", metaInterval);
        s.put("metaInputs", metaNet.inputs().spec());
        s.put("metaDifference", difference.id());
        s.put("warmup", warmup);
        s.put("uniformShare", uniformShare);
        s.put("learnTaskWeight", learnTaskWeight);
        s.put("metaSignal", aligned ? MalVariant.SIGNAL_ALIGNMENT : MalVariant.SIGNAL_GRADIENT);
        s.put("metaLoss", objective.id());
        s.put("taskWeight", taskWeight());
        return s;
    }
}
