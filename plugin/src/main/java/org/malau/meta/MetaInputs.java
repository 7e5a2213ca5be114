package org.malau.meta;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the meta net psi sees of a sample besides its detached backbone features and task indicator.
 * MAL.md gives psi the features only. Features alone cannot reveal a wrong expression label (the face
 * of a mislabelled sample looks like any clean face of its true class), so two optional inputs are
 * ours: the sample's current loss (as in Meta-Weight-Net, Shu et al. 2019) and its one-hot expression
 * label (expression samples only; AU samples get zeros).
 *
 * @param loss append log(1 + loss) of the sample
 * @param labelClasses append a one-hot expression label of this many classes, 0 for none
 */
public record MetaInputs(boolean loss, int labelClasses) {
    /** The paper's input: features and task only. */
    public static final MetaInputs FEATURES = new MetaInputs(false, 0);
    /** The names {@link #parse} accepts. */
    public static final List<String> SPECS = List.of("features", "features+loss", "features+label", "features+loss+label");

    public MetaInputs {
        if (labelClasses < 0) {
            throw new IllegalArgumentException("label classes must be >= 0, was " + labelClasses);
        }
    }

    /**
     * Parses a spec such as {@code features+loss}; parts in any order, {@code features} always
     * included.
     *
     * @param expressionClasses number of expression classes, used when the spec names {@code label}
     */
    public static MetaInputs parse(String spec, int expressionClasses) {
        Set<String> parts = new LinkedHashSet<>(List.of(spec.trim().split("\\s*\\+\\s*")));
        if (!parts.remove("features")) {
            throw new IllegalArgumentException("meta net inputs '" + spec + "' must include 'features'; expected one of " + SPECS);
        }
        boolean loss = parts.remove("loss");
        boolean label = parts.remove("label");
        if (!parts.isEmpty()) {
            throw new IllegalArgumentException("unknown meta net input(s) " + parts + " in '" + spec + "'; expected one of " + SPECS);
        }
        return new MetaInputs(loss, label ? expressionClasses : 0);
    }

    /** The spec {@link #parse} reads back. */
    public String spec() {
        return "features" + (loss ? "+loss" : "") + (labelClasses > 0 ? "+label" : "");
    }

    /** Inputs appended after the features and the task indicator. */
    int extra() {
        return (loss ? 1 : 0) + labelClasses;
    }
}
