package org.malau.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.malau.experiment.ExperimentConfig;
import org.malau.train.Strategy;

/**
 * The phases of a demo run in order (data, one training per strategy, report) with a rough cost
 * each, so that progress can be shown as one bar over the whole run and the time left estimated
 * before the slow phases have started: the estimate scales the planned costs by how fast the
 * finished work actually went on this machine.
 */
public final class DemoPlan {
    /**
     * Seconds per iteration on two idle cores relative to each other (bench/MalSpeedBench: AU-only
     * 0.22 s, MTL 0.46 s, MAL 1.24 s; l2rw takes a virtual step like MAL but no meta network). Only
     * the ratios matter: the measured speed of the run rescales them.
     */
    private static final Map<String, Double> SECONDS_PER_ITERATION = Map.of(Strategy.AU_ONLY.id(), 0.22, Strategy.MTL.id(), 0.46,
        Strategy.UNCERTAINTY.id(), 0.46, Strategy.L2RW.id(), 0.6, Strategy.MAL.id(), 1.24);
    /** Rendering, PNG round trip and alignment of one synthetic face. */
    private static final double SECONDS_PER_FACE = 0.004;
    private static final double REPORT_SECONDS = 2;

    /** One phase: its name as shown, its position and its planned cost in nominal seconds. */
    public record Phase(String name, int index, int count, double cost) {
    }

    private final List<Phase> phases;
    private final double totalCost;

    private DemoPlan(List<Phase> phases) {
        this.phases = List.copyOf(phases);
        this.totalCost = phases.stream().mapToDouble(Phase::cost).sum();
    }

    public static DemoPlan of(ExperimentConfig c) {
        List<String> names = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        int faces = (c.auTrainSubjects() + c.auTestSubjects() + c.feSubjects()) * c.perSubject();
        names.add("data");
        costs.add(faces * SECONDS_PER_FACE);
        for (String s : c.strategies()) {
            names.add("train " + s);
            costs.add(c.maxIterations() * SECONDS_PER_ITERATION.getOrDefault(s, 1.0));
        }
        names.add("report");
        costs.add(REPORT_SECONDS);
        List<Phase> phases = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            phases.add(new Phase(names.get(k), k + 1, names.size(), costs.get(k)));
        }
        return new DemoPlan(phases);
    }

    public List<Phase> phases() {
        return phases;
    }

    /** The phase called {@code name}. */
    public Phase phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no phase '" + name + "' in " + phases));
    }

    /** Share of the whole run's planned cost done when {@code phase} is {@code fraction} done. */
    public double overallFraction(Phase phase, double fraction) {
        double done = 0;
        for (Phase p : phases) {
            if (p.index() >= phase.index()) {
                break;
            }
            done += p.cost();
        }
        done += phase.cost() * Math.max(0, Math.min(1, fraction));
        return totalCost <= 0 ? 0 : done / totalCost;
    }

    /**
     * Seconds left, from the seconds spent so far and the share of the planned cost done; NaN while
     * too little is done for the rate to mean anything.
     */
    public static double secondsLeft(double elapsedSeconds, double overallFraction) {
        if (overallFraction < 0.01 || elapsedSeconds < 1) {
            return Double.NaN;
        }
        return elapsedSeconds * (1 - overallFraction) / overallFraction;
    }
}
