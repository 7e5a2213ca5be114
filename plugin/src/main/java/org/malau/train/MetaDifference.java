package org.malau.train;

import java.util.Arrays;
import java.util.List;

/**
 * How MAL and learning to reweight obtain every sample's directional derivative
 * d_s = v . grad l_s(theta) along the meta-gradient direction v.
 */
public enum MetaDifference {
    /** MAL.md's central finite difference: two inference passes of the batch. */
    CENTRAL("central"),
    /** One-sided finite difference reusing the losses at theta: one inference pass (ours). */
    FORWARD("forward"),
    /** Exact, by differentiating the gradient again; engines that can (LibTorch) only. */
    EXACT("exact");

    private final String id;

    MetaDifference(String id) {
        this.id = id;
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
