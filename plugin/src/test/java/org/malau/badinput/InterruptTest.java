package org.malau.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.badinput.Cli.mal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.train.CsvFaceDatasetTest;

/**
 * Ctrl-C during training, the good behaviour issue 15 asks to keep: a real process gets SIGINT while it trains;
 * it exits with 130, the model it would have replaced is byte for byte the old one, and no temporary file is left.
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCDuringTrainingExits130AndKeepsTheOldModel() throws Exception {
        Path au = CsvFaceDatasetTest.writeSet(dir.resolve("au"), 30, true);
        Path model = dir.resolve("out/m.zip");
        List<String> tiny = List.of("--strategy", "au-only", "--backbone", "conv", "--input-size", "16", "--conv", "4,8", "--features", "8", "--batch", "8",
            "--meta-fraction", "0.2");
        Object[] first = Stream.concat(Stream.of("train", "--au", au, "--out", model, "--epochs", "1"), tiny.stream()).toArray();
        mal(first).ok();
        byte[] old = Files.readAllBytes(model);
        byte[] oldHistory = Files.readAllBytes(dir.resolve("out/m-history.csv"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A shell that starts a job in the background without job control (nohup ... &, a CI runner) sets SIGINT to
        // ignored, every process below inherits that, and a JVM leaves an ignored SIGINT ignored: the child would never
        // see the signal. A terminal's Ctrl-C reaches a process with SIGINT at its default, so the child starts that way.
        List<String> cmd = Stream.concat(Stream.concat(defaultSigint(), Stream.of(java, "-cp", System.getProperty("java.class.path"), "org.malau.cli.Main", "train",
            "--au", au.toString(), "--out", model.toString(), "--epochs", "100000")), tiny.stream()).toList();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            // Interrupt once it is in the training loop: after its second epoch line.
            int epochs = 0;
            for (String line = r.readLine(); line != null && epochs < 2; line = r.readLine()) {
                seen.append(line).append('\n');
                epochs += line.startsWith("epoch ") ? 1 : 0;
            }
            assertTrue(p.isAlive(), "the training ended before it could be interrupted:\n" + seen);
            // Keep reading while the signal is on its way: the process prints an epoch line every few milliseconds,
            // and with nobody reading, the full pipe would block it in a print, where no interrupt reaches it.
            StringBuilder rest = new StringBuilder();
            Thread drain = new Thread(() -> r.lines().forEach(l -> rest.append(l).append('\n')));
            drain.start();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no exit within a minute of SIGINT");
            drain.join(10_000);
            seen.append(rest);
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), seen.toString());
        assertArrayEquals(old, Files.readAllBytes(model), "the old model changed");
        assertArrayEquals(oldHistory, Files.readAllBytes(dir.resolve("out/m-history.csv")), "the old history changed");
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("m-history.csv", "m-weights.csv", "m.zip"), s.map(f -> f.getFileName().toString()).sorted().toList(),
                "leftover files after the interrupt");
        }
    }

    /** GNU env's --default-signal where it exists (coreutils 8.31 and later), else nothing. */
    private static Stream<String> defaultSigint() throws Exception {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? Stream.of("env", "--default-signal=INT") : Stream.empty();
        } catch (java.io.IOException noEnv) {
            return Stream.empty();
        }
    }
}
