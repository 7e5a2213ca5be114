package org.malau.experiment;

import java.util.List;

import org.malau.train.Strategy;
import org.malau.train.TrainingConfig;

/**
 * Sizes and budget of a {@link SyntheticExperiment}.
 *
 * @param dataSeed seed of the synthetic data (faces, identities, corruption)
 * @param auTrainSubjects AU-labelled subjects used for training (the meta split is taken from them)
 * @param auTestSubjects further AU-labelled subjects held out for testing, disjoint from training
 * @param feSubjects expression-labelled subjects
 * @param perSubject faces per subject
 * @param feLabelNoise share of expression samples whose label is replaced by another class
 * @param feUnrelated share of expression samples without usable facial signal
 * @param cropSize side of the aligned grey crops the network sees
 * @param maxIterations iteration cap per strategy, the same for all: with a patience it is only the safety
 *     net (every strategy stops when its meta-split F1 stops improving), without one the fixed budget
 * @param patience epochs (passes over the AU training part) without a better meta-split AU F1 after which a
 *     strategy stops, keeping its best epoch; 0 = train for exactly {@code maxIterations}
 * @param strategies strategy ids, see {@link org.malau.train.Strategy#ids()}
 */
public record ExperimentConfig(long dataSeed, int auTrainSubjects, int auTestSubjects, int feSubjects, int perSubject,
    double feLabelNoise, double feUnrelated, int cropSize, int maxIterations, int patience, List<String> strategies) {

    public ExperimentConfig {
        require(auTrainSubjects >= 2, "auTrainSubjects must be at least 2 (one goes to the meta split), was " + auTrainSubjects);
        require(auTestSubjects >= 1, "auTestSubjects must be at least 1, was " + auTestSubjects);
        require(feSubjects >= 1, "feSubjects must be at least 1, was " + feSubjects);
        require(perSubject >= 1, "perSubject must be at least 1, was " + perSubject);
        require(maxIterations >= 1, "maxIterations must be at least 1, was " + maxIterations);
        require(patience >= 0, "patience must be at least 0 (0 = a fixed budget), was " + patience);
        require(cropSize >= 16 && cropSize <= 256, "cropSize must be between 16 and 256, was " + cropSize);
        require(!strategies.isEmpty(), "at least one strategy is needed");
        for (String s : strategies) {
            require(Strategy.find(s).isPresent(), "unknown strategy '" + s + "', expected one of " + Strategy.ids());
        }
        strategies = List.copyOf(strategies);
    }

    /** A fixed budget of {@code iterations} per strategy, no early stopping. */
    public ExperimentConfig(long dataSeed, int auTrainSubjects, int auTestSubjects, int feSubjects, int perSubject,
        double feLabelNoise, double feUnrelated, int cropSize, int iterations, List<String> strategies) {
        this(dataSeed, auTrainSubjects, auTestSubjects, feSubjects, perSubject, feLabelNoise, feUnrelated, cropSize, iterations, 0,
            strategies);
    }

    /** Whether strategies stop early on the meta split rather than run the whole budget. */
    public boolean earlyStopping() {
        return patience > 0;
    }

    /**
     * The training settings of {@code strategy} with {@code seed} in this experiment: its iteration cap and
     * patience; everything else the engine's defaults (callers may change them before building).
     */
    public TrainingConfig.Builder training(String strategy, long seed) {
        return TrainingConfig.builder().strategy(strategy).seed(seed).maxIterations(maxIterations).patience(patience);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
