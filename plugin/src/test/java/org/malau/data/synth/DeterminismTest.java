package org.malau.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives byte-identical files for any thread count; another seed gives other files. */
class DeterminismTest {
    private static SynthConfig config(long seed) {
        return SynthConfig.builder().seed(seed).auSubjects(3).feSubjects(4).perSubject(6).feUnrelated(0.2).feLabelNoise(0.2)
            .size(64).build();
    }

    @Test
    void sameSeedSameBytesAcrossThreadCounts(@TempDir Path tmp) throws Exception {
        Map<String, String> one = hashes(write(config(9), tmp.resolve("one"), 1));
        Map<String, String> three = hashes(write(config(9), tmp.resolve("three"), 3));
        Map<String, String> again = hashes(write(config(9), tmp.resolve("again"), 2));
        assertEquals(3 + (3 + 4) * 6, one.size(), "2 CSVs, the config file and one PNG per face");
        assertEquals(one, three);
        assertEquals(one, again);
    }

    @Test
    void otherSeedOtherBytes(@TempDir Path tmp) throws Exception {
        Map<String, String> a = hashes(write(config(9), tmp.resolve("a"), 2));
        Map<String, String> b = hashes(write(config(10), tmp.resolve("b"), 2));
        assertEquals(a.keySet(), b.keySet(), "file names depend on the layout, not the seed");
        assertNotEquals(a.get("au.csv"), b.get("au.csv"));
        assertNotEquals(a.get("fe.csv"), b.get("fe.csv"));
        long samePngs = a.keySet().stream().filter(k -> k.endsWith(".png") && a.get(k).equals(b.get(k))).count();
        assertEquals(0, samePngs, "no image may repeat under another seed");
    }

    @Test
    void inMemoryFaceEqualsWrittenFace(@TempDir Path tmp) throws Exception {
        SynthGenerator g = new SynthGenerator(config(9));
        Path out = write(config(9), tmp, 2);
        SynthFace f = g.face(SynthSet.FE, 5);
        byte[] expected = PngEncoder.encode(f.image());
        byte[] written = Files.readAllBytes(out.resolve(SynthGenerator.relativeFile(f)));
        assertTrue(java.util.Arrays.equals(expected, written));
        assertFalse(f.id().isEmpty());
    }

    @Test
    void progressReachesTheTotalAndCanCancel(@TempDir Path tmp) throws Exception {
        SynthConfig c = SynthConfig.builder().seed(1).auSubjects(2).feSubjects(2).perSubject(3).size(48).build();
        int[] last = new int[2];
        new SynthGenerator(c).write(tmp.resolve("full"), 2, (done, total) -> {
            last[0] = done;
            last[1] = total;
            return true;
        });
        assertEquals(12, last[1]);
        assertEquals(12, last[0]);
        SynthConfig big = SynthConfig.builder().seed(1).auSubjects(50).feSubjects(50).perSubject(100).size(64).build();
        assertThrows(CancellationException.class,
            () -> new SynthGenerator(big).write(tmp.resolve("cancelled"), 2, (done, total) -> false));
        long written;
        try (Stream<Path> files = Files.walk(tmp.resolve("cancelled"))) {
            written = files.filter(f -> f.toString().endsWith(".png")).count();
        }
        // Counted, not timed: the first progress report cancels, so only what was in flight may exist.
        assertTrue(written < 1000, "cancellation must not wait for 10,000 faces, but " + written + " were written");
        assertFalse(Files.exists(tmp.resolve("cancelled/au.csv")), "a cancelled run writes no CSV");
    }

    private static Path write(SynthConfig c, Path dir, int threads) throws IOException, InterruptedException {
        new SynthGenerator(c).write(dir, threads, null);
        return dir;
    }

    private static Map<String, String> hashes(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> out = new TreeMap<>();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
