package org.malau.experiment;

import java.util.List;

import org.malau.train.Strategies;

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
 * @param iterations training iterations per strategy, the same for all (the fair budget)
 * @param strategies strategy names, see {@link Strategies#NAMES}
 */
public record ExperimentConfig(long dataSeed, int auTrainSubjects, int auTestSubjects, int feSubjects, int perSubject,
    double feLabelNoise, double feUnrelated, int cropSize, int iterations, List<String> strategies) {

    public ExperimentConfig {
        require(auTrainSubjects >= 2, "auTrainSubjects must be at least 2 (one goes to the meta split), was " + auTrainSubjects);
        require(auTestSubjects >= 1, "auTestSubjects must be at least 1, was " + auTestSubjects);
        require(feSubjects >= 1, "feSubjects must be at least 1, was " + feSubjects);
        require(perSubject >= 1, "perSubject must be at least 1, was " + perSubject);
        require(iterations >= 1, "iterations must be at least 1, was " + iterations);
        require(cropSize >= 16 && cropSize <= 256, "cropSize must be between 16 and 256, was " + cropSize);
        require(!strategies.isEmpty(), "at least one strategy is needed");
        for (String s : strategies) {
            require(Strategies.NAMES.contains(s), "unknown strategy '" + s + "', expected one of " + Strategies.NAMES);
        }
        strategies = List.copyOf(strategies);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
