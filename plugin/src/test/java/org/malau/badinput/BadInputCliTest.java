package org.malau.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.badinput.Cli.lines;
import static org.malau.badinput.Cli.mal;
import static org.malau.badinput.Cli.snapshot;
import static org.malau.badinput.Cli.unchanged;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.io.CsvInput;
import org.malau.testing.SharedData;
import org.malau.train.CsvFaceDatasetTest;

/**
 * The bad inputs of issue 15 replayed against {@code ./mal}, one test per case, named after it: the exit code,
 * the message naming the offending file, column, line or value, and that earlier outputs did not change. The
 * subprocess cases (Ctrl-C) are in {@link InterruptTest}.
 */
class BadInputCliTest {
    /** A trained tiny model and its data, shared by the cases that need one (training it takes a few seconds). */
    @TempDir
    static Path fixture;
    static Path auCsv;
    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        auCsv = CsvFaceDatasetTest.writeSet(fixture.resolve("au"), 30, true);
        model = fixture.resolve("m.zip");
        mal("train", "--au", auCsv, "--strategy", "au-only", "--out", model, "--epochs", "1", "--backbone", "conv", "--input-size", "16", "--conv", "4,8",
            "--features", "8", "--batch", "8", "--meta-fraction", "0.2").ok();
    }

    private Path copyOfData() throws IOException {
        Path d = dir.resolve("data");
        for (Path p : snapshot(fixture.resolve("au")).keySet().stream().map(Path::of).toList()) {
            Files.createDirectories(d.resolve(p).getParent());
            Files.copy(fixture.resolve("au").resolve(p), d.resolve(p));
        }
        return d.resolve("au.csv");
    }

    private static String[] tinyTraining() {
        return new String[] {"--strategy", "au-only", "--epochs", "1", "--backbone", "conv", "--input-size", "16", "--conv", "4,8", "--features", "8",
            "--batch", "8", "--meta-fraction", "0.2"};
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] r = new Object[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private Cli.Run train(Object... args) {
        return mal(concat(concat(new Object[] {"train"}, (Object[]) tinyTraining()), args));
    }

    // 1. Earlier good outputs destroyed

    @Test
    void predictOutEqualToTheModelIsRefusedAndTheModelKept() throws Exception {
        Map<String, byte[]> before = snapshot(fixture);
        mal("predict", "--model", model, "--input", auCsv, "--out", model).fails(1, "--out", "m.zip", "is the input", "refusing to overwrite");
        unchanged(before, fixture);
    }

    @Test
    void predictOutEqualToTheInputCsvIsRefusedAndTheCsvKept() throws Exception {
        Path csv = copyOfData();
        Map<String, byte[]> before = snapshot(dir);
        // Another spelling of the same file: compared by real path.
        Path other = csv.getParent().resolve("img/../au.csv");
        mal("predict", "--model", model, "--input", csv, "--out", other).fails(1, "is the input", "au.csv");
        unchanged(before, dir);
    }

    @Test
    void trainOutEqualToTheLabelCsvIsRefusedBeforeTraining() throws Exception {
        Path csv = copyOfData();
        Map<String, byte[]> before = snapshot(dir);
        Cli.Run r = train("--au", csv, "--out", csv).fails(1, "--out", "au.csv", "is the input");
        assertFalse(r.out().contains("training"), r.out());
        unchanged(before, dir);
    }

    @Test
    void trainHistoryEqualToTheModelIsRefused() throws Exception {
        Path csv = copyOfData();
        Path m = dir.resolve("out/m.zip");
        train("--au", csv, "--out", m, "--history", m).fails(1, "--history", "m.zip", "also the output of --out");
        assertFalse(Files.exists(m));
    }

    @Test
    void failedPredictRerunLeavesTheEarlierPredictionByteForByte() throws Exception {
        Path out = dir.resolve("pred.csv");
        mal("predict", "--model", model, "--input", auCsv, "--out", out).ok();
        Map<String, byte[]> before = snapshot(dir);
        mal("predict", "--model", model, "--input", dir.resolve("missing.csv"), "--out", out).fails(1, "missing.csv", "not found");
        mal("predict", "--model", dir.resolve("no-model.zip"), "--input", auCsv, "--out", out).fails(1, "no-model.zip");
        unchanged(before, dir);
    }

    @Test
    void failedAlignRerunLeavesTheEarlierOutputByteForByte() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(SharedData.data("faces/nasa_astronaut.png"), photos.resolve("astronaut.png"));
        Path out = dir.resolve("aligned");
        mal("align", "--input", photos, "--out", out, "--size", "48").ok();
        assertTrue(lines(out.resolve("alignment.csv")).size() > 1);
        Map<String, byte[]> before = snapshot(out);
        Path badLandmarks = Files.writeString(dir.resolve("lm.csv"), "image,eye_imgleft_x,eye_imgleft_y,eye_imgright_x,eye_imgright_y\n"
            + "photos/astronaut.png,NaN,1,2,3\n");
        mal("align", "--input", photos, "--out", out, "--landmarks", badLandmarks).fails(1, "lm.csv", "line 2", "NaN");
        unchanged(before, out);
    }

    @Test
    void alignOutEqualToTheInputFolderIsRefusedAndNoPhotoOverwritten() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(SharedData.data("faces/nasa_astronaut.png"), photos.resolve("astronaut.png"));
        Map<String, byte[]> before = snapshot(photos);
        mal("align", "--input", photos, "--out", photos).fails(1, "--out", "is the input");
        mal("align", "--input", photos, "--out", photos.resolve("crops")).fails(1, "inside the input folder");
        unchanged(before, photos);
    }

    // 2. Unknown options ignored

    @Test
    void trainRefusesMistypedOptionsAndSuggestsTheNearest() {
        mal("train", "--au", auCsv, "--out", dir.resolve("m.zip"), "--epoch", "50", "--lerning-rate", "5")
            .fails(2, "unknown option --epoch", "did you mean", "--epochs", "valid options:");
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    @Test
    void predictScoreAndDemoRefuseUnknownOptions() {
        mal("predict", "--model", model, "--input", auCsv, "--out", dir.resolve("p.csv"), "--bacth", "4").fails(2, "--bacth", "--batch");
        mal("score", "--pred", auCsv, "--truth", auCsv, "--verbose").fails(2, "unknown option --verbose", "--pred");
        mal("demo", "--strategy", "mal").fails(2, "unknown option --strategy", "--strategies");
    }

    @Test
    void mistypedSwitchDoesNotEatTheNextArgument() {
        train("--au", auCsv, "--out", dir.resolve("m.zip"), "--no-augmnet", "--epochs", "5").fails(2, "unknown option --no-augmnet",
            "--no-augment");
        train("--au", auCsv, "--out", "--epochs", "5").fails(2, "--out expects a value", "--epochs");
    }

    // 3. Out of memory

    @Test
    void predictGivesAHugePngClaimAStatusNotAnOutOfMemoryError() throws Exception {
        Path csv = copyOfData();
        Files.write(csv.getParent().resolve("img/f3.png"), Cli.pngClaiming(40000, 40000, 1_500_000));
        Path out = dir.resolve("pred.csv");
        Cli.Run r = mal("predict", "--model", model, "--input", csv, "--out", out).ok();
        assertTrue(r.err().contains("f3.png") && r.err().contains("too large") && r.err().contains("1 of 30"), r.err());
        List<List<String>> rows = table(out);
        List<String> bad = rows.stream().filter(row -> row.get(0).equals("img/f3.png")).findFirst().orElseThrow();
        assertEquals("UNREADABLE", bad.get(bad.size() - 2));
        assertTrue(bad.get(bad.size() - 1).contains("40000x40000"), bad.toString());
        assertEquals(29, rows.stream().filter(row -> row.get(row.size() - 2).equals("OK")).count());
    }

    @Test
    void trainRefusesAHugePngClaimNamingTheFile() throws Exception {
        Path csv = copyOfData();
        Files.write(csv.getParent().resolve("img/f5.png"), Cli.pngClaiming(40000, 40000, 1000));
        train("--au", csv, "--out", dir.resolve("m.zip")).fails(1, "f5.png", "too large to decode", "40000x40000");
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    @Test
    void synthThreadsAboveTheProcessorsIsRefusedWithTheRange() {
        mal("synth", "--out", dir.resolve("s"), "--seed", "1", "--threads", "100000")
            .fails(2, "--threads must be between 0", "and " + Runtime.getRuntime().availableProcessors(), "got 100000");
        assertFalse(Files.exists(dir.resolve("s")));
    }

    // 4. Score computes wrong numbers silently

    private Path truth() throws IOException {
        return Files.writeString(dir.resolve("truth.csv"), "file,AU01\nau/x.png,1\nother/x.png,0\nau/y.png,1\n");
    }

    @Test
    void scoreRefusesPredictionValueOnePointZero() throws Exception {
        Path pred = Files.writeString(dir.resolve("pred.csv"), "file,AU01\nau/x.png,1\nother/x.png,1.0\nau/y.png,1\n");
        mal("score", "--pred", pred, "--truth", truth()).fails(1, "pred.csv line 3", "AU01", "'1.0'", "expected 0 or 1");
    }

    @Test
    void scoreRefusesPredictionValueYes() throws Exception {
        Path pred = Files.writeString(dir.resolve("pred.csv"), "file,AU01\nau/x.png,yes\nother/x.png,0\nau/y.png,1\n");
        mal("score", "--pred", pred, "--truth", truth()).fails(1, "pred.csv line 2", "AU01", "'yes'");
    }

    @Test
    void scoreRefusesTruthValueTwo() throws Exception {
        Path t = Files.writeString(dir.resolve("truth.csv"), "file,AU01\na.png,1\nb.png,2\n");
        Path pred = Files.writeString(dir.resolve("pred.csv"), "file,AU01\na.png,1\nb.png,1\n");
        mal("score", "--pred", pred, "--truth", t).fails(1, "truth.csv line 3", "AU01", "'2'", "expected 0, 1 or empty");
    }

    @Test
    void scoreRefusesADuplicatedAuColumn() throws Exception {
        Path pred = Files.writeString(dir.resolve("pred.csv"), "file,AU01,AU01\nau/x.png,1,0\n");
        mal("score", "--pred", pred, "--truth", truth()).fails(1, "pred.csv line 1", "'AU01' appears twice");
    }

    @Test
    void scoreMatchesByFullRelativePathNotByFileName() throws Exception {
        // One prediction for x.png must not be matched to both au/x.png and other/x.png.
        Path pred = Files.writeString(dir.resolve("pred.csv"), "file,AU01\nx.png,1\nau/y.png,1\n");
        Cli.Run r = mal("score", "--pred", pred, "--truth", truth()).ok();
        assertTrue(r.out().contains("1 of 3 truth rows matched"), r.out());
        assertTrue(r.err().contains("1 prediction row(s) have no truth row"), r.err());
    }

    @Test
    void scoreRefusesAFileListedTwiceInsteadOfCountingItTwice() throws Exception {
        Path t = Files.writeString(dir.resolve("truth.csv"), "file,AU01\na.png,1\nb.png,0\n./a.png,1\n");
        Path pred = Files.writeString(dir.resolve("pred.csv"), "file,AU01\na.png,1\nb.png,1\n");
        mal("score", "--pred", pred, "--truth", t).fails(1, "truth.csv line 4", "'./a.png' is listed twice", "line 2");
    }

    @Test
    void scoreNamesTheTruthAusItLeavesOut() throws Exception {
        Path t = Files.writeString(dir.resolve("truth.csv"), "file,AU01,AU04\na.png,1,0\nb.png,0,1\n");
        Path pred = Files.writeString(dir.resolve("pred.csv"), "file,AU01\na.png,1\nb.png,0\n");
        Cli.Run r = mal("score", "--pred", pred, "--truth", t).ok();
        assertTrue(r.err().contains("truth AUs without a prediction column, not scored: AU04"), r.err());
    }

    // 5. Learning-rate schedule

    @Test
    void negativeStepFactorIsRefused() {
        train("--au", auCsv, "--out", dir.resolve("m.zip"), "--schedule", "step", "--step-factor", "-0.5")
            .fails(2, "--step-factor must be above 0 and at most 1, got -0.5");
    }

    @Test
    void stepEveryZeroIsRefused() {
        train("--au", auCsv, "--out", dir.resolve("m.zip"), "--schedule", "step", "--step-every", "0")
            .fails(2, "--step-every must be between 1 and", "got 0");
    }

    // 6. Landmarks that are no coordinates

    @Test
    void alignLandmarksWithNaNOr1e300EyesAreRefusedNotCroppedBlack() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(SharedData.data("faces/nasa_astronaut.png"), photos.resolve("a.png"));
        for (String v : List.of("NaN", "1e300", "Infinity")) {
            Path lm = Files.writeString(dir.resolve("lm.csv"), "image,eye_imgleft_x,eye_imgleft_y,eye_imgright_x,eye_imgright_y\n"
                + "photos/a.png,100,100," + v + ",100\n");
            mal("align", "--input", photos, "--out", dir.resolve("out"), "--landmarks", lm)
                .fails(1, "lm.csv line 2", "eye_imgright_x", "'" + v + "'", "expected a finite number");
            assertFalse(Files.exists(dir.resolve("out/alignment.csv")));
        }
    }

    @Test
    void coincidingLandmarkEyesAreRefusedWithAMessage() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(SharedData.data("faces/nasa_astronaut.png"), photos.resolve("a.png"));
        Path lm = Files.writeString(dir.resolve("lm.csv"), "image,eye_imgleft_x,eye_imgleft_y,eye_imgright_x,eye_imgright_y\n"
            + "photos/a.png,100,100,100,100\n");
        mal("align", "--input", photos, "--out", dir.resolve("out"), "--landmarks", lm).fails(1, "lm.csv line 2", "less than a pixel apart");
    }

    // 7. Quoting

    @Test
    void aFileNameWithCommaAndQuotesIsQuotedPerRfc4180() throws Exception {
        Path csv = copyOfData();
        Path img = csv.getParent().resolve("img");
        Files.move(img.resolve("f0.png"), img.resolve("a,b \"q\".png"));
        List<String> l = lines(csv);
        l.set(1, l.get(1).replace("img/f0.png", "\"img/a,b \"\"q\"\".png\""));
        Files.write(csv, l, StandardCharsets.UTF_8);
        Path out = dir.resolve("pred.csv");
        mal("predict", "--model", model, "--input", csv, "--out", out).ok();
        List<List<String>> rows = table(out);
        for (List<String> row : rows) {
            assertEquals(rows.get(0).size(), row.size(), row.toString());
        }
        assertEquals("img/a,b \"q\".png", rows.get(1).get(0));
        assertEquals("OK", rows.get(1).get(rows.get(1).size() - 2));
    }

    // Poor: messages that do not say what is wrong with what

    @Test
    void aMissingFileIsNamedWithWhatIsMissing() {
        mal("score", "--pred", dir.resolve("nope.csv"), "--truth", auCsv).fails(1, "nope.csv", "file not found");
        mal("train", "--au", dir.resolve("nope.csv"), "--strategy", "au-only", "--out", dir.resolve("m.zip")).fails(1, "nope.csv",
            "file not found");
    }

    @Test
    void aFolderGivenAsCsvIsNamedAsAFolder() {
        mal("score", "--pred", dir, "--truth", auCsv).fails(1, "is a folder, expected a CSV file");
    }

    @Test
    void aLatin1CsvIsReportedAsNotUtf8() throws Exception {
        Path t = dir.resolve("latin1.csv");
        Files.write(t, "file,AU01\ncaf\u00e9.png,1\n".getBytes(StandardCharsets.ISO_8859_1));
        mal("score", "--pred", t, "--truth", auCsv).fails(1, "latin1.csv", "line 2", "not UTF-8");
    }

    @Test
    void aJpegGivenAsCsvIsReportedAsNotUtf8() throws Exception {
        Path jpeg = Files.copy(SharedData.data("faces/usgov_obama.jpg"), dir.resolve("photo.csv"));
        mal("train", "--au", jpeg, "--strategy", "au-only", "--out", dir.resolve("m.zip")).fails(1, "photo.csv", "not UTF-8");
    }

    @Test
    void aShortRowNamesItsLineAndFieldCount() throws Exception {
        Path t = Files.writeString(dir.resolve("truth.csv"), "file,AU01\na.png,1\nb.png\n");
        mal("score", "--pred", t, "--truth", t).fails(1, "truth.csv line 3", "1 fields, the header has 2");
    }

    @Test
    void trainImageErrorsNameTheFile() throws Exception {
        Path csv = copyOfData();
        Files.delete(csv.getParent().resolve("img/f7.png"));
        train("--au", csv, "--out", dir.resolve("m.zip")).fails(1, "img/f7.png", "no such file");
    }

    @Test
    void oneUnreadableImageDoesNotAbortAPredictBatch() throws Exception {
        Path csv = copyOfData();
        Files.write(csv.getParent().resolve("img/f2.png"), new byte[] {1, 2, 3});
        Path out = dir.resolve("pred.csv");
        Cli.Run r = mal("predict", "--model", model, "--input", csv, "--out", out).ok();
        assertTrue(r.err().contains("f2.png") && r.err().contains("not a recognised image"), r.err());
        assertEquals(31, table(out).size());
    }

    @Test
    void aUtf8ByteOrderMarkAndCrlfDoNotHideTheFileColumn() throws Exception {
        Path csv = copyOfData();
        String text = Files.readString(csv).replace("\n", "\r\n");
        Files.writeString(csv, "\uFEFF" + text);
        Path out = dir.resolve("pred.csv");
        mal("predict", "--model", model, "--input", csv, "--out", out).ok();
        assertEquals(31, table(out).size());
        Cli.Run r = mal("score", "--pred", out, "--truth", csv).ok();
        assertTrue(r.out().contains("30 of 30 truth rows matched"), r.out());
    }

    @Test
    void aNaNLabelNamesTheColumnAndTheExpectedValues() throws Exception {
        Path csv = copyOfData();
        List<String> l = lines(csv);
        String[] f = l.get(3).split(",", -1);
        f[4] = "NaN";
        l.set(3, String.join(",", f));
        Files.write(csv, l, StandardCharsets.UTF_8);
        train("--au", csv, "--out", dir.resolve("m.zip")).fails(1, "au.csv line 4", "column 'AU01'", "'NaN'", "expected 0, 1 or empty");
    }

    @Test
    void aDuplicatedAuColumnIsRefusedInTraining() throws Exception {
        Path csv = copyOfData();
        List<String> l = lines(csv);
        l.set(0, l.get(0).replace("AU02,", "AU01,"));
        Files.write(csv, l, StandardCharsets.UTF_8);
        train("--au", csv, "--out", dir.resolve("m.zip")).fails(1, "au.csv line 1", "'AU01' appears twice");
    }

    @Test
    void outputPathsAreCheckedBeforeTrainingOrTheDemoStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Run r = train("--au", auCsv, "--out", file.resolve("m.zip")).fails(1, "--out", "cannot create the folder", "a-file");
        assertFalse(r.out().contains("training"), r.out());
        r = mal("demo", "--quick", "--out", file).fails(1, "--out", "a-file", "is a file; expected a folder");
        assertFalse(r.out().contains("[1/"), r.out());
    }

    @Test
    void untunableAusAndAMissingMetaSplitAreNamedInWarnings() throws Exception {
        Cli.Run r = train("--au", auCsv, "--out", dir.resolve("m.zip"), "--meta-fraction", "0").ok();
        assertTrue(r.err().contains("no meta split") && r.err().contains("stay at 0.5"), r.err());
        // The fixture's AU02 is never present (0 or unknown only).
        assertTrue(r.err().contains("AUs never present in the training data") && r.err().contains("AU02"), r.err());
    }

    @Test
    void nonFiniteAndOutOfRangeNumbersAreRefusedWithTheRange() {
        train("--au", auCsv, "--out", dir.resolve("m.zip"), "--beta", "Infinity").fails(2, "--beta must be above 0 and at most 10",
            "Infinity");
        train("--au", auCsv, "--out", dir.resolve("m.zip"), "--input-size", "100000").fails(2, "--input-size must be between 8 and 512");
        train("--au", auCsv, "--out", dir.resolve("m.zip"), "--conv", "0,0,0").fails(2, "--conv must be widths between 1 and 1024");
        train("--au", auCsv, "--out", dir.resolve("m.zip"), "--epochs", "x").fails(2, "--epochs expects an integer, got 'x'");
    }

    @Test
    void selfcheckVerboseIsAnUnknownOptionNotAnImage() {
        mal("selfcheck", "--verbose").fails(2, "unknown option --verbose");
    }

    @Test
    void helpForAnUnknownCommandExitsNonZero() {
        mal("help", "bogus").fails(2, "unknown command 'bogus'");
        assertTrue(mal("help", "train").ok().out().contains("--step-factor"));
    }

    @Test
    void synthEmptyOutIsRefusedInsteadOfWritingIntoTheCurrentFolder() {
        mal("synth", "--out", "", "--seed", "1").fails(1, "--out is empty");
    }

    @Test
    void outputFilesGetTheUsersNormalPermissions() throws Exception {
        Path m = dir.resolve("m.zip");
        train("--au", auCsv, "--out", m).ok();
        Set<PosixFilePermission> normal = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        for (Path p : List.of(m, dir.resolve("m-history.csv"), dir.resolve("m-weights.csv"))) {
            assertEquals(normal, Files.getPosixFilePermissions(p), p.toString());
        }
    }

    @Test
    void danglingSymlinksAreCountedAndNamed() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(SharedData.data("faces/nasa_astronaut.png"), photos.resolve("a.png"));
        Files.createSymbolicLink(photos.resolve("gone.png"), dir.resolve("does-not-exist.png"));
        Files.createSymbolicLink(photos.resolve("loop"), photos);
        Cli.Run r = mal("align", "--input", photos, "--out", dir.resolve("out"), "--size", "48").ok();
        assertTrue(r.err().contains("gone.png") && r.err().contains("cannot be followed"), r.err());
        assertTrue(r.err().contains("loop") && r.err().contains("symbolic link loop"), r.err());
        assertTrue(r.out().matches("(?s).*SKIPPED\\s+2.*"), r.out());
        r = mal("predict", "--model", model, "--input", photos, "--out", dir.resolve("p.csv")).ok();
        assertTrue(r.err().contains("gone.png"), r.err());
    }

    @Test
    void aFailedRunLeavesNoTemporaryFileBehind() throws Exception {
        Path csv = copyOfData();
        Files.write(csv.getParent().resolve("img/f5.png"), Cli.pngClaiming(40000, 40000, 10));
        Path out = Files.createDirectories(dir.resolve("out"));
        train("--au", csv, "--out", out.resolve("m.zip")).fails(1, "f5.png");
        assertEquals(Map.of(), snapshot(out));
    }

    @Test
    void aRunThatCannotStartCreatesNoOutputFolder() {
        mal("train", "--au", dir.resolve("nope.csv"), "--strategy", "au-only", "--out", dir.resolve("t/m.zip")).fails(1, "nope.csv");
        mal("predict", "--model", model, "--input", dir.resolve("nope.csv"), "--out", dir.resolve("p/p.csv")).fails(1, "nope.csv");
        mal("align", "--input", dir.resolve("nope"), "--out", dir.resolve("a")).fails(1, "nope", "input not found");
        for (String d : List.of("t", "p", "a")) {
            assertFalse(Files.exists(dir.resolve(d)), d);
        }
    }

    // Good behaviour to keep

    @Test
    void aModelZipWithAPathTraversalEntryWritesNothingOutsideAndIsRefused() throws Exception {
        Path evil = dir.resolve("sub/evil.zip");
        Files.createDirectories(evil.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("pwned".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        mal("predict", "--model", evil, "--input", auCsv, "--out", dir.resolve("p.csv")).fails(1, "evil.zip");
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("escaped.txt")));
        assertFalse(Files.exists(dir.resolve("p.csv")));
    }

    static List<List<String>> table(Path csv) throws IOException {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (CsvInput in = CsvInput.of(new StringReader(Files.readString(csv)), csv.toString())) {
            for (List<String> f = in.next(); f != null; f = in.next()) {
                rows.add(f);
            }
        }
        return rows;
    }
}
