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
 * Usage: {@code MetaSignalBench [budget=1000] [seeds=2] [--first-seed S ...data options as PaperClaimBench]};
 * checkpoints at 5, 20, 50 and 100 % of the budget.
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
        int[] checkpoints = {budget / 20, budget / 5, budget / 2, budget};
        System.out.println("options " + o + "; load " + Bench.load() + "; checkpoints " + Arrays.toString(checkpoints));
        System.out.println("seed iteration | d_s: all wrong non-face | loss: all wrong non-face | p(label): all wrong non-face"
            + " | d_s / ||p - y||: all wrong non-face");
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            ExperimentConfig config = new ExperimentConfig(100 + seed, PaperClaimBench.integer(o, "--au-train", 12),
                PaperClaimBench.integer(o, "--au-test", 10), PaperClaimBench.integer(o, "--fe-subjects", 150),
                PaperClaimBench.integer(o, "--per-subject", 20), 0.2, 0.2, 48, budget, List.of("mtl"));
            SyntheticExperiment.Data data = SyntheticExperiment.prepare(config, (f, m) -> { });
            TrainingConfig.Builder settings = config.training("mtl", seed).inputSize(data.cropSize());
            Bench.apply(o, settings);
            for (MetaSignal.Checkpoint c : MetaSignal.measure(settings.build(), data.auTrain(), data.feTrain(), checkpoints,
                (f, m) -> { })) {
                System.out.printf(Locale.ROOT, "%d %5d | %.3f %.3f %.3f | %.3f %.3f %.3f | %.3f %.3f %.3f | %.3f %.3f %.3f%n", seed,
                    c.iteration(), c.dAuc(), c.dWrong(), c.dNonFace(), c.lossAuc(), c.lossWrong(), c.lossNonFace(), c.pAuc(),
                    c.pWrong(), c.pNonFace(), c.alignedAuc(), c.alignedWrong(), c.alignedNonFace());
            }
            System.out.flush();
        }
        System.out.println("load " + Bench.load());
    }
}
