package org.malau.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The shapes of the learning-rate schedule ({@link LearningRateSchedule}), by the name users choose and headers record. */
public enum ScheduleKind {
    /** The base rate throughout. */
    CONSTANT("constant", false),
    /** The base rate multiplied by the factor every {@code stepEvery} iterations. */
    STEP("step", true),
    /** From the base rate down to 0 along half a cosine over the whole iteration budget. */
    COSINE("cosine", false);

    private final String id;
    private final boolean steps;

    ScheduleKind(String id, boolean steps) {
        this.id = id;
        this.steps = steps;
    }

    /** {@code constant}, {@code step} or {@code cosine}. */
    public String id() {
        return id;
    }

    /** Whether the step interval and factor matter (they are ignored otherwise). */
    public boolean usesSteps() {
        return steps;
    }

    /** The rate at {@code iteration} of {@code totalIterations}. */
    double rate(double baseRate, int stepEvery, double factor, int iteration, int totalIterations) {
        return switch (this) {
            case STEP -> baseRate * Math.pow(factor, iteration / Math.max(1, stepEvery));
            case COSINE -> baseRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, iteration / (double) Math.max(1, totalIterations))));
            case CONSTANT -> baseRate;
        };
    }

    /** Every id. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ScheduleKind::id).toList();
    }

    /**
     * The kind of {@code id}, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static ScheduleKind of(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (ScheduleKind k : values()) {
            if (k.id.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + id + "', expected one of " + ids());
    }
}
