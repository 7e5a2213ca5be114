package org.malau.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a demo's {@code report.html} and {@code results.json} into a directory. */
public final class DemoOutput {
    public static final String REPORT = "report.html";
    public static final String RESULTS = "results.json";

    /** Where the files went and how long the report took. */
    public record Written(Path report, Path results, double reportSeconds) {
    }

    private DemoOutput() {
    }

    /**
     * @param runStartNanos {@link System#nanoTime()} at the start of the run, for the total time in the results
     * @throws IOException naming the directory or file that could not be written
     */
    public static Written write(DemoResults results, Path dir, long runStartNanos) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the output directory " + dir + ": " + e.getMessage(), e);
        }
        long t = System.nanoTime();
        Path report = dir.resolve(REPORT);
        write(report, ReportHtml.of(results));
        double reportSeconds = (System.nanoTime() - t) / 1e9;
        Path json = dir.resolve(RESULTS);
        write(json, ResultsJson.of(results, reportSeconds, (System.nanoTime() - runStartNanos) / 1e9));
        return new Written(report, json, reportSeconds);
    }

    private static void write(Path file, String text) throws IOException {
        // Written beside and moved, so that an interrupted run never leaves half a report.
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
