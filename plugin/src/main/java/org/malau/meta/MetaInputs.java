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
 * A third option, {@code uncertainty}, appends three per-sample uncertainty inputs of an expression sample
 * (log(1 + loss), the predicted probability of its given label, the entropy of its expression prediction),
 * standardised over the expression samples of the batch by the caller: a wrong label shows as a high loss and
 * a low p(label), a face without usable signal as a high entropy, and the per-batch standardisation keeps
 * their meaning fixed while the network learns (losses shrink over training).
 *
 * @param loss append log(1 + loss) of the sample
 * @param labelClasses append a one-hot expression label of this many classes, 0 for none
 * @param uncertainty append the three standardised uncertainty inputs
 */
public record MetaInputs(boolean loss, int labelClasses, boolean uncertainty) {
    /** The paper's input: features and task only. */
    public static final MetaInputs FEATURES = new MetaInputs(false, 0, false);
    /** The specs offered, one per {@link MetaInputSet}. */
    public static final List<String> SPECS = MetaInputSet.ids();
    /** Number of uncertainty inputs. */
    public static final int UNCERTAINTY_INPUTS = 3;

    /** Without the uncertainty inputs, as before they existed. */
    public MetaInputs(boolean loss, int labelClasses) {
        this(loss, labelClasses, false);
    }

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
        boolean uncertainty = parts.remove("uncertainty");
        if (!parts.isEmpty()) {
            throw new IllegalArgumentException("unknown meta net input(s) " + parts + " in '" + spec + "'; expected one of " + SPECS);
        }
        return new MetaInputs(loss, label ? expressionClasses : 0, uncertainty);
    }

    /** The spec {@link #parse} reads back. */
    public String spec() {
        return "features" + (loss ? "+loss" : "") + (labelClasses > 0 ? "+label" : "") + (uncertainty ? "+uncertainty" : "");
    }

    /** Inputs appended after the features and the task indicator. */
    int extra() {
        return (loss ? 1 : 0) + labelClasses + (uncertainty ? UNCERTAINTY_INPUTS : 0);
    }
}
