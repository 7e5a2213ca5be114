package org.malau.train;

import java.util.List;

import org.malau.meta.MetaInputs;
import org.malau.meta.MetaWeightNet;

/** The training strategies by name. */
public final class Strategies {
    /** Every strategy name, baselines first. */
    public static final List<String> NAMES = List.of(AuOnlyStrategy.NAME, FixedMultiTaskStrategy.NAME,
        UncertaintyStrategy.NAME, LearningToReweightStrategy.NAME, MetaAuxiliaryStrategy.NAME);

    private Strategies() {
    }

    static String checkName(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown strategy '" + name + "', expected one of " + NAMES);
        }
        return name;
    }

    /**
     * A fresh strategy for a network whose features have {@code featureSize} values and whose
     * expression head has {@code expressionClasses} outputs.
     */
    public static TrainingStrategy create(TrainingConfig config, int featureSize, int expressionClasses) {
        return switch (config.strategy()) {
            case AuOnlyStrategy.NAME -> new AuOnlyStrategy();
            case FixedMultiTaskStrategy.NAME -> new FixedMultiTaskStrategy(config.lambda());
            case UncertaintyStrategy.NAME -> new UncertaintyStrategy();
            case LearningToReweightStrategy.NAME -> new LearningToReweightStrategy(MetaDifference.of(config.metaDifference()));
            case MetaAuxiliaryStrategy.NAME -> MalVariant.of(config.malVariant()) == MalVariant.ROBUST
                ? new RobustMetaAuxiliaryStrategy(MetaWeightNet.create(featureSize, config.metaHidden(),
                    MetaInputs.parse(config.metaInputs(), expressionClasses), config.seed() ^ 0x5EEDL), config.alpha(), config.beta(),
                    config.metaInterval(), MetaDifference.of(config.metaDifference()), config.warmup(), config.uniformShare(),
                    config.learnTaskWeight(), MalVariant.SIGNAL_ALIGNMENT.equals(config.metaSignal()),
                    MetaObjective.of(config.metaLoss()))
                : new MetaAuxiliaryStrategy(
                MetaWeightNet.create(featureSize, config.metaHidden(),
                    MetaInputs.parse(config.metaInputs(), expressionClasses), config.seed() ^ 0x5EEDL), config.alpha(), config.beta(), config.metaInterval(),
                MetaDifference.of(config.metaDifference()));
            default -> throw new IllegalArgumentException("unknown strategy '" + config.strategy() + "'");
        };
    }
}
