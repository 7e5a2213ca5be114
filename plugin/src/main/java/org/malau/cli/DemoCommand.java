package org.malau.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.malau.demo.Demo;
import org.malau.experiment.ExperimentConfig;
import org.malau.demo.DemoOutput;
import org.malau.demo.DemoPlan;
import org.malau.demo.DemoResults;
import org.malau.demo.DemoSettings;
import org.malau.demo.StrategyResult;
import org.malau.train.CancellationCheck;
import org.malau.train.Strategy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mal demo}: the whole pipeline on synthetic data, from nothing to a report. */
@Command(name = "demo", optionListHeading = "%n", separator = " ", sortOptions = false, synopsisHeading = "",
    customSynopsis = "usage: ./mal demo [--quick] [--out DIR] [--seed S] [--strategies A,B,C]%n",
    description = {
        "Generates the synthetic AU-labelled and expression-labelled faces (the expression set with "
            + "known corruption: wrong labels and faces without a usable face), aligns them by their eye "
            + "centres, trains each strategy with the same seed until its meta-split AU F1 stops improving, predicts the AUs and "
            + "expressions of held-out subjects, scores them, and writes DIR/report.html (one self-contained "
            + "page with every figure) and DIR/results.json (the numbers, keys documented in the README). The "
            + "default run takes under five minutes on two cores."})
public final class DemoCommand extends CliCommand {
    static final String DEFAULT_OUT = "demo-out";

    @Option(names = "--quick", description = "about a minute: smaller sets, at most 150 iterations per strategy")
    boolean quick;
    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default ${DEFAULT-VALUE})")
    Path dir = Path.of(DEFAULT_OUT);
    @Option(names = "--seed", paramLabel = "S", description = "seed of the data and of every strategy's training (default ${DEFAULT-VALUE})")
    long seed = DemoSettings.DEFAULT_SEED;
    @Option(names = "--strategies", paramLabel = "A,B,C", completionCandidates = TrainCommand.StrategyNames.class,
        description = "from ${COMPLETION-CANDIDATES} (default au-only,mtl,mal)")
    String strategies;

    @Override
    public String summary() {
        return "run the whole pipeline on synthetic faces and write an HTML report (no data needed)";
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        DemoSettings settings = settings();
        // Before the run: a folder that cannot be written fails now, not after five minutes of training.
        DemoOutput.check(dir);
        run(settings, dir, out, System.console() != null);
        return 0;
    }

    /** The settings a command line asks for. */
    static DemoSettings settings(String... args) throws UsageException {
        DemoCommand c = new DemoCommand();
        c.parse(List.of(args));
        return c.settings();
    }

    /**
     * Runs {@code settings} with a progress bar on {@code out} and writes the report and results into
     * {@code dir}; {@code interactive} redraws the bar in place (a terminal).
     */
    static DemoOutput.Written run(DemoSettings settings, Path dir, PrintStream out, boolean interactive) throws Exception {
        long start = System.nanoTime();
        DemoPlan plan = DemoPlan.of(settings.experiment());
        ConsoleProgressBar bar = new ConsoleProgressBar(out, plan, interactive, System::nanoTime);
        ExperimentConfig c = settings.experiment();
        out.printf(Locale.ROOT, "mal demo (%s, seed %d): %s, %s; writing to %s%n", settings.profile(), settings.seed(),
            String.join(", ", c.strategies()), c.earlyStopping() ? "each until its meta-split F1 stops improving (patience "
                + c.patience() + " epochs, at most " + c.maxIterations() + " iterations)" : c.maxIterations() + " iterations each", dir);
        DemoResults results = Demo.run(settings, bar, CancellationCheck.never());
        DemoPlan.Phase report = plan.phase("report");
        bar.phaseStarted(report);
        DemoOutput.Written written = DemoOutput.write(results, dir, start);
        bar.phaseFinished(report, written.reportSeconds());
        out.println();
        printSummary(out, results, (System.nanoTime() - start) / 1e9);
        out.println("report   " + written.report());
        out.println("results  " + written.results());
        return written;
    }

    private DemoSettings settings() throws UsageException {
        List<String> list = strategies == null ? DemoSettings.DEFAULT_STRATEGIES : strategies(strategies);
        return quick ? DemoSettings.quick(seed, list) : DemoSettings.standard(seed, list);
    }

    private static List<String> strategies(String list) throws UsageException {
        Set<String> names = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            String name = s.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (Strategy.find(name).isEmpty()) {
                throw new UsageException("--strategies: unknown strategy '" + name + "', expected some of " + String.join(", ", Strategy.ids()));
            }
            if (!names.add(name)) {
                throw new UsageException("--strategies: '" + name + "' is listed twice");
            }
        }
        if (names.isEmpty()) {
            throw new UsageException("--strategies expects at least one of " + String.join(", ", Strategy.ids()));
        }
        return new ArrayList<>(names);
    }

    private static void printSummary(PrintStream out, DemoResults r, double totalSeconds) {
        out.println("strategy      mean AU F1   expression acc.   weight AUC   training time");
        for (StrategyResult s : r.strategies()) {
            out.printf(Locale.ROOT, "%-12s  %10s   %15s   %10s   %s%n", s.strategy(), num(s.averageF1()), num(s.feAccuracy()),
                num(s.weightAuc()), ConsoleProgressBar.duration(s.trainSeconds()));
        }
        out.printf(Locale.ROOT, "%-12s  %10s   (every AU called present on every face)%n", "reference", num(r.everyAuPresentAverageF1()));
        out.printf(Locale.ROOT, "(F1 and expression accuracy on %d faces of %d held-out subjects; weight AUC: clean vs corrupted"
            + " expression samples, 0.5 = no separation)%n", r.testFaces().size(), r.settings().experiment().auTestSubjects());
        out.printf(Locale.ROOT, "data %s, training %s, total %s%n", ConsoleProgressBar.duration(r.dataSeconds()),
            ConsoleProgressBar.duration(r.trainSeconds()), ConsoleProgressBar.duration(totalSeconds));
        for (StrategyResult s : r.strategies()) {
            if (s.weightSentence() != null) {
                out.println(s.weightSentence());
            }
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
