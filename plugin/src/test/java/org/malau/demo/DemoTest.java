package org.malau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.malau.data.Expression;
import org.malau.eval.WeightSummary;
import org.malau.model.FacePrediction;
import org.malau.train.CancellationCheck;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

class DemoTest {
    private static final Set<String> TOP = Set.of("format", "seed", "settings", "data", "strategies", "reference", "timings");
    private static final Set<String> SETTINGS = Set.of("profile", "strategies", "maxIterations", "patience", "auTrainSubjects", "auTestSubjects",
        "feSubjects", "facesPerSubject", "feLabelNoise", "feUnrelated", "cropSize");
    private static final Set<String> DATA = Set.of("auTrainFaces", "auTestFaces", "feFaces", "feCorrupted");
    private static final Set<String> STRATEGY = Set.of("averageF1", "perAuF1", "feAccuracy", "weightAuc", "weightAucLabelNoise", "weightAucUnrelated", "iterations", "bestEpoch");
    private static final Set<String> TIMINGS = Set.of("dataSeconds", "trainSeconds", "reportSeconds", "totalSeconds", "cores");

    @Test
    void resultsJsonHasTheDocumentedKeys() throws Exception {
        TinyDemo.Run run = TinyDemo.get();
        JsonObject j = Json.parse(run.json()).getAsJsonObject();
        assertEquals(TOP, Json.keys(j));
        assertEquals(ResultsJson.FORMAT, j.get("format").getAsString());
        assertEquals(TinyDemo.SEED, j.get("seed").getAsLong());
        assertEquals(SETTINGS, Json.keys(j.getAsJsonObject("settings")));
        assertEquals(DATA, Json.keys(j.getAsJsonObject("data")));
        assertEquals(TIMINGS, Json.keys(j.getAsJsonObject("timings")));
        assertEquals(Set.of("everyAuPresentAverageF1"), Json.keys(j.getAsJsonObject("reference")));
        assertEquals(List.of("au-only", "mtl", "mal"), new ArrayList<>(Json.keys(j.getAsJsonObject("strategies"))));
        Set<String> auKeys = new LinkedHashSet<>();
        for (int code : run.results().auCodes()) {
            auKeys.add(String.format(Locale.ROOT, "AU%02d", code));
        }
        for (String s : Json.keys(j.getAsJsonObject("strategies"))) {
            JsonObject o = j.getAsJsonObject("strategies").getAsJsonObject(s);
            assertEquals(STRATEGY, Json.keys(o), s);
            assertEquals(new ArrayList<>(auKeys), new ArrayList<>(Json.keys(o.getAsJsonObject("perAuF1"))), s);
        }
        assertEquals(List.of("au-only", "mtl", "mal"),
            new ArrayList<>(Json.keys(j.getAsJsonObject("timings").getAsJsonObject("trainSeconds"))));
    }

    @Test
    void resultsJsonHoldsTheRunsNumbersWithNullWhereUndefined() throws Exception {
        TinyDemo.Run run = TinyDemo.get();
        DemoResults r = run.results();
        JsonObject j = Json.parse(run.json()).getAsJsonObject();
        assertEquals(r.testFaces().size(), j.getAsJsonObject("data").get("auTestFaces").getAsInt());
        assertEquals(2 * 6, r.testFaces().size());
        assertEquals(3 * 6, j.getAsJsonObject("data").get("feFaces").getAsInt());
        for (StrategyResult s : r.strategies()) {
            JsonObject o = j.getAsJsonObject("strategies").getAsJsonObject(s.strategy());
            assertTrue(s.averageF1() >= 0 && s.averageF1() <= 1, s.strategy() + " F1 " + s.averageF1());
            assertEquals(s.averageF1(), o.get("averageF1").getAsDouble(), 0, s.strategy());
            for (int k = 0; k < r.auCodes().length; k++) {
                JsonElement v = o.getAsJsonObject("perAuF1").get(String.format(Locale.ROOT, "AU%02d", r.auCodes()[k]));
                if (Double.isNaN(s.perAuF1()[k])) {
                    assertTrue(v.isJsonNull(), "NaN F1 is written as null");
                } else {
                    assertEquals(s.perAuF1()[k], v.getAsDouble(), 0);
                }
            }
            if (s.strategy().equals("au-only")) {
                assertTrue(o.get("feAccuracy").isJsonNull(), "au-only has no expression task");
                assertTrue(o.get("weightAuc").isJsonNull(), "au-only has no expression weights");
            } else {
                double acc = o.get("feAccuracy").getAsDouble();
                assertTrue(acc >= 0 && acc <= 1, s.strategy() + " accuracy " + acc);
                double auc = o.get("weightAuc").getAsDouble();
                assertTrue(auc >= 0 && auc <= 1, s.strategy() + " AUC " + auc);
                // Two independent computations of the same AUC: the experiment's and the report's.
                assertEquals(s.weightAuc(), s.weights().auc(WeightSummary.Weight.USED), 1e-12, s.strategy());
            }
        }
        assertEquals(0.5, j.getAsJsonObject("strategies").getAsJsonObject("mtl").get("weightAuc").getAsDouble(), 0,
            "mtl weighs every sample 1: no separation");
    }

    @Test
    void theEveryAuPresentReferenceIsWhatScoringAllOnesGives() throws Exception {
        TinyDemo.Run run = TinyDemo.get();
        DemoResults r = run.results();
        int n = r.testFaces().size();
        byte[][] truth = new byte[n][];
        byte[][] allOnes = new byte[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = r.testFaces().get(i).au();
            allOnes[i] = new byte[r.auCodes().length];
            java.util.Arrays.fill(allOnes[i], (byte) 1);
        }
        org.malau.eval.AuDetectionScores scores = org.malau.eval.AuDetectionScores.of(truth, allOnes, r.auCodes().length);
        double[] reference = r.everyAuPresentF1();
        for (int j = 0; j < reference.length; j++) {
            // Without positives the scorer's F1 is 0 (all false alarms); the reference leaves such an AU out.
            assertEquals(scores.positives()[j] == 0 ? Double.NaN : scores.f1()[j], reference[j], 1e-12, "AU index " + j);
        }
        assertEquals(r.everyAuPresentAverageF1(),
            Json.parse(run.json()).getAsJsonObject().getAsJsonObject("reference").get("everyAuPresentAverageF1").getAsDouble(), 0);
    }

    @Test
    void theSameSeedGivesTheSameResultsApartFromTimings() throws Exception {
        TinyDemo.Run first = TinyDemo.get();
        DemoResults again = Demo.run(TinyDemo.settings(), DemoListener.silent(), CancellationCheck.never());
        JsonObject a = Json.parse(first.json()).getAsJsonObject();
        JsonObject b = Json.parse(ResultsJson.of(again, 0, 0)).getAsJsonObject();
        a.remove("timings");
        b.remove("timings");
        assertEquals(a, b);
    }

    @Test
    void reportIsSelfContainedAndEveryImageIsAPng() throws Exception {
        String html = TinyDemo.get().html();
        Matcher attr = Pattern.compile("(?i)\\b(src|href|action|poster|srcset)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (attr.find()) {
            String value = attr.group(2);
            assertTrue(value.startsWith("data:image/png;base64,"), "external or non-PNG reference: "
                + attr.group(1) + "=" + value.substring(0, Math.min(60, value.length())));
        }
        assertFalse(Pattern.compile("(?i)url\\(|@import|<link|<iframe|<object|<embed").matcher(html).find(), "no CSS or frame loads");
        Matcher img = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"(\\d+)\" height=\"(\\d+)\"").matcher(html);
        while (img.find()) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
            assertNotNull(png, "image " + images + " decodes as PNG");
            int w = Integer.parseInt(img.group(2));
            assertTrue(png.getWidth() == w || png.getWidth() == w * Canvas.SCALE, "image " + images + " width " + png.getWidth());
            images++;
        }
        int tags = html.split("<img ", -1).length - 1;
        assertEquals(tags, images, "every <img> is an embedded PNG");
        // F1 bars, mal's weights, training curves, and every held-out face (12 < the grid's 18).
        assertEquals(3 + 12, images);
    }

    @Test
    void reportNamesSeedStrategiesScoresAndConstantWeights() throws Exception {
        TinyDemo.Run run = TinyDemo.get();
        String html = run.html();
        assertTrue(html.contains("<title>MAL demo report, seed 3</title>"), "seed in the title");
        for (StrategyResult s : run.results().strategies()) {
            assertTrue(html.contains(">" + s.strategy() + "</td><td"), s.strategy() + " in the summary");
            assertTrue(html.contains(ReportHtml.num(s.averageF1())), s.strategy() + " F1 shown");
        }
        assertFalse(run.results().strategy("mtl").weights().varies(WeightSummary.Weight.USED));
        assertTrue(run.results().strategy("mal").weights().varies(WeightSummary.Weight.USED), "the meta network gives samples different weights");
        assertTrue(html.contains("<b>mtl</b> gives every expression sample the same weight (1.000)"), "constant weights are said, not drawn");
        assertTrue(html.contains("<b>au-only</b> trains without expression samples"));
        assertTrue(html.contains("--seed 3 --strategies au-only,mtl,mal"), "how to reproduce");
    }

    @Test
    void weightSummaryCountsEveryDrawnExpressionSampleOnce() throws Exception {
        DemoResults r = TinyDemo.get().results();
        WeightSummary w = r.strategy("mal").weights();
        int drawn = w.weights(WeightSummary.Weight.USED, WeightSummary.Group.CLEAN).length
            + w.weights(WeightSummary.Weight.USED, WeightSummary.Group.CORRUPTED).length;
        assertTrue(drawn > 0 && drawn <= r.feFaces(), "drawn " + drawn);
        assertEquals(6, w.epochs(), "one epoch per iteration in the tiny run");
        assertTrue(w.weights(WeightSummary.Weight.USED, WeightSummary.Group.CORRUPTED).length > 0
            && w.weights(WeightSummary.Weight.USED, WeightSummary.Group.CLEAN).length > 0);
        for (double[] m : r.strategy("mal").classMeans().values()) {
            for (double v : m) {
                // gated MAL (the default) normalises the expression weights to mean 1 per batch with a 0.1 uniform share
                assertTrue(Double.isNaN(v) || (v >= 0.1 - 1e-9 && v < 10), "mal weights lie in [0.1, 10): " + v);
            }
        }
        assertTrue(r.strategy("au-only").weights().isEmpty());
    }

    @Test
    void expressionAccuracyComparesLabelsAndSkipsUnlabelledFaces() {
        List<DemoResults.TestFace> faces = List.of(face(Expression.HAPPINESS), face(Expression.SADNESS), face(null), face(Expression.FEAR));
        List<String> classes = List.of("neutral", "happiness", "sadness", "fear");
        List<FacePrediction> p = List.of(pred(1), pred(1), pred(0), pred(3));
        assertEquals(2 / 3.0, Demo.expressionAccuracy(faces, p, classes), 1e-12);
        assertTrue(Double.isNaN(Demo.expressionAccuracy(List.of(face(null)), List.of(pred(0)), classes)));
    }

    private static DemoResults.TestFace face(Expression x) {
        return new DemoResults.TestFace("f", new float[4], 2, new byte[] {0}, x);
    }

    private static FacePrediction pred(int expression) {
        return new FacePrediction(new float[] {0}, new byte[] {0}, new float[4], expression);
    }
}
