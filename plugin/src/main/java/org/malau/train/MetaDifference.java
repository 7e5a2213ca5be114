package org.malau.train;

import java.util.Arrays;
import java.util.List;

/**
 * How MAL and learning to reweight obtain every sample's directional derivative
 * d_s = v . grad l_s(theta) along the meta-gradient direction v.
 */
public enum MetaDifference {
    /** MAL.md's central finite difference: two inference passes of the batch. */
    CENTRAL("central", 2, false),
    /** One-sided finite difference reusing the losses at theta: one inference pass (ours). */
    FORWARD("forward", 1, false),
    /** Exact, by differentiating the gradient again; engines that can (LibTorch) only. */
    EXACT("exact", 0, true);

    private final String id;
    private final int extraPasses;
    private final boolean doubleBackward;

    MetaDifference(String id, int extraPasses, boolean doubleBackward) {
        this.id = id;
        this.extraPasses = extraPasses;
        this.doubleBackward = doubleBackward;
    }

    /** Forward passes of the whole batch at a perturbed theta it takes (0: none, it differentiates instead). */
    public int extraPasses() {
        return extraPasses;
    }

    /**
     * Whether it needs an engine that can differentiate a gradient
     * ({@link org.malau.model.MultiTaskNetwork#exactDirectionalDerivatives()}).
     */
    public boolean needsDoubleBackward() {
        return doubleBackward;
    }

    /** The name users choose and model headers record. */
    public String id() {
        return id;
    }

    /** Every name, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(MetaDifference::id).toList();
    }

    /** @throws IllegalArgumentException naming the valid choices */
    public static MetaDifference of(String id) {
        for (MetaDifference d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("meta difference must be one of " + ids() + ", was '" + id + "'");
    }
}
