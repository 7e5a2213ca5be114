package org.malau.demo;

import java.util.Locale;

import org.malau.experiment.ExperimentConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code results.json}: the demo's numbers with fixed keys, documented in the README. Everything but
 * {@code timings} is a function of the settings, so the same seed gives the same file apart from
 * that object. Values that are not defined (e.g. au-only's expression accuracy) are {@code null}.
 * Written with Jackson (the engine's JSON library) rather than by hand: escaping and number syntax are its job.
 */
public final class ResultsJson {
    /** Identifies the layout; raised when a key changes meaning or disappears. */
    public static final String FORMAT = "malau-demo-results/2";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsJson() {
    }

    /**
     * @param reportSeconds wall time of drawing and writing the report
     * @param totalSeconds wall time of the whole run
     */
    public static String of(DemoResults r, double reportSeconds, double totalSeconds) {
        ExperimentConfig c = r.settings().experiment();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("seed", r.settings().seed());
        ObjectNode settings = root.putObject("settings");
        settings.put("profile", r.settings().profile());
        ArrayNode strategies = settings.putArray("strategies");
        c.strategies().forEach(strategies::add);
        settings.put("maxIterations", c.maxIterations());
        settings.put("patience", c.patience());
        settings.put("auTrainSubjects", c.auTrainSubjects());
        settings.put("auTestSubjects", c.auTestSubjects());
        settings.put("feSubjects", c.feSubjects());
        settings.put("facesPerSubject", c.perSubject());
        number(settings, "feLabelNoise", c.feLabelNoise());
        number(settings, "feUnrelated", c.feUnrelated());
        settings.put("cropSize", c.cropSize());
        ObjectNode data = root.putObject("data");
        data.put("auTrainFaces", r.auTrainFaces());
        data.put("auTestFaces", r.testFaces().size());
        data.put("feFaces", r.feFaces());
        data.put("feCorrupted", r.feCorrupted());
        ObjectNode byStrategy = root.putObject("strategies");
        for (StrategyResult s : r.strategies()) {
            ObjectNode o = byStrategy.putObject(s.strategy());
            number(o, "averageF1", s.averageF1());
            ObjectNode perAu = o.putObject("perAuF1");
            for (int j = 0; j < r.auCodes().length; j++) {
                number(perAu, String.format(Locale.ROOT, "AU%02d", r.auCodes()[j]), s.perAuF1()[j]);
            }
            number(o, "feAccuracy", s.feAccuracy());
            number(o, "weightAuc", s.weightAuc());
            number(o, "weightAucLabelNoise", s.weightScores().aucLabelNoise());
            number(o, "weightAucUnrelated", s.weightScores().aucUnrelated());
            o.put("iterations", ((Number) s.trainingSettings().getOrDefault("iterations", 0)).intValue());
            o.put("bestEpoch", ((Number) s.trainingSettings().getOrDefault("bestEpoch", 0)).intValue());
        }
        number(root.putObject("reference"), "everyAuPresentAverageF1", r.everyAuPresentAverageF1());
        ObjectNode timings = root.putObject("timings");
        number(timings, "dataSeconds", round(r.dataSeconds()));
        ObjectNode train = timings.putObject("trainSeconds");
        for (StrategyResult s : r.strategies()) {
            number(train, s.strategy(), round(s.trainSeconds()));
        }
        number(timings, "reportSeconds", round(reportSeconds));
        number(timings, "totalSeconds", round(totalSeconds));
        timings.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results.json could not be serialised", e);
        }
    }

    /** JSON has no NaN or infinity: an undefined number is null, as the README documents. */
    private static void number(ObjectNode o, String key, double v) {
        if (!Double.isFinite(v)) {
            o.putNull(key);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(key, (long) v);
        } else {
            o.put(key, v);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
