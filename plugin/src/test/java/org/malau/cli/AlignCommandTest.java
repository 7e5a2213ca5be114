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
import org.malau.face.AlignmentCsv;
import org.malau.testing.SharedData;

class AlignCommandTest {

    @Test
    void alignsAFolderWithABadFileAndWritesTheTable(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/sub"));
        Files.copy(SharedData.data("faces/usgov_two_people.jpg"), in.resolve("two.jpg"));
        Files.copy(SharedData.data("faces/nasa_astronaut.png"), tmp.resolve("in/astronaut.png"));
        Files.write(tmp.resolve("in/broken.jpg"), new byte[0]);
        Files.writeString(tmp.resolve("in/notes.txt"), "not an image");
        Path out = tmp.resolve("out");
        Result r = run("--input", tmp.resolve("in").toString(), "--out", out.toString(), "--mode", "all",
            "--size", "96", "--grey");
        assertEquals(0, r.code, r.err);
        List<String> rows = Files.readAllLines(out.resolve("alignment.csv"));
        assertEquals(AlignmentCsv.HEADER, rows.get(0));
        assertEquals(1 + 1 + 1 + 2, rows.size(), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(l -> l.contains("broken.jpg") && l.contains("UNREADABLE")));
        assertTrue(Files.isRegularFile(out.resolve("sub_two_0.png")));
        assertTrue(Files.isRegularFile(out.resolve("sub_two_1.png")));
        assertTrue(r.out.contains("UNREADABLE      1"), r.out);
    }

    @Test
    void landmarksCsvSelectsTheLandmarkRoute(@TempDir Path tmp) throws Exception {
        Path landmarks = SharedData.data("landmarks");
        Path list = Files.writeString(tmp.resolve("list.csv"),
            "file\n" + landmarks.resolve("cc0_lisa/lisa1.jpg") + "\n" + landmarks.resolve("cc0_zoom/15cm.jpg") + "\n");
        Path out = tmp.resolve("out");
        Result r = run("--input", list.toString(), "--out", out.toString(), "--landmarks",
            landmarks.resolve("eyes.csv").toString());
        assertEquals(0, r.code, r.err);
        List<String> rows = Files.readAllLines(out.resolve("alignment.csv"));
        assertEquals(3, rows.size());
        // Given eyes are echoed in source pixels (eyes.csv: 219,354 and 382,353 for lisa1).
        assertTrue(rows.get(1).contains(",OK,") && rows.get(1).contains(",219.0,354.0,382.0,353.0,"), rows.get(1));
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path tmp) throws Exception {
        assertEquals(2, run("--out", tmp.toString()).code);
        assertEquals(2, run("--input", tmp.toString(), "--out", tmp.toString(), "--mode", "some").code);
        assertEquals(1, run("--input", tmp.resolve("absent").toString(), "--out", tmp.toString()).code);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
             PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = new AlignCommand().run(List.of(args), po, pe);
        }
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
