package org.malau.train;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.malau.meta.MetaWeightNet;

/**
 * The training strategies, with what each one needs and supports, so that the trainer, the command line and the
 * nodes ask the strategy instead of comparing names. The ids are what users type, settings store and model headers
 * record.
 */
public enum Strategy {
    /** The AU task alone ({@link AuOnlyStrategy}). */
    AU_ONLY(AuOnlyStrategy.NAME, false, false, false),
    /** Both tasks with a fixed expression weight lambda ({@link FixedMultiTaskStrategy}). */
    MTL(FixedMultiTaskStrategy.NAME, true, false, false),
    /** Both tasks with a learnt weight per task (Kendall et al. 2018, {@link UncertaintyStrategy}). */
    UNCERTAINTY(UncertaintyStrategy.NAME, true, false, false),
    /** A weight per expression sample from its gradient's agreement with the meta split (Ren et al. 2018). */
    L2RW(LearningToReweightStrategy.NAME, true, true, false),
    /** Meta Auxiliary Learning: a meta net psi weighs every sample ({@link MetaAuxiliaryStrategy}, {@link MalVariant}). */
    MAL(MetaAuxiliaryStrategy.NAME, true, true, true);

    private final String id;
    private final boolean expressionTask;
    private final boolean metaGradient;
    private final boolean metaNet;

    Strategy(String id, boolean expressionTask, boolean metaGradient, boolean metaNet) {
        this.id = id;
        this.expressionTask = expressionTask;
        this.metaGradient = metaGradient;
        this.metaNet = metaNet;
    }

    /** The name users choose, settings store and model headers record, e.g. {@code au-only}. */
    public String id() {
        return id;
    }

    /** Whether it trains the expression head, and so needs expression-labelled faces (and its model predicts expressions). */
    public boolean usesExpressionTask() {
        return expressionTask;
    }

    /**
     * Whether it takes per-sample directional derivatives along a meta-split gradient, and so uses a meta batch every
     * step and a {@link MetaDifference}.
     */
    public boolean usesMetaDifference() {
        return metaGradient;
    }

    /** Whether it learns a meta net psi, and so has {@link MalVariant}s and {@link org.malau.meta.MetaInputSet}s. */
    public boolean hasMetaNet() {
        return metaNet;
    }

    /** Every id, baselines first. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Strategy::id).toList();
    }

    /** @throws IllegalArgumentException naming the valid choices */
    public static Strategy of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + id + "', expected one of " + ids()));
    }

    /** The strategy of {@code id}, or empty for one this version does not know (a model header of a later version). */
    public static Optional<Strategy> find(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /**
     * A fresh strategy for {@code config}, for a network whose features have {@code featureSize} values and whose
     * expression head has {@code expressionClasses} outputs.
     */
    TrainingStrategy create(TrainingConfig config, int featureSize, int expressionClasses) {
        return switch (this) {
            case AU_ONLY -> new AuOnlyStrategy();
            case MTL -> new FixedMultiTaskStrategy(config.lambda());
            case UNCERTAINTY -> new UncertaintyStrategy();
            case L2RW -> new LearningToReweightStrategy(config.metaDifference());
            case MAL -> {
                MetaWeightNet psi = MetaWeightNet.create(featureSize, config.metaHidden(),
                    config.metaInputs().inputs(expressionClasses), config.seed() ^ 0x5EEDL);
                yield config.malVariant() != MalVariant.PAPER
                    ? new RobustMetaAuxiliaryStrategy(psi, config.alpha(), config.beta(), config.metaInterval(),
                        config.metaDifference(), config.warmup(), config.uniformShare(), config.learnTaskWeight(),
                        MalVariant.SIGNAL_ALIGNMENT.equals(config.metaSignal()), config.metaObjective(), config.lossGate())
                    : new MetaAuxiliaryStrategy(psi, config.alpha(), config.beta(), config.metaInterval(),
                        config.metaDifference());
            }
        };
    }
}
