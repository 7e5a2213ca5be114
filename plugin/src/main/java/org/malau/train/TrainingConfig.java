package org.malau.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.malau.meta.MetaInputSet;
import org.malau.model.NetworkEngines;
import org.malau.model.Normalisation;

/**
 * Everything a training run depends on besides the data. Immutable; build with {@link #builder()} or
 * {@link #recommended()}. The same config and data give the same model on CPU.
 * <p>
 * Two starting points: {@link #builder()} holds the plain engine defaults (the small 48x48 grey network
 * from random weights, a fixed number of epochs), which the synthetic demo, the benchmarks and the tests
 * build on; {@link #recommended()} is what {@code ./mal train} and the MAL Learner node start from, chosen
 * by {@code bench/run RealPhotoBench} (bench/RESULTS.md): the pretrained face-api backbone, training
 * length set by the data, a learning-rate schedule, augmentation for real photos and thresholds that
 * survive a tiny meta split.
 */
public final class TrainingConfig {
    private final Strategy strategy;
    private final double lambda;
    private final double alpha;
    private final double beta;
    private final int metaHidden;
    private final int metaInterval;
    private final MetaInputSet metaInputs;
    private final MetaDifference metaDifference;
    /** Whether the meta difference was chosen, not the variant's default (which may fall back on engines without exact). */
    private final boolean metaDifferenceChosen;
    private final MalVariant malVariant;
    private final int warmup;
    private final double uniformShare;
    private final boolean learnTaskWeight;
    private final boolean lossGate;
    private final String metaSignal;
    private final String metaLoss;
    private final MetaObjective metaObjective;
    private final String engine;
    private final long seed;
    private final int epochs;
    private final int maxIterations;
    private final int auBatch;
    private final int expressionBatch;
    private final int validationBatch;
    private final OptimizerKind optimizer;
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
    private final String backbone;
    private final String initialisation;
    private final String stopOn;
    private final int thresholdMinimum;

    /** Early stopping and the best epoch by the meta split's average AU F1 with tuned thresholds. */
    public static final String STOP_ON_F1 = "f1";
    /** Early stopping and the best epoch by the meta split's mean AU loss (smooth even on a few faces). */
    public static final String STOP_ON_LOSS = "loss";
    /**
     * Auto epochs ({@code epochs(0)}): at least this many iterations, ...
     */
    public static final int AUTO_MIN_ITERATIONS = 60;
    /** ... at least this many epochs, ... */
    static final int AUTO_MIN_EPOCHS = 10;
    /** ... and at most this many. */
    static final int AUTO_MAX_EPOCHS = 100;

    private TrainingConfig(Builder b) {
        strategy = Strategy.of(b.strategy);
        lambda = b.lambda;
        alpha = b.alpha;
        beta = b.beta;
        metaHidden = positive("meta hidden units", b.metaHidden);
        malVariant = MalVariant.of(b.malVariant);
        // The variant sets MAL's defaults; the other strategies keep the paper's (as before the variants existed).
        MalVariant variant = strategy.hasMetaNet() ? malVariant : MalVariant.PAPER;
        metaInterval = positive("meta interval", b.metaInterval == 0 ? variant.metaInterval() : b.metaInterval);
        metaInputs = b.metaInputs == null ? variant.metaInputs() : MetaInputSet.of(b.metaInputs);
        metaDifferenceChosen = b.metaDifference != null;
        metaDifference = b.metaDifference == null ? variant.metaDifference() : MetaDifference.of(b.metaDifference);
        // A run capped below five times the variant's warm-up would be mostly or wholly plain multi-task learning (the
        // quick demo's 150 iterations against gated's 200), so by default the warm-up is at most a fifth of the cap.
        warmup = b.warmup >= 0 ? b.warmup : b.maxIterations > 0 ? Math.min(variant.warmup(), b.maxIterations / 5) : variant.warmup();
        uniformShare = Double.isNaN(b.uniformShare) ? variant.uniformShare() : b.uniformShare;
        if (!(uniformShare >= 0 && uniformShare < 1)) {
            throw new IllegalArgumentException("the uniform share of the expression weights must be in [0, 1), was " + uniformShare);
        }
        learnTaskWeight = b.learnTaskWeight == null ? variant.learnTaskWeight() : b.learnTaskWeight;
        lossGate = b.lossGate == null ? variant.lossGate() : b.lossGate;
        if (lossGate && variant == MalVariant.PAPER && strategy == Strategy.MAL) {
            throw new IllegalArgumentException("the loss gate is an option of robust MAL (variants robust and gated), not of the"
                + " paper variant");
        }
        metaSignal = b.metaSignal == null ? variant.metaSignal() : b.metaSignal;
        if (!List.of(MalVariant.SIGNAL_GRADIENT, MalVariant.SIGNAL_ALIGNMENT).contains(metaSignal)) {
            throw new IllegalArgumentException("the meta signal must be " + MalVariant.SIGNAL_GRADIENT + " or "
                + MalVariant.SIGNAL_ALIGNMENT + ", was '" + metaSignal + "'");
        }
        metaLoss = b.metaLoss == null ? variant.metaLoss() : b.metaLoss;
        metaObjective = MetaObjective.of(metaLoss);
        if (variant == MalVariant.PAPER && strategy == Strategy.MAL && metaObjective != MetaObjective.BCE) {
            throw new IllegalArgumentException("the meta loss '" + metaLoss + "' is an option of robust MAL; the paper variant's"
                + " meta loss is the AU cross-entropy (bce)");
        }
        NetworkEngines.byName(b.engine);
        engine = b.engine;
        seed = b.seed;
        if (b.epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0 (0 = set by the number of faces), was " + b.epochs);
        }
        epochs = b.epochs;
        if (b.maxIterations < 0) {
            throw new IllegalArgumentException("max iterations must be >= 0 (0 = no limit), was " + b.maxIterations);
        }
        maxIterations = b.maxIterations;
        auBatch = positive("AU batch size", b.auBatch);
        expressionBatch = positive("expression batch size", b.expressionBatch);
        if (b.validationBatch < -1) {
            throw new IllegalArgumentException("meta batch size must be >= 1, or 0 for the whole meta split, was " + b.validationBatch);
        }
        validationBatch = b.validationBatch == -1 ? variant.validationBatch() : b.validationBatch;
        optimizer = OptimizerKind.of(b.optimizer);
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
        backbone = b.backbone;
        initialisation = b.initialisation;
        try {
            network(1, 2);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the network settings do not fit together: " + e.getMessage(), e);
        }
        if (org.malau.model.NetworkConfig.FACE_API.equals(backbone) && channels != 3) {
            throw new IllegalArgumentException("the " + backbone + " backbone takes RGB crops (3 channels), not " + channels);
        }
        Initialisation.check(initialisation, network(1, 2));
        if (!STOP_ON_F1.equals(b.stopOn) && !STOP_ON_LOSS.equals(b.stopOn)) {
            throw new IllegalArgumentException("early stopping goes by " + STOP_ON_F1 + " or " + STOP_ON_LOSS + ", not '" + b.stopOn + "'");
        }
        stopOn = b.stopOn;
        if (b.thresholdMinimum < 1) {
            throw new IllegalArgumentException("the threshold minimum must be >= 1, was " + b.thresholdMinimum);
        }
        thresholdMinimum = b.thresholdMinimum;
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

    /**
     * The settings {@code ./mal train} and the MAL Learner node start from, chosen by measurement on real photos
     * ({@code bench/run RealPhotoBench}, bench/RESULTS.md): strategy {@code au-only} (it needs no expression data,
     * and on the smile photos the expression task did not help: choose {@code mal} when expression-labelled faces
     * are given); the face-api backbone (112x112 RGB) starting from the pretrained expression network; epochs set by the number of faces with early stopping on the meta split's
     * AU loss after {@value #RECOMMENDED_PATIENCE} epochs without improvement; a cosine learning-rate schedule;
     * augmentation for real photos ({@link Augmentation#photos}); a meta split of a fifth of the subjects; and an
     * AU's threshold tuned on the meta split only when it has at least {@value #RECOMMENDED_THRESHOLD_MINIMUM}
     * positives and negatives there, else 0.5.
     */
    public static Builder recommended() {
        return builder().strategy(Strategy.AU_ONLY).faceApi().initialisation(Initialisation.FACE_API_EXPRESSION).epochs(0)
            .patience(RECOMMENDED_PATIENCE)
            .stopOn(STOP_ON_LOSS).schedule(new LearningRateSchedule(ScheduleKind.COSINE, RECOMMENDED_RATE, 1, 1))
            .augmentation(Augmentation.photos(112)).metaFraction(RECOMMENDED_META_FRACTION)
            .thresholdMinimum(RECOMMENDED_THRESHOLD_MINIMUM);
    }

    /** {@link #recommended()}'s early-stopping patience in epochs. */
    public static final int RECOMMENDED_PATIENCE = 10;
    /** {@link #recommended()}'s base learning rate (Adam). */
    public static final double RECOMMENDED_RATE = 3e-4;
    /** {@link #recommended()}'s meta split. */
    public static final double RECOMMENDED_META_FRACTION = 0.2;
    /** {@link #recommended()}'s minimum positives and negatives of an AU in the meta split to tune its threshold. */
    public static final int RECOMMENDED_THRESHOLD_MINIMUM = 5;

    /**
     * The network these settings train for {@code auCount} AUs and {@code expressionCount} classes.
     *
     * @throws IllegalArgumentException when the settings do not describe a network
     */
    public org.malau.model.NetworkConfig network(int auCount, int expressionCount) {
        return new org.malau.model.NetworkConfig(inputSize, channels, convChannels, featureSize, auCount, expressionCount,
            backbone);
    }

    /**
     * The epochs to train for {@code faces} training faces: {@link #epochs()}, or when that is 0 (set by the data)
     * as many as give {@value #AUTO_MIN_ITERATIONS} iterations, within {@value #AUTO_MIN_EPOCHS} to
     * {@value #AUTO_MAX_EPOCHS}: small sets get many passes (32 faces: 60 epochs of one batch), large ones the
     * minimum (10 epochs of 10,000 faces: 3,130 iterations), so the budget grows with the number of faces.
     */
    public int epochsFor(int faces) {
        if (epochs > 0) {
            return epochs;
        }
        int perEpoch = Math.max(1, (faces + auBatch - 1) / auBatch);
        int e = (AUTO_MIN_ITERATIONS + perEpoch - 1) / perEpoch;
        return Math.max(AUTO_MIN_EPOCHS, Math.min(AUTO_MAX_EPOCHS, e));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.strategy = strategy.id();
        b.lambda = lambda;
        b.alpha = alpha;
        b.beta = beta;
        b.metaHidden = metaHidden;
        b.metaInterval = metaInterval;
        b.metaInputs = metaInputs.id();
        b.malVariant = malVariant.id();
        b.warmup = warmup;
        b.uniformShare = uniformShare;
        b.learnTaskWeight = learnTaskWeight;
        // Chosen only when it differs from the variant's default, as the meta loss below.
        b.lossGate = strategy == Strategy.MAL && lossGate == malVariant.lossGate() ? null : lossGate;
        b.metaSignal = metaSignal;
        // Chosen only when it differs from the variant's default, so that a builder switched to another variant gets that one's.
        b.metaLoss = strategy == Strategy.MAL && metaLoss.equals(malVariant.metaLoss()) ? null : metaLoss;
        b.metaDifference = metaDifferenceChosen ? metaDifference.id() : null;
        b.engine = engine;
        b.seed = seed;
        b.epochs = epochs;
        b.maxIterations = maxIterations;
        b.auBatch = auBatch;
        b.expressionBatch = expressionBatch;
        b.validationBatch = validationBatch;
        b.optimizer = optimizer.id();
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
        b.backbone = backbone;
        b.initialisation = initialisation;
        b.stopOn = stopOn;
        b.thresholdMinimum = thresholdMinimum;
        return b;
    }

    public Strategy strategy() { return strategy; }
    public double lambda() { return lambda; }
    public double alpha() { return alpha; }
    public double beta() { return beta; }
    public int metaHidden() { return metaHidden; }
    public int metaInterval() { return metaInterval; }
    /** What MAL's meta net sees. */
    public MetaInputSet metaInputs() { return metaInputs; }
    /** How MAL and l2rw take the directional derivatives. */
    public MetaDifference metaDifference() { return metaDifference; }
    /** Whether the meta difference was set explicitly rather than taken from the MAL variant. */
    public boolean metaDifferenceChosen() { return metaDifferenceChosen; }
    /** Which MAL the {@code mal} strategy trains. */
    public MalVariant malVariant() { return malVariant; }
    /** Robust MAL: plain multi-task iterations before the first meta step. */
    public int warmup() { return warmup; }
    /** Robust MAL: the share of every expression weight that does not depend on psi. */
    public double uniformShare() { return uniformShare; }
    /** Robust MAL: whether the expression task's weight is learnt. */
    public boolean learnTaskWeight() { return learnTaskWeight; }
    /** Robust MAL: whether the expression weights are scaled by the loss history's trust ({@link LossHistory}). */
    public boolean lossGate() { return lossGate; }
    /** Robust MAL: what psi learns from, {@link MalVariant#SIGNAL_GRADIENT} or {@link MalVariant#SIGNAL_ALIGNMENT}. */
    public String metaSignal() { return metaSignal; }
    /** Robust MAL: what the meta split's AU predictions are judged by, a {@link MetaObjective} id. */
    public String metaLoss() { return metaLoss; }

    /** The meta loss parsed once, when the config was built. */
    public MetaObjective metaObjective() { return metaObjective; }
    /** The network engine to train with, a {@link NetworkEngines} name. */
    public String engine() { return engine; }
    public long seed() { return seed; }
    public int epochs() { return epochs; }
    public int maxIterations() { return maxIterations; }
    public int auBatch() { return auBatch; }
    public int expressionBatch() { return expressionBatch; }
    public int validationBatch() { return validationBatch; }
    public OptimizerKind optimizer() { return optimizer; }
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
    /** {@code conv} or {@code face-api}, see {@link org.malau.model.NetworkConfig}. */
    public String backbone() { return backbone; }
    /** Where the network's weights start, an {@link Initialisation} spec. */
    public String initialisation() { return initialisation; }
    /** What early stopping and the best epoch go by: {@value #STOP_ON_F1} or {@value #STOP_ON_LOSS}. */
    public String stopOn() { return stopOn; }
    /** Fewest positives and negatives of an AU in the meta split to tune its threshold on; else 0.5. */
    public int thresholdMinimum() { return thresholdMinimum; }

    /** The settings recorded in the model header. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lambda", lambda);
        m.put("alpha", alpha);
        m.put("beta", beta);
        m.put("metaHidden", metaHidden);
        m.put("metaInterval", metaInterval);
        m.put("metaInputs", metaInputs.id());
        m.put("metaDifference", metaDifference.id());
        m.put("malVariant", malVariant.id());
        m.put("warmup", warmup);
        m.put("uniformShare", uniformShare);
        m.put("learnTaskWeight", learnTaskWeight);
        m.put("lossGate", lossGate);
        m.put("metaSignal", metaSignal);
        m.put("metaLoss", metaLoss);
        m.put("engine", engine);
        m.put("epochs", epochs);
        m.put("maxIterations", maxIterations);
        m.put("auBatch", auBatch);
        m.put("expressionBatch", expressionBatch);
        m.put("validationBatch", validationBatch);
        m.put("optimizer", optimizer.id());
        m.put("schedule", schedule.kind().id());
        m.put("learningRate", schedule.baseRate());
        m.put("stepEvery", schedule.stepEvery());
        m.put("stepFactor", schedule.factor());
        m.put("metaFraction", metaFraction);
        m.put("patience", patience);
        m.put("augmentShift", augmentation.maxShift());
        m.put("augmentBrightness", augmentation.brightness());
        m.put("augmentContrast", augmentation.contrast());
        m.put("augmentFlip", augmentation.flip());
        m.put("augmentRotation", augmentation.rotation());
        m.put("augmentScale", augmentation.scale());
        m.put("balanceAuPositives", balanceAuPositives);
        m.put("backbone", backbone);
        m.put("initialisation", initialisation);
        m.put("stopOn", stopOn);
        m.put("thresholdMinimum", thresholdMinimum);
        return m;
    }

    /** Mutable builder; every setter validates in {@link #build()}. */
    public static final class Builder {
        private String strategy = Strategy.MAL.id();
        private double lambda = 1.0;
        private double alpha = 0.1;
        private double beta = 1e-3;
        private int metaHidden = 32;
        private int metaInterval = 0;
        private String metaInputs = null;
        private String metaDifference = null;
        private String malVariant = MalVariant.GATED.id();
        private int warmup = -1;
        private double uniformShare = Double.NaN;
        private Boolean learnTaskWeight = null;
        private Boolean lossGate = null;
        private String metaSignal = null;
        private String metaLoss = null;
        private String engine = NetworkEngines.DEFAULT;
        private long seed = 1;
        private int epochs = 10;
        private int maxIterations = 0;
        private int auBatch = 32;
        private int expressionBatch = 32;
        private int validationBatch = -1;
        private String optimizer = OptimizerKind.ADAM.id();
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
        private String backbone = org.malau.model.NetworkConfig.CONV;
        private String initialisation = Initialisation.RANDOM;
        private String stopOn = STOP_ON_F1;
        private int thresholdMinimum = 1;

        /** {@code au-only}, {@code mtl}, {@code uncertainty}, {@code l2rw} or {@code mal} (default). */
        public Builder strategy(String v) { strategy = v; return this; }
        public Builder strategy(Strategy v) { strategy = v.id(); return this; }
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
        // 0 (the default) = by strategy and variant: mal robust 4, everything else 1
        /**
         * Which MAL: {@code gated} (default, ours; {@link MalVariant#GATED}), {@code robust} (ours; {@link MalVariant#ROBUST}) or
         * {@code paper} (MAL.md's configuration);
         * sets the defaults of the meta inputs, meta difference, meta batch, warm-up, uniform share and task weight.
         */
        public Builder malVariant(String v) { malVariant = v; return this; }
        public Builder malVariant(MalVariant v) { malVariant = v.id(); return this; }
        /** Robust MAL's plain multi-task iterations before the first meta step (default by variant: 300). */
        public Builder warmup(int v) { warmup = v; return this; }
        /** Robust MAL's share of every expression weight that does not depend on psi, in [0, 1) (default by variant: 0.1). */
        public Builder uniformShare(double v) { uniformShare = v; return this; }
        /** Robust MAL: learn the expression task's weight (default by variant: yes). */
        public Builder learnTaskWeight(boolean v) { learnTaskWeight = v; return this; }
        /** Robust MAL: scale the expression weights by the loss history's trust (default by variant: gated yes). */
        public Builder lossGate(boolean v) { lossGate = v; return this; }
        /** Robust MAL: what psi learns from, {@code gradient} (the meta-gradient) or {@code alignment} (default by variant). */
        public Builder metaSignal(String v) { metaSignal = v; return this; }
        /**
         * Robust MAL: what the meta split's AU predictions are judged by in the meta-gradient, a {@link MetaObjective} id
         * ({@code bce} = MAL.md's AU cross-entropy, {@code calibrated}, {@code temperature}, {@code rank}, {@code soft-f1});
         * default by variant.
         */
        public Builder metaLoss(String v) { metaLoss = v; return this; }
        /**
         * What MAL's meta net sees: {@code features} (as MAL.md) plus optionally {@code +loss}, {@code +label} and
         * {@code +uncertainty}; ours. Default by variant: paper {@code features}, robust {@code features+uncertainty}.
         */
        public Builder metaInputs(String v) { metaInputs = v; return this; }
        public Builder metaInputs(MetaInputSet v) { metaInputs = v.id(); return this; }
        /**
         * {@code exact} (robust's default; double backward, LibTorch only: on other engines the default falls back to
         * {@code forward} with a warning), {@code forward} (paper's default; ours: one pass, reusing the first step's losses) or {@code central}
         * (MAL.md: two forward passes) finite difference for MAL's directional derivatives. Both agree
         * with exact per-sample gradients to a cosine above 0.999 (DirectionalDerivativesTest); the
         * one-sided one saves a forward pass of the whole batch, which brings a MAL iteration from 2.6
         * to 2.4 times a multi-task step (bench/MalSpeedBench).
         */
        public Builder metaDifference(String v) { metaDifference = v; return this; }
        public Builder metaDifference(MetaDifference v) { metaDifference = v.id(); return this; }
        /** {@code libtorch} (default) or {@code dl4j}, see {@link NetworkEngines}. */
        public Builder engine(String v) { engine = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        /** Passes over the AU training part, 0 = set by the number of faces ({@link TrainingConfig#epochsFor}) (default 10). */
        public Builder epochs(int v) { epochs = v; return this; }
        /** Stop after this many iterations, 0 = no limit (default 0). */
        public Builder maxIterations(int v) { maxIterations = v; return this; }
        /** n, AU samples per iteration (default 32). */
        public Builder auBatch(int v) { auBatch = v; return this; }
        /** m, expression samples per iteration (default 32). */
        public Builder expressionBatch(int v) { expressionBatch = v; return this; }
        /** k, meta-split samples per iteration, 0 = the whole meta split (default by variant: paper 16, robust 0). */
        public Builder validationBatch(int v) { validationBatch = v; return this; }
        /** {@code adam} (default) or {@code sgd} (momentum 0.9). */
        public Builder optimizer(String v) { optimizer = v; return this; }
        public Builder optimizer(OptimizerKind v) { optimizer = v.id(); return this; }
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
        /** {@code conv} (default) or {@code face-api}; {@link #faceApi()} and {@link #smallGrey()} set a whole network. */
        public Builder backbone(String v) { backbone = v; return this; }
        /**
         * Where the weights start (default {@code random}): {@code face-api-expression} or {@code face-api-landmarks}
         * (the face-api backbone's pretrained weights) or the path of a model file to take the backbone from.
         */
        public Builder initialisation(String v) { initialisation = v; return this; }
        /** {@value TrainingConfig#STOP_ON_F1} (default) or {@value TrainingConfig#STOP_ON_LOSS}. */
        public Builder stopOn(String v) { stopOn = v; return this; }
        /** Fewest positives and negatives of an AU in the meta split to tune its threshold on (default 1); below, 0.5. */
        public Builder thresholdMinimum(int v) { thresholdMinimum = v; return this; }

        /**
         * face-api.js's backbone at its own shape: 112x112 RGB crops, dense blocks of 32-256 channels, 256 features,
         * its normalisation; keep the initialisation random to train it from scratch.
         */
        public Builder faceApi() {
            org.malau.model.NetworkConfig c = org.malau.model.NetworkConfig.faceApi(1, 2);
            return backbone(c.backbone()).inputSize(c.inputSize()).channels(c.channels()).convChannels(c.convChannels())
                .featureSize(c.featureSize()).normalisation(org.malau.model.Normalisation.faceApi());
        }

        /** The plain engine's small network: 48x48 grey, conv 16/32/64, 64 features, per-image normalisation. */
        public Builder smallGrey() {
            return smallConv(48, org.malau.model.NetworkConfig.DEFAULT_WIDTH);
        }

        /**
         * The small grey network at {@code inputSize} pixels scaled by the width of its first block
         * ({@link org.malau.model.NetworkConfig#smallConv}), per-image normalisation.
         */
        public Builder smallConv(int inputSize, int width) {
            org.malau.model.NetworkConfig c = org.malau.model.NetworkConfig.smallConv(inputSize, width, 1, 2);
            return backbone(c.backbone()).inputSize(c.inputSize()).channels(c.channels()).convChannels(c.convChannels())
                .featureSize(c.featureSize()).normalisation(Normalisation.perImage());
        }

        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}
