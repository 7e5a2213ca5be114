package org.malau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.malau.demo.DemoPlan;
import org.malau.demo.DemoSettings;

class ConsoleProgressBarTest {
    private final DemoPlan plan = DemoPlan.of(DemoSettings.quick(1, List.of("au-only", "mal")).experiment());
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** A fake clock in nanoseconds, advanced by the test. */
    private final long[] now = {0};

    @Test
    void lineShowsPhaseBarIterationLossAndTimeLeft() {
        ConsoleProgressBar bar = new ConsoleProgressBar(out, plan, false, () -> now[0]);
        DemoPlan.Phase mal = plan.phase("train mal");
        now[0] = 60_000_000_000L;
        String line = bar.line(mal, 0.5, "mal epoch 3 iteration 10/20, AU loss 0.4321");
        double overall = plan.overallFraction(mal, 0.5);
        assertTrue(line.startsWith("[3/4] train mal"), line);
        assertTrue(line.contains("mal epoch 3 iteration 10/20, AU loss 0.4321"), line);
        assertTrue(line.contains(String.format(java.util.Locale.ROOT, "%3.0f%%", overall * 100)), line);
        assertTrue(line.contains("| 1:00, left ~" + ConsoleProgressBar.clock(DemoPlan.secondsLeft(60, overall))), line);
        assertTrue(line.length() <= 118, "fits a terminal: " + line.length());
        String early = bar.line(plan.phase("data"), 0, "aligned 0 of 10 faces");
        assertTrue(early.contains("left --:--"), early);
    }

    @Test
    void longMessagesAreCutToKeepTheLineShort() {
        ConsoleProgressBar bar = new ConsoleProgressBar(out, plan, false, () -> now[0]);
        String line = bar.line(plan.phase("train mal"), 0.1, "x".repeat(300));
        assertTrue(line.length() <= 118 && line.contains("...|") || line.contains("... |"), line);
    }

    @Test
    void withoutTerminalAPhasePrintsAtMostOneLinePerTenth() {
        ConsoleProgressBar bar = new ConsoleProgressBar(out, plan, false, () -> now[0]);
        DemoPlan.Phase p = plan.phase("train au-only");
        bar.phaseStarted(p);
        for (int i = 1; i <= 200; i++) {
            now[0] += 10_000_000L;
            bar.progress(i / 200.0, "iteration " + i);
        }
        bar.phaseFinished(p, 2);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("[2/4] train au-only ...", lines.get(0));
        assertEquals(1 + 9 + 1, lines.size(), String.join("\n", lines));
        assertEquals("      train au-only done in 2 s", lines.get(lines.size() - 1));
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlace() {
        ConsoleProgressBar bar = new ConsoleProgressBar(out, plan, true, () -> now[0]);
        DemoPlan.Phase p = plan.phase("data");
        bar.phaseStarted(p);
        for (int i = 1; i <= 10; i++) {
            now[0] += 300_000_000L;
            bar.progress(i / 10.0, "aligned " + i);
        }
        bar.phaseFinished(p, 3);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line, redrawn with carriage returns: " + text);
        assertTrue(text.chars().filter(c -> c == '\r').count() >= 10, text);
        assertTrue(text.contains("data done in 3 s"), text);
    }
}
