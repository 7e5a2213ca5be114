package org.malau.demo;

import java.util.Locale;

import org.malau.experiment.ExperimentConfig;

/**
 * {@code results.json}: the demo's numbers with fixed keys, documented in the README. Everything but
 * {@code timings} is a function of the settings, so the same seed gives the same file apart from
 * that object. Values that are not defined (e.g. au-only's expression accuracy) are {@code null}.
 */
public final class ResultsJson {
    /** Identifies the layout; raised when a key changes meaning or disappears. */
    public static final String FORMAT = "malau-demo-results/1";

    private ResultsJson() {
    }

    /**
     * @param reportSeconds wall time of drawing and writing the report
     * @param totalSeconds wall time of the whole run
     */
    public static String of(DemoResults r, double reportSeconds, double totalSeconds) {
        ExperimentConfig c = r.settings().experiment();
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value(FORMAT);
        w.name("seed").value(r.settings().seed());
        w.name("settings").beginObject()
            .name("profile").value(r.settings().profile())
            .name("strategies").beginArray();
        c.strategies().forEach(w::value);
        w.endArray()
            .name("iterations").value(c.iterations())
            .name("auTrainSubjects").value(c.auTrainSubjects())
            .name("auTestSubjects").value(c.auTestSubjects())
            .name("feSubjects").value(c.feSubjects())
            .name("facesPerSubject").value(c.perSubject())
            .name("feLabelNoise").value(c.feLabelNoise())
            .name("feUnrelated").value(c.feUnrelated())
            .name("cropSize").value(c.cropSize())
            .endObject();
        w.name("data").beginObject()
            .name("auTrainFaces").value(r.auTrainFaces())
            .name("auTestFaces").value(r.testFaces().size())
            .name("feFaces").value(r.feFaces())
            .name("feCorrupted").value(r.feCorrupted())
            .endObject();
        w.name("strategies").beginObject();
        for (StrategyResult s : r.strategies()) {
            w.name(s.strategy()).beginObject()
                .name("averageF1").value(s.averageF1())
                .name("perAuF1").beginObject();
            for (int j = 0; j < r.auCodes().length; j++) {
                w.name(String.format(Locale.ROOT, "AU%02d", r.auCodes()[j])).value(s.perAuF1()[j]);
            }
            w.endObject()
                .name("feAccuracy").value(s.feAccuracy())
                .name("weightAuc").value(s.weightAuc())
                .endObject();
        }
        w.endObject();
        w.name("reference").beginObject()
            .name("everyAuPresentAverageF1").value(r.everyAuPresentAverageF1())
            .endObject();
        w.name("timings").beginObject()
            .name("dataSeconds").value(round(r.dataSeconds()))
            .name("trainSeconds").beginObject();
        for (StrategyResult s : r.strategies()) {
            w.name(s.strategy()).value(round(s.trainSeconds()));
        }
        w.endObject()
            .name("reportSeconds").value(round(reportSeconds))
            .name("totalSeconds").value(round(totalSeconds))
            .name("cores").value(Runtime.getRuntime().availableProcessors())
            .endObject();
        return w.endObject().text();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
