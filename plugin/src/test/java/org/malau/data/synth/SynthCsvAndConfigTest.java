package org.malau.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.cli.SynthCommand;
import org.malau.data.FaceRecord;

/** The CSV layout as documented in {@link SynthCsv}, configuration validation and the command line. */
class SynthCsvAndConfigTest {
    @Test
    void headerIsTheDocumentedLayout() {
        List<String> expected = new ArrayList<>(List.of("file", "subject", "expression", "corruption"));
        int[] aus = {1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 16, 17, 20, 23, 24, 25, 26};
        for (int a : aus) {
            expected.add(String.format("AU%02d", a));
        }
        for (int a : aus) {
            expected.add(String.format("AU%02d_int", a));
        }
        expected.addAll(List.of("eye_imgleft_x", "eye_imgleft_y", "eye_imgright_x", "eye_imgright_y"));
        for (int k = 0; k < 68; k++) {
            expected.add(String.format("lm%02d_x", k));
            expected.add(String.format("lm%02d_y", k));
        }
        assertEquals(expected, SynthCsv.columns());
        for (int b : SynthAus.bp4d()) {
            assertTrue(SynthCsv.columns().contains(String.format("AU%02d", b)), "BP4D AU" + b + " missing");
        }
    }

    @Test
    void writtenCsvReadsBackAsTheGeneratedFaces(@TempDir Path tmp) throws Exception {
        SynthConfig c = SynthConfig.builder().seed(3).auSubjects(2).feSubjects(3).perSubject(5).feUnrelated(0.3).size(64).build();
        SynthGenerator g = new SynthGenerator(c);
        List<FaceRecord> written = g.write(tmp, 2, null);
        List<String> lines = Files.readAllLines(tmp.resolve("au.csv"), StandardCharsets.UTF_8);
        assertEquals(String.join(",", SynthCsv.columns()), lines.get(0));
        assertEquals(1 + g.size(SynthSet.AU), lines.size());
        for (SynthSet set : SynthSet.values()) {
            List<FaceRecord> read = SynthCsv.read(tmp.resolve(set.dirName() + ".csv"));
            assertEquals(g.size(set), read.size());
            for (int i = 0; i < read.size(); i++) {
                SynthFace f = g.face(set, i);
                FaceRecord r = read.get(i);
                assertEquals(f.id(), r.id());
                assertEquals(f.subject(), r.subject());
                assertEquals(f.expression(), r.expression());
                assertEquals(f.corruption(), r.corruption());
                assertEquals(f.au(), r.au());
                assertTrue(Files.isRegularFile(((FaceRecord.ImageFile) r.image()).path()));
                if (f.landmarks() == null) {
                    assertNull(r.landmarks());
                } else {
                    assertArrayEquals(f.landmarks(), r.landmarks(), 0.0051f);
                }
            }
        }
        // Eye-centre columns are the mean of the six eye landmarks, as documented.
        String[] h = lines.get(0).split(",");
        String[] row = lines.get(1).split(",", -1);
        int ex = List.of(h).indexOf("eye_imgleft_x");
        double mean = 0;
        for (int k = 36; k < 42; k++) {
            mean += Double.parseDouble(row[List.of(h).indexOf(String.format("lm%02d_x", k))]) / 6;
        }
        assertEquals(mean, Double.parseDouble(row[ex]), 0.011);
        String fe = Files.readAllLines(tmp.resolve("fe.csv")).get(1);
        assertTrue(fe.contains(",,,,"), "FE rows leave the AU cells empty: " + fe.substring(0, 80));
        assertEquals(g.size(SynthSet.AU) + g.size(SynthSet.FE), written.size());
    }

    @Test
    void fixedPointFormatting() {
        StringBuilder sb = new StringBuilder();
        SynthCsv.fixed2(sb, 12.345f);
        sb.append(' ');
        SynthCsv.fixed2(sb, -0.05f);
        sb.append(' ');
        SynthCsv.fixed2(sb, 7f);
        assertEquals("12.35 -0.05 7.00", sb.toString());
    }

    @Test
    void badConfigurationNamesTheSetting() {
        assertMessage("perSubject must be between 1", () -> SynthConfig.builder().perSubject(0).build());
        assertMessage("size must be between 32 and 1024, was 8", () -> SynthConfig.builder().size(8).build());
        assertMessage("feLabelNoise must be a fraction", () -> SynthConfig.builder().feLabelNoise(1.5).build());
        assertMessage("feUnrelated must be a fraction", () -> SynthConfig.builder().feUnrelated(Double.NaN).build());
        assertMessage("feLabelNoise + feUnrelated must be at most 1",
            () -> SynthConfig.builder().feLabelNoise(0.6).feUnrelated(0.6).build());
        assertMessage("auSubjects must be between 1", () -> SynthConfig.builder().auSubjects(0).build());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), "message '" + x.getMessage() + "' lacks '" + part + "'");
    }

    @Test
    void commandLineUsageErrorsExitTwoAndNameTheArgument(@TempDir Path tmp) throws Exception {
        assertUsageError("--size", "--out", tmp.toString(), "--seed", "1", "--size", "big");
        assertUsageError("--size must be between 32 and 1024", "--out", tmp.toString(), "--seed", "1", "--size", "8");
        assertUsageError("--fe-label-noise", "--out", tmp.toString(), "--seed", "1", "--fe-label-noise", "2");
        assertUsageError("--seed", "--out", tmp.toString());
        assertUsageError("--out", "--seed", "3");
        assertUsageError("--per-subject expects a value", "--out", tmp.toString(), "--seed", "1", "--per-subject");
        assertUsageError("unknown option --colour", "--out", tmp.toString(), "--seed", "1", "--colour", "red");
        assertUsageError("--threads", "--out", tmp.toString(), "--seed", "1", "--threads", "-1");
    }

    @Test
    void commandLineWritesSetsAndGrid(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SynthCommand().run(List.of("--out", tmp.resolve("d").toString(), "--seed", "4", "--au-subjects", "1",
            "--fe-subjects", "1", "--per-subject", "3", "--size", "48", "--threads", "2"), new PrintStream(out), new PrintStream(err));
        assertEquals(0, code, err.toString());
        assertEquals(3, SynthCsv.read(tmp.resolve("d/au.csv")).size());
        assertEquals(3, SynthCsv.read(tmp.resolve("d/fe.csv")).size());
        code = new SynthCommand().run(List.of("--grid", tmp.resolve("g/grid.png").toString()), new PrintStream(out),
            new PrintStream(err));
        assertEquals(0, code, err.toString());
        byte[] png = Files.readAllBytes(tmp.resolve("g/grid.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    private static void assertUsageError(String expected, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SynthCommand().run(List.of(args), new PrintStream(out), new PrintStream(err));
        assertEquals(2, code, "exit code for " + List.of(args));
        assertTrue(err.toString().contains(expected), "error '" + err + "' lacks '" + expected + "'");
    }
}
