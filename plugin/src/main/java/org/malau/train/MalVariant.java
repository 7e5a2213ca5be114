package org.malau.train;

import java.util.Arrays;
import java.util.List;

import org.malau.meta.MetaInputSet;

/**
 * Which MAL the {@code mal} strategy trains. All take MAL.md's three steps per iteration; they differ in
 * what psi sees and how its outputs become weights. {@link #GATED} is the default (bench/RESULTS.md: the only one
 * whose weights separate clean from corrupted expression samples).
 */
public enum MalVariant {
    /**
     * The paper's configuration as MAL.md describes it ({@link MetaAuxiliaryStrategy}): psi on the backbone
     * features and task, both the AU and the expression weights from psi, no normalisation, no warm-up, a
     * meta batch of 16. What models trained before the variants existed used.
     */
    PAPER("paper", MetaInputSet.FEATURES, MetaDifference.FORWARD, 16, 0, 0, false, 1, "gradient", "bce", false),
    /**
     * Ours ({@link RobustMetaAuxiliaryStrategy}): psi on features plus per-sample uncertainty inputs, expression
     * weights only, normalised per batch with a uniform share, a learnable task weight, a warm-up of plain
     * multi-task steps, the whole meta split as meta batch and exact meta-gradients (on LibTorch).
     */
    ROBUST("robust", MetaInputSet.FEATURES_UNCERTAINTY, MetaDifference.EXACT, 0, 300, 0.1, true, 4, "gradient", "bce", false),
    /**
     * Robust MAL whose expression weights are also scaled by each sample's trust from the history of its training
     * loss ({@link LossHistory}), with psi on the features only and a shorter warm-up: the one-step meta-gradient ranks
     * corrupted samples above clean ones on the AU-scarce benchmark, the loss history ranks them the right way. The
     * default.
     */
    GATED("gated", MetaInputSet.FEATURES, MetaDifference.EXACT, 0, 200, 0.1, true, 4, "gradient", "bce", true);

    /** psi learns from the meta-gradient dL_val/dw itself. */
    public static final String SIGNAL_GRADIENT = "gradient";
    /** psi learns from the meta-gradient over the size of the sample's logit gradient (robust only). */
    public static final String SIGNAL_ALIGNMENT = "alignment";

    private final String id;
    private final MetaInputSet metaInputs;
    private final MetaDifference metaDifference;
    private final int validationBatch;
    private final int warmup;
    private final double uniformShare;
    private final boolean learnTaskWeight;
    private final int metaInterval;
    private final String metaSignal;
    private final String metaLoss;
    private final boolean lossGate;

    MalVariant(String id, MetaInputSet metaInputs, MetaDifference metaDifference, int validationBatch, int warmup, double uniformShare,
        boolean learnTaskWeight, int metaInterval, String metaSignal, String metaLoss, boolean lossGate) {
        this.lossGate = lossGate;
        this.metaLoss = metaLoss;
        this.metaInterval = metaInterval;
        this.metaSignal = metaSignal;
        this.id = id;
        this.metaInputs = metaInputs;
        this.metaDifference = metaDifference;
        this.validationBatch = validationBatch;
        this.warmup = warmup;
        this.uniformShare = uniformShare;
        this.learnTaskWeight = learnTaskWeight;
    }

    /** The name users choose and model headers record. */
    public String id() {
        return id;
    }

    /** psi's inputs unless set. */
    public MetaInputSet metaInputs() {
        return metaInputs;
    }

    /** How d_s is taken unless set. */
    public MetaDifference metaDifference() {
        return metaDifference;
    }

    /** Meta batch unless set; 0 = the whole meta split. */
    public int validationBatch() {
        return validationBatch;
    }

    /** Plain multi-task iterations before the first meta step unless set. */
    public int warmup() {
        return warmup;
    }

    /** Share of every expression weight that does not depend on psi unless set (robust only). */
    public double uniformShare() {
        return uniformShare;
    }

    /** Whether the task weight is learnt unless set (robust only). */
    public boolean learnTaskWeight() {
        return learnTaskWeight;
    }

    /** Meta steps every this many iterations unless set. */
    public int metaInterval() {
        return metaInterval;
    }

    /** What psi learns from unless set: {@value #SIGNAL_GRADIENT} or {@value #SIGNAL_ALIGNMENT}. */
    public String metaSignal() {
        return metaSignal;
    }

    /** What the meta split's AU predictions are judged by unless set, a {@link MetaObjective} id. */
    public String metaLoss() {
        return metaLoss;
    }

    /** Whether the expression weights are scaled by the loss history's trust unless set (robust MAL only). */
    public boolean lossGate() {
        return lossGate;
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(MalVariant::id).toList();
    }

    /** @throws IllegalArgumentException naming the valid choices */
    public static MalVariant of(String id) {
        for (MalVariant v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("MAL variant must be one of " + ids() + ", was '" + id + "'");
    }
}
