package org.malau.train;

/**
 * Learning rate as a function of training progress.
 *
 * @param kind the schedule's shape
 * @param baseRate rate at iteration 0
 * @param stepEvery iterations between decays for {@link ScheduleKind#STEP}
 * @param factor decay factor for {@link ScheduleKind#STEP}
 */
public record LearningRateSchedule(ScheduleKind kind, double baseRate, int stepEvery, double factor) {
    public LearningRateSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("no learning-rate schedule given; expected one of " + ScheduleKind.ids());
        }
        if (!(baseRate > 0) || !Double.isFinite(baseRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, was " + baseRate);
        }
        // A negative factor would flip the sign of the rate (ascent), one above 1 grow it without bound.
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("step decay factor must be in (0, 1], was " + factor);
        }
        if (stepEvery < 1) {
            throw new IllegalArgumentException("iterations between step decays must be >= 1, was " + stepEvery);
        }
    }

    /** @param kind a {@link ScheduleKind} id, e.g. from the command line */
    public LearningRateSchedule(String kind, double baseRate, int stepEvery, double factor) {
        this(ScheduleKind.of(kind), baseRate, stepEvery, factor);
    }

    public static LearningRateSchedule constant(double rate) {
        return new LearningRateSchedule(ScheduleKind.CONSTANT, rate, 1, 1);
    }

    /** Rate at {@code iteration} of {@code totalIterations}. */
    public double rate(int iteration, int totalIterations) {
        return kind.rate(baseRate, stepEvery, factor, iteration, totalIterations);
    }
}
