package org.malau.meta;

import java.util.Arrays;
import java.util.List;

/**
 * The choices of what the meta net psi sees ({@link MetaInputs}), by the spec users type, settings store and model
 * headers record. Each says which inputs it adds to the features and which MAL it was made for.
 */
public enum MetaInputSet {
    /** The paper's input: the detached backbone features and the task indicator. */
    FEATURES("features", false, false, false),
    /** Plus log(1 + loss) of the sample (as Meta-Weight-Net, Shu et al. 2019). */
    FEATURES_LOSS("features+loss", true, false, false),
    /** Plus the one-hot expression label. */
    FEATURES_LABEL("features+label", false, true, false),
    /** Plus the loss and the label. */
    FEATURES_LOSS_LABEL("features+loss+label", true, true, false),
    /** Plus three standardised uncertainty inputs of an expression sample (robust MAL's default). */
    FEATURES_UNCERTAINTY("features+uncertainty", false, false, true);

    private final String spec;
    private final boolean loss;
    private final boolean label;
    private final boolean uncertainty;

    MetaInputSet(String spec, boolean loss, boolean label, boolean uncertainty) {
        this.spec = spec;
        this.loss = loss;
        this.label = label;
        this.uncertainty = uncertainty;
    }

    /** The spec, e.g. {@code features+loss}. */
    public String id() {
        return spec;
    }

    /** Whether psi sees the sample's loss. */
    public boolean loss() {
        return loss;
    }

    /** Whether psi sees the expression label (so its input size depends on the number of classes). */
    public boolean label() {
        return label;
    }

    /**
     * Whether psi sees the per-sample uncertainty inputs, which the robust variant computes per batch (the paper
     * variant gives zeros).
     */
    public boolean uncertainty() {
        return uncertainty;
    }

    /** psi's inputs for a model of {@code expressionClasses} expression classes. */
    public MetaInputs inputs(int expressionClasses) {
        return new MetaInputs(loss, label ? expressionClasses : 0, uncertainty);
    }

    /** Every spec, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(MetaInputSet::id).toList();
    }

    /**
     * The choice a spec names; its parts in any order, around '+' with or without spaces.
     *
     * @throws IllegalArgumentException naming the valid specs
     */
    public static MetaInputSet of(String spec) {
        MetaInputs parsed = MetaInputs.parse(spec, 1);
        for (MetaInputSet s : values()) {
            if (s.loss == parsed.loss() && s.label == (parsed.labelClasses() > 0) && s.uncertainty == parsed.uncertainty()) {
                return s;
            }
        }
        throw new IllegalArgumentException("meta net inputs '" + spec + "' are not a combination offered; expected one of " + ids());
    }
}
