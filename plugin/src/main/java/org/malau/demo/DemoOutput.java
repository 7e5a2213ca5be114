package org.malau.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.malau.io.SafeOutputs;

/**
 * Writes a demo's {@code report.html} and {@code results.json} into a directory, and each strategy's training
 * history as {@code history-<strategy>.csv} (the columns of {@code ./mal train}'s history file).
 */
public final class DemoOutput {
    public static final String REPORT = "report.html";
    public static final String RESULTS = "results.json";

    /** The history file of {@code strategy}. */
    public static String historyFile(String strategy) {
        return "history-" + strategy + ".csv";
    }

    /** Where the files went and how long the report took. */
    public record Written(Path report, Path results, double reportSeconds) {
    }

    private DemoOutput() {
    }

    /**
     * Checks before a run that {@code dir} and the two files in it can be written; nothing is left behind.
     *
     * @throws IOException naming the folder or file and what is wrong with it
     */
    public static void check(Path dir) throws IOException {
        try (SafeOutputs out = new SafeOutputs(List.of())) {
            out.folder(dir, "--out");
            out.file(dir.resolve(REPORT), "--out");
            out.file(dir.resolve(RESULTS), "--out");
        }
    }

    /**
     * Writes the files beside their targets and moves them into place together, so that an interrupted or failed
     * run never leaves half a report or a report without its results.
     *
     * @param runStartNanos {@link System#nanoTime()} at the start of the run, for the total time in the results
     * @throws IOException naming the directory or file that could not be written
     */
    public static Written write(DemoResults results, Path dir, long runStartNanos) throws IOException {
        try (SafeOutputs out = new SafeOutputs(List.of())) {
            out.folder(dir, "--out");
            long t = System.nanoTime();
            Path report = dir.resolve(REPORT);
            Files.writeString(out.file(report, "--out"), ReportHtml.of(results), StandardCharsets.UTF_8);
            double reportSeconds = (System.nanoTime() - t) / 1e9;
            Path json = dir.resolve(RESULTS);
            Files.writeString(out.file(json, "--out"), ResultsJson.of(results, reportSeconds, (System.nanoTime() - runStartNanos) / 1e9),
                StandardCharsets.UTF_8);
            for (StrategyResult s : results.strategies()) {
                s.history().writeCsv(out.file(dir.resolve(historyFile(s.strategy())), "--out"));
            }
            out.commit();
            return new Written(report, json, reportSeconds);
        }
    }
}
