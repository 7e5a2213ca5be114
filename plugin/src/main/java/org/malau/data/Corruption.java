package org.malau.data;

import java.util.Locale;

/** Ground truth about a sample's label quality, known for synthetic data and unknown for real data. */
public enum Corruption {
    /** The label is the true label of a usable face. */
    NONE,
    /** The expression label was replaced by another class. */
    LABEL_NOISE,
    /** The sample carries no usable facial signal (heavy occlusion, extreme blur, ...). */
    UNRELATED,
    /** Nothing is known about the sample's label quality (real data sets). */
    UNKNOWN;

    /** Name as written in the {@code corruption} CSV column, e.g. {@code label_noise}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()} output; an empty string means {@link #UNKNOWN}. */
    public static Corruption parse(String label) {
        String s = label.trim();
        if (s.isEmpty()) {
            return UNKNOWN;
        }
        for (Corruption c : values()) {
            if (c.label().equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown corruption '" + label + "', expected one of none, label_noise, unrelated, unknown");
    }
}
