package org.malau.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.experiment.ExperimentConfig;
import org.malau.experiment.SyntheticExperiment;
import org.malau.train.MetaSignal;
import org.malau.train.TrainingConfig;

/**
 * Can a one-step meta method tell clean from corrupted expression samples on this data, and when? At
 * checkpoints of an mtl run in PaperClaimBench's AU-scarce setting, the ROC AUC (clean vs corrupted, and
 * against wrong labels and non-faces apart) of the exact meta-gradient d_s = v . grad l_s with v from the
 * whole meta split, of the sample's loss (lower = clean) and of p(given label) ({@link MetaSignal}).
 * For several meta objectives ({@link org.malau.train.MetaObjective}), and the diagnostics of {@link MetaSignal}.
 * Usage: {@code MetaSignalBench [budget=1000] [seeds=2] [--first-seed S --checkpoints I,J,.. --samples N (0 = all)
 * --norms 0|1 --reference 0|1 ...data options as PaperClaimBench]}; checkpoints by default at 5, 20, 50 and 100 % of the budget.
 */
public final class MetaSignalBench {
    public static void main(String[] args) throws Exception {
        int budget = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        int firstSeed = PaperClaimBench.integer(o, "--first-seed", 1);
        int[] checkpoints = o.containsKey("--checkpoints")
            ? Arrays.stream(o.get("--checkpoints").split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {budget / 20, budget / 5, budget / 2, budget};
        int samples = PaperClaimBench.integer(o, "--samples", 0);
        boolean norms = PaperClaimBench.integer(o, "--norms", 0) != 0;
        System.out.println("options " + o + "; load " + Bench.load() + "; checkpoints " + Arrays.toString(checkpoints)
            + "; AUC clean vs corrupted: all / wrong labels / non-faces");
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            long t = System.nanoTime();
            ExperimentConfig config = new ExperimentConfig(100 + seed, PaperClaimBench.integer(o, "--au-train", 12),
                PaperClaimBench.integer(o, "--au-test", 10), PaperClaimBench.integer(o, "--fe-subjects", 150),
                PaperClaimBench.integer(o, "--per-subject", 20), 0.2, 0.2, 48, budget, List.of("mtl"));
            SyntheticExperiment.Data data = SyntheticExperiment.prepare(config, (f, m) -> { });
            TrainingConfig.Builder settings = config.training("mtl", seed).inputSize(data.cropSize());
            Bench.apply(o, settings);
            // --reference 1: v also from the held-out AU test subjects (diagnostic only: is the 40-face meta split too small?)
            for (MetaSignal.Checkpoint c : MetaSignal.measure(settings.build(), data.auTrain(), data.feTrain(),
                PaperClaimBench.integer(o, "--reference", 0) != 0 ? data.auTest() : null, checkpoints, samples, norms, (f, m) -> { })) {
                System.out.printf(Locale.ROOT, "seed %d iteration %d (%.0f s; load %s)%n", seed, c.iteration(),
                    (System.nanoTime() - t) / 1e9, Bench.load());
                for (Map.Entry<String, double[]> e : c.auc().entrySet()) {
                    System.out.printf(Locale.ROOT, "  %-26s %.3f %.3f %.3f%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]);
                }
                StringBuilder f = new StringBuilder("  ");
                for (Map.Entry<String, Double> e : c.figures().entrySet()) {
                    f.append(String.format(Locale.ROOT, "%s %.4g; ", e.getKey(), e.getValue()));
                }
                System.out.println(f);
                System.out.flush();
            }
        }
        System.out.println("load " + Bench.load());
    }
}
