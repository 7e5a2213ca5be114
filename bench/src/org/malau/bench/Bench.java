package org.malau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.malau.experiment.SyntheticExperiment;
import org.malau.train.TrainingConfig;

/** What the benchmarks share: the machine's load, training options from the command line, the weight report. */
final class Bench {
    private Bench() {
    }

    /** The load average, to say how busy the shared machine was. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Training options a benchmark's command line may set for every strategy. */
    static void apply(Map<String, String> o, TrainingConfig.Builder settings) {
        if (o.containsKey("--meta-inputs")) {
            settings.metaInputs(o.get("--meta-inputs"));
        }
        if (o.containsKey("--meta-difference")) {
            settings.metaDifference(o.get("--meta-difference"));
        }
        if (o.containsKey("--validation-batch")) {
            settings.validationBatch(Integer.parseInt(o.get("--validation-batch")));
        }
        if (o.containsKey("--mal-variant")) {
            settings.malVariant(o.get("--mal-variant"));
        }
        if (o.containsKey("--warmup")) {
            settings.warmup(Integer.parseInt(o.get("--warmup")));
        }
        if (o.containsKey("--uniform-share")) {
            settings.uniformShare(Double.parseDouble(o.get("--uniform-share")));
        }
        if (o.containsKey("--learn-task-weight")) {
            settings.learnTaskWeight(Boolean.parseBoolean(o.get("--learn-task-weight")));
        }
        if (o.containsKey("--loss-gate")) {
            settings.lossGate(Boolean.parseBoolean(o.get("--loss-gate")));
        }
        if (o.containsKey("--meta-signal")) {
            settings.metaSignal(o.get("--meta-signal"));
        }
        if (o.containsKey("--meta-loss")) {
            settings.metaLoss(o.get("--meta-loss"));
        }
        if (o.containsKey("--meta-fraction")) {
            settings.metaFraction(Double.parseDouble(o.get("--meta-fraction")));
        }
    }

    /** The expression-weight figures of one run in one line. */
    static String weightReport(SyntheticExperiment.Outcome r) {
        return r.weights().describe();
    }
}
