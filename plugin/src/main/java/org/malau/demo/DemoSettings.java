package org.malau.demo;

import java.util.List;

import org.malau.experiment.ExperimentConfig;

/**
 * What a demo run does: a named size profile, the seed and the experiment (data sizes, corruption,
 * iteration budget, strategies). One seed drives the data and the training of every strategy, so
 * the same settings give the same results.
 *
 * @param profile {@code default}, {@code quick} or a caller's own name; shown in the report
 * @param seed seed of the synthetic data and of every strategy's training
 * @param experiment sizes and budget; its data seed is {@code seed}
 */
public record DemoSettings(String profile, long seed, ExperimentConfig experiment) {
    public static final long DEFAULT_SEED = 1;
    public static final List<String> DEFAULT_STRATEGIES = List.of("au-only", "mtl", "mal");

    /** Iterations of every strategy in the default run (see {@link #standard}). */
    static final int STANDARD_ITERATIONS = 120;
    /** Iterations of every strategy with {@code --quick}. */
    static final int QUICK_ITERATIONS = 20;

    public DemoSettings {
        if (experiment.dataSeed() != seed) {
            throw new IllegalArgumentException("the experiment's data seed " + experiment.dataSeed()
                + " differs from the demo seed " + seed);
        }
    }

    /**
     * The default run, sized to finish within five minutes on two CPU cores for au-only, mtl and
     * mal: 20 AU training and 10 held-out AU subjects, 40 expression subjects with 20 % label noise
     * and 20 % unrelated samples, 30 faces each, 48x48 crops, 120 iterations per strategy (MAL's
     * iterations dominate: about 2.4 times an MTL iteration). With batches of 32, 120 iterations are
     * eight epochs over the AU training part, enough for per-epoch curves; they are far too few for
     * the paper's claim, which bench/PaperClaimBench measures with a longer budget. Measured from a
     * fresh clone on the otherwise idle development machine: 60 iterations took 1 min 46 s in all,
     * of which 1 min 26 s training, so 120 leave more than a minute of margin.
     */
    public static DemoSettings standard(long seed, List<String> strategies) {
        return new DemoSettings("default", seed,
            new ExperimentConfig(seed, 20, 10, 40, 30, 0.2, 0.2, 48, STANDARD_ITERATIONS, strategies));
    }

    /** A run of about a minute for trying the command: fewer, smaller sets and 20 iterations. */
    public static DemoSettings quick(long seed, List<String> strategies) {
        return new DemoSettings("quick", seed,
            new ExperimentConfig(seed, 8, 4, 16, 20, 0.2, 0.2, 48, QUICK_ITERATIONS, strategies));
    }
}
