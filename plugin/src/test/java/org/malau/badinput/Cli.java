package org.malau.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.malau.cli.MainAccess;

/** Runs {@code ./mal} in this JVM and keeps what it printed; snapshots of files to prove nothing changed. */
final class Cli {
    private Cli() {
    }

    /** Exit code, standard output and standard error of one command line. */
    record Run(int code, String out, String err) {
        /** Asserts the exit code and that standard error names every one of {@code parts}. */
        Run fails(int expected, String... parts) {
            assertEquals(expected, code, "exit code; stderr:\n" + err + "\nstdout:\n" + out);
            for (String p : parts) {
                assertTrue(err.contains(p), "stderr lacks '" + p + "':\n" + err);
            }
            assertFalse(err.contains("\tat "), "a stack trace was printed:\n" + err);
            assertFalse(err.contains("Exception"), "an exception class name was printed:\n" + err);
            return this;
        }

        Run ok() {
            assertEquals(0, code, "exit code; stderr:\n" + err + "\nstdout:\n" + out);
            return this;
        }
    }

    static Run mal(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].toString();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MainAccess.run(a, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every file below {@code dir} with its bytes. */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    /** Asserts that {@code dir} holds exactly the files of {@code before}, byte for byte (no leftovers either). */
    static void unchanged(Map<String, byte[]> before, Path dir) throws IOException {
        Map<String, byte[]> now = snapshot(dir);
        assertEquals(new ArrayList<>(before.keySet()), new ArrayList<>(now.keySet()), "files in " + dir);
        for (String k : before.keySet()) {
            assertArrayEquals(before.get(k), now.get(k), k + " changed");
        }
    }

    /** A PNG whose header claims {@code w} x {@code h} pixels, followed by {@code padding} bytes of nothing. */
    static byte[] pngClaiming(int w, int h, int padding) {
        byte[] b = new byte[33 + padding];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, b, 0, head.length);
        int[] wh = {w, h};
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 4; i++) {
                b[16 + 4 * k + i] = (byte) (wh[k] >>> (24 - 8 * i));
            }
        }
        b[24] = 8;
        b[25] = 2;
        return b;
    }

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }
}
