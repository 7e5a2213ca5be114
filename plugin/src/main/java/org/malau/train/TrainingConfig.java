package org.malau.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.malau.meta.MetaInputs;
import org.malau.model.NetworkEngines;
import org.malau.model.Normalisation;

/**
 * Everything a training run depends on besides the data. Immutable; build with {@link #builder()}.
 * The same config and data give the same model on CPU. Defaults are in the builder.
 */
public final class TrainingConfig {
    private final String strategy;
    private final double lambda;
    private final double alpha;
    private final double beta;
    private final int metaHidden;
    private final int metaInterval;
    private final String metaInputs;
    private final String metaDifference;
    private final String engine;
    private final long seed;
    private final int epochs;
    private final int maxIterations;
    private final int auBatch;
    private final int expressionBatch;
    private final int validationBatch;
    private final String optimizer;
    private final LearningRateSchedule schedule;
    private final double metaFraction;
    private final int patience;
    private final int inputSize;
    private final int channels;
    private final int[] convChannels;
    private final int featureSize;
    private final Normalisation normalisation;
    private final Augmentation augmentation;
    private final boolean balanceAuPositives;
    private final int prefetch;

    /** The values {@link Builder#metaDifference} accepts. */
    public static final List<String> META_DIFFERENCES = MetaDifference.ids();

    private TrainingConfig(Builder b) {
        strategy = Strategies.checkName(b.strategy);
        lambda = b.lambda;
        alpha = b.alpha;
        beta = b.beta;
        metaHidden = positive("meta hidden units", b.metaHidden);
        metaInterval = positive("meta interval", b.metaInterval);
        MetaInputs.parse(b.metaInputs, 1);
        metaInputs = b.metaInputs;
        MetaDifference.of(b.metaDifference);
        metaDifference = b.metaDifference;
        NetworkEngines.byName(b.engine);
        engine = b.engine;
        seed = b.seed;
        epochs = positive("epochs", b.epochs);
        if (b.maxIterations < 0) {
            throw new IllegalArgumentException("max iterations must be >= 0 (0 = no limit), was " + b.maxIterations);
        }
        maxIterations = b.maxIterations;
        auBatch = positive("AU batch size", b.auBatch);
        expressionBatch = positive("expression batch size", b.expressionBatch);
        validationBatch = positive("meta batch size", b.validationBatch);
        Optimizer.byName(b.optimizer, 1);
        optimizer = b.optimizer;
        schedule = b.schedule;
        if (b.metaFraction < 0 || b.metaFraction >= 1) {
            throw new IllegalArgumentException("meta split fraction must be in [0, 1), was " + b.metaFraction);
        }
        metaFraction = b.metaFraction;
        if (b.patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0 (0 = no early stopping), was " + b.patience);
        }
        patience = b.patience;
        inputSize = positive("input size", b.inputSize);
        channels = b.channels;
        convChannels = b.convChannels.clone();
        featureSize = positive("feature size", b.featureSize);
        normalisation = b.normalisation;
        augmentation = b.augmentation;
        balanceAuPositives = b.balanceAuPositives;
        prefetch = positive("prefetch depth", b.prefetch);
    }

    private static int positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, was " + v);
        }
        return v;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.strategy = strategy;
        b.lambda = lambda;
        b.alpha = alpha;
        b.beta = beta;
        b.metaHidden = metaHidden;
        b.metaInterval = metaInterval;
        b.metaInputs = metaInputs;
        b.metaDifference = metaDifference;
        b.engine = engine;
        b.seed = seed;
        b.epochs = epochs;
        b.maxIterations = maxIterations;
        b.auBatch = auBatch;
        b.expressionBatch = expressionBatch;
        b.validationBatch = validationBatch;
        b.optimizer = optimizer;
        b.schedule = schedule;
        b.metaFraction = metaFraction;
        b.patience = patience;
        b.inputSize = inputSize;
        b.channels = channels;
        b.convChannels = convChannels.clone();
        b.featureSize = featureSize;
        b.normalisation = normalisation;
        b.augmentation = augmentation;
        b.balanceAuPositives = balanceAuPositives;
        b.prefetch = prefetch;
        return b;
    }

    public String strategy() { return strategy; }
    public double lambda() { return lambda; }
    public double alpha() { return alpha; }
    public double beta() { return beta; }
    public int metaHidden() { return metaHidden; }
    public int metaInterval() { return metaInterval; }
    /** What MAL's meta net sees, a {@link MetaInputs#parse} spec. */
    public String metaInputs() { return metaInputs; }
    /** How MAL takes the directional derivatives: {@code central} or {@code forward}. */
    public String metaDifference() { return metaDifference; }
    /** The network engine to train with, a {@link NetworkEngines} name. */
    public String engine() { return engine; }
    public long seed() { return seed; }
    public int epochs() { return epochs; }
    public int maxIterations() { return maxIterations; }
    public int auBatch() { return auBatch; }
    public int expressionBatch() { return expressionBatch; }
    public int validationBatch() { return validationBatch; }
    public String optimizer() { return optimizer; }
    public LearningRateSchedule schedule() { return schedule; }
    public double metaFraction() { return metaFraction; }
    public int patience() { return patience; }
    public int inputSize() { return inputSize; }
    public int channels() { return channels; }
    public int[] convChannels() { return convChannels.clone(); }
    public int featureSize() { return featureSize; }
    public Normalisation normalisation() { return normalisation; }
    public Augmentation augmentation() { return augmentation; }
    public boolean balanceAuPositives() { return balanceAuPositives; }
    public int prefetch() { return prefetch; }

    /** The settings recorded in the model header. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lambda", lambda);
        m.put("alpha", alpha);
        m.put("beta", beta);
        m.put("metaHidden", metaHidden);
        m.put("metaInterval", metaInterval);
        m.put("metaInputs", metaInputs);
        m.put("metaDifference", metaDifference);
        m.put("engine", engine);
        m.put("epochs", epochs);
        m.put("maxIterations", maxIterations);
        m.put("auBatch", auBatch);
        m.put("expressionBatch", expressionBatch);
        m.put("validationBatch", validationBatch);
        m.put("optimizer", optimizer);
        m.put("schedule", schedule.kind());
        m.put("learningRate", schedule.baseRate());
        m.put("stepEvery", schedule.stepEvery());
        m.put("stepFactor", schedule.factor());
        m.put("metaFraction", metaFraction);
        m.put("patience", patience);
        m.put("augmentShift", augmentation.maxShift());
        m.put("augmentBrightness", augmentation.brightness());
        m.put("augmentContrast", augmentation.contrast());
        m.put("balanceAuPositives", balanceAuPositives);
        return m;
    }

    /** Mutable builder; every setter validates in {@link #build()}. */
    public static final class Builder {
        private String strategy = MetaAuxiliaryStrategy.NAME;
        private double lambda = 1.0;
        private double alpha = 0.1;
        private double beta = 1e-3;
        private int metaHidden = 32;
        private int metaInterval = 1;
        private String metaInputs = "features";
        private String metaDifference = "forward";
        private String engine = NetworkEngines.DEFAULT;
        private long seed = 1;
        private int epochs = 10;
        private int maxIterations = 0;
        private int auBatch = 32;
        private int expressionBatch = 32;
        private int validationBatch = 16;
        private String optimizer = "adam";
        private LearningRateSchedule schedule = LearningRateSchedule.constant(1e-3);
        private double metaFraction = 0.1;
        private int patience = 0;
        private int inputSize = 48;
        private int channels = 1;
        private int[] convChannels = {16, 32, 64};
        private int featureSize = 64;
        private Normalisation normalisation = Normalisation.perImage();
        private Augmentation augmentation = Augmentation.defaults();
        private boolean balanceAuPositives = false;
        private int prefetch = 4;

        /** {@code au-only}, {@code mtl}, {@code uncertainty}, {@code l2rw} or {@code mal} (default). */
        public Builder strategy(String v) { strategy = v; return this; }
        /** Weight of the expression loss for {@code mtl} (default 1). */
        public Builder lambda(double v) { lambda = v; return this; }
        /** MAL's virtual SGD step alpha (default 0.1). */
        public Builder alpha(double v) { alpha = v; return this; }
        /** MAL's meta-net Adam step beta (default 1e-3). */
        public Builder beta(double v) { beta = v; return this; }
        /** Hidden units of the meta net (default 32). */
        public Builder metaHidden(int v) { metaHidden = v; return this; }
        /** MAL's meta steps every this many iterations (default 1 = every iteration, as MAL.md); ours. */
        public Builder metaInterval(int v) { metaInterval = v; return this; }
        /** What MAL's meta net sees: {@code features} (default, as MAL.md) plus optionally {@code +loss} and {@code +label}; ours. */
        public Builder metaInputs(String v) { metaInputs = v; return this; }
        /**
         * {@code forward} (default; ours: one pass, reusing the first step's losses) or {@code central}
         * (MAL.md: two forward passes) finite difference for MAL's directional derivatives. Both agree
         * with exact per-sample gradients to a cosine above 0.999 (DirectionalDerivativesTest); the
         * one-sided one saves a forward pass of the whole batch, which brings a MAL iteration from 2.6
         * to 2.4 times a multi-task step (bench/MalSpeedBench).
         */
        public Builder metaDifference(String v) { metaDifference = v; return this; }
        /** {@code libtorch} (default) or {@code dl4j}, see {@link NetworkEngines}. */
        public Builder engine(String v) { engine = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        /** Passes over the AU training part (default 10). */
        public Builder epochs(int v) { epochs = v; return this; }
        /** Stop after this many iterations, 0 = no limit (default 0). */
        public Builder maxIterations(int v) { maxIterations = v; return this; }
        /** n, AU samples per iteration (default 32). */
        public Builder auBatch(int v) { auBatch = v; return this; }
        /** m, expression samples per iteration (default 32). */
        public Builder expressionBatch(int v) { expressionBatch = v; return this; }
        /** k, meta-split samples per iteration (default 16). */
        public Builder validationBatch(int v) { validationBatch = v; return this; }
        /** {@code adam} (default) or {@code sgd} (momentum 0.9). */
        public Builder optimizer(String v) { optimizer = v; return this; }
        /** Default constant 1e-3. */
        public Builder schedule(LearningRateSchedule v) { schedule = v; return this; }
        /** Fraction of the AU data held out as meta split (default 0.1). */
        public Builder metaFraction(double v) { metaFraction = v; return this; }
        /** Epochs without a better meta-split AU F1 before stopping, 0 = never (default 0). */
        public Builder patience(int v) { patience = v; return this; }
        public Builder inputSize(int v) { inputSize = v; return this; }
        public Builder channels(int v) { channels = v; return this; }
        public Builder convChannels(int... v) { convChannels = v.clone(); return this; }
        public Builder featureSize(int v) { featureSize = v; return this; }
        public Builder normalisation(Normalisation v) { normalisation = v; return this; }
        public Builder augmentation(Augmentation v) { augmentation = v; return this; }
        /** Weigh each AU's positive term by its negative/positive ratio in the training part, clipped to [1, 10]. */
        public Builder balanceAuPositives(boolean v) { balanceAuPositives = v; return this; }
        /** Iterations of batches decoded ahead on the loading thread (default 4). */
        public Builder prefetch(int v) { prefetch = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}
