package org.malau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.demo.DemoOutput;
import org.malau.demo.DemoSettings;
import org.malau.experiment.ExperimentConfig;

class DemoCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static DemoSettings settings(String... args) throws UsageException {
        return DemoCommand.settings(args);
    }

    @Test
    void defaultsAreTheStandardRunWithSeedOneAndThreeStrategies() throws Exception {
        DemoSettings s = settings();
        assertEquals("default", s.profile());
        assertEquals(1, s.seed());
        assertEquals(List.of("au-only", "mtl", "mal"), s.experiment().strategies());
        assertEquals(DemoSettings.standard(1, List.of("au-only", "mtl", "mal")), s);
    }

    @Test
    void quickSeedAndStrategiesAreTakenFromTheCommandLine() throws Exception {
        DemoSettings s = settings("--quick", "--seed", "7", "--strategies", "mal, l2rw");
        assertEquals("quick", s.profile());
        assertEquals(7, s.seed());
        assertEquals(7, s.experiment().dataSeed());
        assertEquals(List.of("mal", "l2rw"), s.experiment().strategies());
        ExperimentConfig standard = DemoSettings.standard(7, List.of("mal")).experiment();
        assertTrue(s.experiment().maxIterations() <= standard.maxIterations() && s.experiment().perSubject() <= standard.perSubject(),
            "quick is smaller than the default");
    }

    @Test
    void badFlagsAreUsageErrorsNamingTheProblem() {
        assertEquals(2, run("demo", "--strategies", "mal,magic"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown strategy 'magic'"), err.toString(StandardCharsets.UTF_8));
        UsageException twice = assertThrows(UsageException.class, () -> settings("--strategies", "mal,mal"));
        assertTrue(twice.getMessage().contains("'mal' is listed twice"));
        UsageException seed = assertThrows(UsageException.class, () -> settings("--seed", "one"));
        assertTrue(seed.getMessage().contains("--seed expects an integer, got 'one'"));
        assertThrows(UsageException.class, () -> settings("--strategies", " , "));
        assertEquals(2, run("demo", "extra"));
    }

    @Test
    void helpListsTheFlagsAndTheOverviewListsDemoFirst() {
        assertEquals(0, run("demo", "--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String flag : List.of("--quick", "--out DIR", "--seed S", "--strategies")) {
            assertTrue(usage.contains(flag), flag);
        }
        out.reset();
        assertEquals(0, run("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("  ")).findFirst().orElse("").contains("demo"));
    }

    @Test
    void aTinyRunPrintsProgressAndTheSummaryAndWritesBothFiles(@TempDir Path dir) throws Exception {
        DemoSettings tiny = new DemoSettings("tiny", 4, new ExperimentConfig(4, 2, 1, 2, 4, 0.25, 0.25, 32, 2, List.of("au-only", "mal")));
        DemoOutput.Written w = DemoCommand.run(tiny, dir.resolve("out"), new PrintStream(out, true, StandardCharsets.UTF_8), false);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(Files.size(w.report()) > 10_000 && Files.size(w.results()) > 100);
        assertEquals(dir.resolve("out").resolve("report.html"), w.report());
        for (String s : List.of("au-only", "mal")) {
            // each strategy's history, read back by its named columns
            org.malau.train.TrainingHistory h = org.malau.train.TrainingHistory.read(dir.resolve("out").resolve("history-" + s + ".csv"));
            assertTrue(!h.epochs().isEmpty() && h.epochs().get(0).epoch() == 1, s);
        }
        for (String phase : List.of("[1/4] data", "[2/4] train au-only", "[3/4] train mal", "[4/4] report")) {
            assertTrue(text.contains(phase), phase + " in\n" + text);
        }
        assertTrue(text.contains("strategy      mean AU F1   expression acc.   weight AUC   training time"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("au-only ") && l.contains(" - ")), "au-only has no expression accuracy\n" + text);
        assertTrue(text.contains("report   " + w.report()) && text.contains("results  " + w.results()), text);
        assertTrue(!text.contains("\r"), "no carriage returns when not on a terminal");
    }
}
