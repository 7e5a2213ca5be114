package org.malau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.train.CsvFaceDatasetTest;

class TrainPredictScoreCommandTest {
    @TempDir
    Path dir;

    private static String run(Command c, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, c.run(List.of(args), ps, ps), out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scoreLeavesOutMissingExpressionPredictionsAndShowsOnlyOccurringClasses() throws Exception {
        Path truth = Files.writeString(dir.resolve("truth.csv"), """
            file,AU01,expression
            a.png,1,happiness
            b.png,0,sadness
            c.png,1,happiness
            """);
        Path pred = Files.writeString(dir.resolve("pred.csv"), """
            file,AU01,expression
            a.png,1,happiness
            b.png,1,happiness
            c.png,1,
            """);
        String s = run(new ScoreCommand(), "--pred", pred.toString(), "--truth", truth.toString());
        assertTrue(s.contains("expression accuracy: 0.500"), s);
        assertTrue(s.contains("1 labelled sample(s) without an expression prediction were left out"), s);
        assertTrue(s.contains("[happiness, sadness]"), s);
        assertTrue(!s.contains("contempt") && !s.contains("neutral"), s);
    }

    /** Truth and predictions meet by AU number under the one naming rule, not by identical column names. */
    @Test
    void scoreMatchesAuColumnsByNumber() throws Exception {
        Path truth = Files.writeString(dir.resolve("truth.csv"), """
            file,au_1,AU12_c,AU12_r,AU04
            a.png,1,1,3.5,0
            b.png,0,0,0.2,1
            """);
        Path pred = Files.writeString(dir.resolve("pred.csv"), """
            file,AU01,AU12,AU06
            a.png,1,1,0
            b.png,0,1,0
            """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, new ScoreCommand().run(List.of("--pred", pred.toString(), "--truth", truth.toString()), ps, ps));
        String s = out.toString(StandardCharsets.UTF_8);
        // au_1: both right, F1 1; AU12_c: one true positive, one false positive, F1 2/3; the intensity AU12_r is no label
        assertTrue(s.contains("au_1        1.000   1.000  1.000   1/2"), s);
        assertTrue(s.contains("AU12_c      0.500   1.000  0.667   1/2"), s);
        assertTrue(s.contains("truth AUs without a prediction column, not scored: AU04"), s);
        assertTrue(s.contains("predicted AUs without a truth column, not scored: AU06"), s);
    }

    @Test
    void trainPredictScoreRoundTrip() throws Exception {
        Path au = CsvFaceDatasetTest.writeSet(dir.resolve("au"), 30, true);
        Path fe = CsvFaceDatasetTest.writeSet(dir.resolve("fe"), 20, false);
        Path model = dir.resolve("out/m.zip");
        String t = run(new TrainCommand(), "--au", au.toString(), "--fe", fe.toString(), "--strategy", "uncertainty",
            "--backbone", "conv", "--out", model.toString(), "--epochs", "1", "--input-size", "16", "--conv", "4,8",
            "--features", "8", "--batch", "8", "--fe-batch", "8", "--meta-fraction", "0.2");
        assertTrue(t.contains("epoch 1"), t);
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isRegularFile(dir.resolve("out/m-history.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("out/m-weights.csv")));

        Path pred = dir.resolve("pred.csv");
        run(new PredictCommand(), "--model", model.toString(), "--input", au.toString(), "--out", pred.toString());
        List<String> lines = Files.readAllLines(pred);
        assertEquals(31, lines.size());
        assertTrue(lines.get(0).startsWith("file,AU01_prob,AU02_prob,AU01,AU02,expression,p_neutral"), lines.get(0));

        String s = run(new ScoreCommand(), "--pred", pred.toString(), "--truth", au.toString());
        assertTrue(s.contains("30 of 30 truth rows matched"), s);
        assertTrue(s.contains("average AU F1"), s);
        assertTrue(s.contains("expression accuracy"), s);
    }

    /** Only what was trained is predicted: no expression columns from an au-only model, so no expression score. */
    @Test
    void anAuOnlyModelPredictsNoExpressionsAndIsScoredWithoutThem() throws Exception {
        Path au = CsvFaceDatasetTest.writeSet(dir.resolve("au"), 30, true);
        Path model = dir.resolve("out/au.zip");
        String t = run(new TrainCommand(), "--au", au.toString(), "--backbone", "conv", "--out", model.toString(),
            "--epochs", "1", "--input-size", "16", "--conv", "4,8", "--features", "8", "--batch", "8",
            "--meta-fraction", "0.2");
        assertTrue(t.contains("training au-only"), "au-only is the strategy without expression data: " + t);
        Path pred = dir.resolve("pred-au.csv");
        run(new PredictCommand(), "--model", model.toString(), "--input", au.toString(), "--out", pred.toString());
        String header = Files.readAllLines(pred).get(0);
        assertEquals("file,AU01_prob,AU02_prob,AU01,AU02,status,message", header);
        String s = run(new ScoreCommand(), "--pred", pred.toString(), "--truth", au.toString());
        assertTrue(s.contains("average AU F1"), s);
        assertTrue(!s.contains("expression accuracy"), s);
    }

    @Test
    void theConvShapeFlagsNeedTheConvBackbone() throws Exception {
        assertUsageError("--backbone conv", new TrainCommand(), "--au", "a.csv", "--out", "m.zip", "--conv", "4,8");
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        assertUsageError("missing required option --out", new TrainCommand(), "--au", "a.csv");
        assertUsageError("unknown strategy 'nope'", new TrainCommand(), "--au", "a.csv", "--out", "m.zip", "--strategy", "nope");
        assertUsageError("--epochs expects an integer, got 'x'", new TrainCommand(), "--au", "a.csv", "--out", "m.zip", "--epochs", "x");
        assertUsageError("--model expects a value", new PredictCommand(), "--model");
        assertUsageError("missing required option --truth", new ScoreCommand(), "--pred", "p.csv");
    }

    private static void assertUsageError(String expected, Command c, String... args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, c.run(List.of(args), ps, ps), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(expected), err.toString(StandardCharsets.UTF_8));
    }
}
