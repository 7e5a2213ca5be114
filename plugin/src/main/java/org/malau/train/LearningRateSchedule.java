package org.malau.train;

import java.util.Locale;

/**
 * Learning rate as a function of training progress.
 *
 * @param kind {@code constant}, {@code step} (multiply by {@code factor} every {@code stepEvery}
 *     iterations) or {@code cosine} (from the base rate down to 0 over the whole budget)
 * @param baseRate rate at iteration 0
 * @param stepEvery iterations between decays for {@code step}
 * @param factor decay factor for {@code step}
 */
public record LearningRateSchedule(String kind, double baseRate, int stepEvery, double factor) {
    public LearningRateSchedule {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("constant") && !kind.equals("step") && !kind.equals("cosine")) {
            throw new IllegalArgumentException("unknown learning-rate schedule '" + kind + "', expected constant, step or cosine");
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

    public static LearningRateSchedule constant(double rate) {
        return new LearningRateSchedule("constant", rate, 1, 1);
    }

    /** Rate at {@code iteration} of {@code totalIterations}. */
    public double rate(int iteration, int totalIterations) {
        return switch (kind) {
            case "step" -> baseRate * Math.pow(factor, iteration / Math.max(1, stepEvery));
            case "cosine" -> baseRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, iteration / (double) Math.max(1, totalIterations))));
            default -> baseRate;
        };
    }
}
