package org.malau.data;

import java.util.Locale;

/**
 * Basic facial expression classes. The order is this project's canonical class index; readers map
 * each data set's own numbering onto it.
 */
public enum Expression {
    NEUTRAL, HAPPINESS, SADNESS, SURPRISE, FEAR, ANGER, DISGUST, CONTEMPT;

    /** The seven classes the synthetic generator and RAF-DB basic use (no contempt). */
    public static final Expression[] BASIC7 = {NEUTRAL, HAPPINESS, SADNESS, SURPRISE, FEAR, ANGER, DISGUST};

    /** Lower-case name as written in CSV files, e.g. {@code happiness}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label as written by {@link #label()} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the label and the accepted ones
     */
    public static Expression parse(String label) {
        for (Expression e : values()) {
            if (e.label().equalsIgnoreCase(label.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown expression '" + label + "', expected one of "
            + java.util.Arrays.stream(values()).map(Expression::label).toList());
    }
}
