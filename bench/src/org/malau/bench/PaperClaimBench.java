package org.malau.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.experiment.ExperimentConfig;
import org.malau.experiment.SyntheticExperiment;
import org.malau.train.Strategies;

/**
 * The paper's claim on our data: every strategy trained with the same data, batches and iteration
 * budget on synthetic faces whose expression set is 40 % corrupted (label noise plus unrelated
 * samples), scored on held-out subjects, over several seeds. Prints one line per run and a summary of
 * mean and standard deviation; bench/RESULTS.md records the figures.
 * Usage: {@code PaperClaimBench [iterations=600] [seeds=3] [strategies=all, comma-separated]}.
 */
public final class PaperClaimBench {
    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> strategies = args.length > 2 ? List.of(args[2].split(",")) : Strategies.NAMES;
        Map<String, List<double[]>> byStrategy = new LinkedHashMap<>();
        for (int seed = 1; seed <= seeds; seed++) {
            // A new data set per seed too, so the spread covers data as well as initialisation.
            ExperimentConfig config = new ExperimentConfig(100 + seed, 40, 20, 120, 30, 0.2, 0.2, 48, iterations, strategies);
            long t = System.nanoTime();
            SyntheticExperiment.Data data = SyntheticExperiment.prepare(config, (f, m) -> { });
            System.out.printf(Locale.ROOT, "seed %d: data ready in %.0f s (%d AU train, %d FE, %d AU test faces)%n", seed,
                (System.nanoTime() - t) / 1e9, data.auTrain().size(), data.feTrain().size(), data.auTest().size());
            for (String s : strategies) {
                SyntheticExperiment.Outcome o = SyntheticExperiment.run(data, s, seed, iterations, (f, m) -> { }, () -> false);
                System.out.printf(Locale.ROOT, "seed %d %-12s test AU F1 %.4f  FE weight AUC %.4f  %.0f s  per-AU %s%n", seed, s,
                    o.testAverageF1(), o.feWeightAuc(), o.trainSeconds(), Arrays.toString(round(o.testF1())));
                byStrategy.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {o.testAverageF1(), o.feWeightAuc()});
            }
        }
        System.out.println("strategy      AU F1 mean +- sd      FE weight AUC mean +- sd   (" + seeds + " seeds, " + iterations
            + " iterations)");
        for (Map.Entry<String, List<double[]>> e : byStrategy.entrySet()) {
            double[] f1 = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            double[] auc = e.getValue().stream().mapToDouble(v -> v[1]).toArray();
            System.out.printf(Locale.ROOT, "%-12s  %.4f +- %.4f       %.4f +- %.4f%n", e.getKey(), mean(f1), sd(f1), mean(auc), sd(auc));
        }
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return v.length < 2 ? 0 : Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
