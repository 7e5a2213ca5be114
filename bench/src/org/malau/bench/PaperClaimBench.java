package org.malau.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.experiment.ExperimentConfig;
import org.malau.experiment.SyntheticExperiment;
import org.malau.train.EpochRecord;
import org.malau.train.Strategies;
import org.malau.train.TrainingConfig;

/**
 * The paper's claim on our data: every strategy trained with the same data, batches and iteration
 * budget on synthetic faces whose expression set is 40 % corrupted (label noise plus unrelated
 * samples), scored on held-out subjects, over several seeds. Prints one line per run and a summary of
 * mean and standard deviation; bench/RESULTS.md records the figures.
 * Usage: {@code PaperClaimBench [iterations=600] [seeds=3] [strategies=all, comma-separated] [options]}, options
 * {@code --meta-inputs SPEC --alpha A --beta B --meta-hidden H --meta-interval N --lambda L} (training settings
 * for every strategy) and {@code --first-seed S --au-train N --au-test N --fe-subjects N --per-subject N} (data).
 */
public final class PaperClaimBench {
    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> strategies = args.length > 2 ? List.of(args[2].split(",")) : Strategies.NAMES;
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 3; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        System.out.println("options " + o);
        int firstSeed = Integer.parseInt(o.getOrDefault("--first-seed", "1"));
        Map<String, List<double[]>> byStrategy = new LinkedHashMap<>();
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            // A new data set per seed too, so the spread covers data as well as initialisation.
            ExperimentConfig config = new ExperimentConfig(100 + seed, integer(o, "--au-train", 40), integer(o, "--au-test", 20),
                integer(o, "--fe-subjects", 120), integer(o, "--per-subject", 30), 0.2, 0.2, 48, iterations, strategies);
            long t = System.nanoTime();
            SyntheticExperiment.Data data = SyntheticExperiment.prepare(config, (f, m) -> { });
            System.out.printf(Locale.ROOT, "seed %d: data ready in %.0f s (%d AU train, %d FE, %d AU test faces)%n", seed,
                (System.nanoTime() - t) / 1e9, data.auTrain().size(), data.feTrain().size(), data.auTest().size());
            for (String s : strategies) {
                TrainingConfig.Builder settings = TrainingConfig.builder().strategy(s).seed(seed).maxIterations(iterations)
                    .alpha(real(o, "--alpha", 0.1)).beta(real(o, "--beta", 1e-3)).metaHidden(integer(o, "--meta-hidden", 32))
                    .metaInterval(integer(o, "--meta-interval", 1)).lambda(real(o, "--lambda", 1));
                if (o.containsKey("--meta-inputs")) {
                    settings.metaInputs(o.get("--meta-inputs"));
                }
                if (o.containsKey("--meta-difference")) {
                    settings.metaDifference(o.get("--meta-difference"));
                }
                SyntheticExperiment.Outcome r = SyntheticExperiment.run(data, settings, (f, m) -> { }, () -> false);
                System.out.printf(Locale.ROOT, "seed %d %-12s test AU F1 %.4f  FE weight AUC %.4f  %.0f s  per-AU %s%n", seed, s,
                    r.testAverageF1(), r.feWeightAuc(), r.trainSeconds(), Arrays.toString(round(r.testF1())));
                if (o.containsKey("--trace")) {
                    StringBuilder trace = new StringBuilder("  per epoch: meta F1 tuned / weight AUC:");
                    for (EpochRecord e : r.result().history().epochs()) {
                        trace.append(String.format(Locale.ROOT, " %d:%.3f/%.3f", e.epoch(), e.metaAuF1Tuned(), e.weightCleanAuc()));
                    }
                    System.out.println(trace);
                }
                byStrategy.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {r.testAverageF1(), r.feWeightAuc()});
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

    private static int integer(Map<String, String> o, String key, int fallback) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key)) : fallback;
    }

    private static double real(Map<String, String> o, String key, double fallback) {
        return o.containsKey(key) ? Double.parseDouble(o.get(key)) : fallback;
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
