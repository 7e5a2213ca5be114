package org.malau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandIsAUsageErrorListingTheCommands() {
        assertEquals(2, run("frobnicate"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown command 'frobnicate'"), text);
        assertTrue(text.contains("selfcheck"), text);
    }

    @Test
    void noArgumentsPrintsTheOverviewAndFails() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ./mal"));
    }

    @Test
    void commandHelpPrintsItsUsage() {
        assertEquals(0, run("selfcheck", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: ./mal selfcheck"));
    }

    @Test
    void tooManyArgumentsIsAUsageError() {
        assertEquals(2, run("selfcheck", "a.jpg", "b.jpg"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("at most one IMAGE"));
    }
}
