package org.malau.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code ./mal}'s command line in-process for the Spark tests, which compare the job with it. */
public final class CliRunner {
    private CliRunner() {
    }

    /** Runs {@code args}; returns the output, or fails with it when the exit code is not 0. */
    public static String run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int code = Main.run(args, out, out);
        String text = buffer.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            throw new AssertionError("./mal " + String.join(" ", args) + " exited with " + code + ":\n" + text);
        }
        return text;
    }
}
