package org.malau.demo;

import java.util.List;

import org.malau.experiment.ExperimentConfig;
import org.malau.train.Strategy;

/**
 * What a demo run does: a named size profile, the seed and the experiment (data sizes, corruption,
 * early stopping and iteration cap, strategies). One seed drives the data and the training of every strategy, so
 * the same settings give the same results.
 *
 * @param profile {@code default}, {@code quick} or a caller's own name; shown in the report
 * @param seed seed of the synthetic data and of every strategy's training
 * @param experiment sizes, patience and iteration cap; its data seed is {@code seed}
 */
public record DemoSettings(String profile, long seed, ExperimentConfig experiment) {
    public static final long DEFAULT_SEED = 1;
    public static final List<String> DEFAULT_STRATEGIES = List.of(Strategy.AU_ONLY.id(), Strategy.MTL.id(), Strategy.MAL.id());

    /** Iteration cap of every strategy in the default run, a safety net behind early stopping (see {@link #standard}). */
    static final int STANDARD_MAX_ITERATIONS = 1500;
    /** Epochs without a better meta-split F1 before a strategy stops, default run. */
    static final int STANDARD_PATIENCE = 25;
    /** Iteration cap of every strategy with {@code --quick}. */
    static final int QUICK_MAX_ITERATIONS = 150;
    /** Patience with {@code --quick}. */
    static final int QUICK_PATIENCE = 8;

    public DemoSettings {
        if (experiment.dataSeed() != seed) {
            throw new IllegalArgumentException("the experiment's data seed " + experiment.dataSeed()
                + " differs from the demo seed " + seed);
        }
    }

    /**
     * The default run, the AU-scarce setting the paper assumes (AU labels are expensive, expression labels
     * cheap): 12 AU training subjects (2 of them become the meta split) and 10 held-out AU subjects against
     * 150 expression subjects with 20 % wrong labels and 20 % unrelated samples, 20 faces each, 48x48 crops.
     * With 40 AU subjects the expression task hardly helps even when clean, so no weighting could show
     * anything (bench/RESULTS.md). Every strategy trains until its meta-split AU F1 has not improved for
     * {@value #STANDARD_PATIENCE} epochs of 7 iterations (the meta F1 of 40 faces jumps by a few points
     * from epoch to epoch, so a short patience stops on noise), at most {@value #STANDARD_MAX_ITERATIONS}
     * iterations, and keeps its best epoch. Sized to finish within five minutes on two idle cores for
     * au-only, mtl and mal; measured figures are in the README.
     */
    public static DemoSettings standard(long seed, List<String> strategies) {
        return new DemoSettings("default", seed,
            new ExperimentConfig(seed, 12, 10, 150, 20, 0.2, 0.2, 48, STANDARD_MAX_ITERATIONS, STANDARD_PATIENCE, strategies));
    }

    /** A run of about a minute for trying the command: fewer, smaller sets, early stopping within 150 iterations. */
    public static DemoSettings quick(long seed, List<String> strategies) {
        return new DemoSettings("quick", seed,
            new ExperimentConfig(seed, 8, 4, 30, 15, 0.2, 0.2, 48, QUICK_MAX_ITERATIONS, QUICK_PATIENCE, strategies));
    }
}
