package org.malau.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.malau.demo.DemoListener;
import org.malau.demo.DemoPlan;

/**
 * The demo's progress on the console: phase, a bar over the whole run, what the phase is doing (the
 * trainer reports iteration and loss) and the time left. On a terminal one line is redrawn in place;
 * otherwise (a log, a pipe) a line is printed every tenth of a phase, so logs stay short.
 */
final class ConsoleProgressBar implements DemoListener {
    private static final int BAR = 20;
    /** Keeps the line within a common 120-column terminal. */
    private static final int MAX_LINE = 118;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final DemoPlan plan;
    private final boolean interactive;
    private final LongSupplier clock;
    private final long start;
    private DemoPlan.Phase phase;
    private long lastDraw;
    private int lastTenth;
    private int drawnLength;

    /**
     * @param interactive redraw one line in place (a terminal) instead of printing lines
     * @param clock nanosecond clock, {@link System#nanoTime} outside tests
     */
    ConsoleProgressBar(PrintStream out, DemoPlan plan, boolean interactive, LongSupplier clock) {
        this.out = out;
        this.plan = plan;
        this.interactive = interactive;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public void phaseStarted(DemoPlan.Phase p) {
        phase = p;
        lastTenth = 0;
        lastDraw = 0;
        if (!interactive) {
            out.println(String.format(Locale.ROOT, "[%d/%d] %s ...", p.index(), p.count(), p.name()));
        } else {
            draw(0, "starting");
        }
    }

    @Override
    public void progress(double fraction, String message) {
        if (phase == null) {
            return;
        }
        long now = clock.getAsLong();
        if (interactive) {
            if (now - lastDraw >= REDRAW_NANOS || fraction >= 1) {
                lastDraw = now;
                draw(fraction, message);
            }
        } else {
            int tenth = (int) Math.floor(fraction * 10);
            if (tenth > lastTenth && tenth < 10) {
                lastTenth = tenth;
                out.println(line(phase, fraction, message));
            }
        }
    }

    @Override
    public void phaseFinished(DemoPlan.Phase p, double seconds) {
        String done = String.format(Locale.ROOT, "%s done in %s", p.name(), duration(seconds));
        if (interactive) {
            draw(1, done);
            out.println();
            drawnLength = 0;
        } else {
            out.println("      " + done);
        }
    }

    @Override
    public void warning(String message) {
        if (interactive && drawnLength > 0) {
            out.println();
            drawnLength = 0;
        }
        out.println("warning: " + message);
    }

    private void draw(double fraction, String message) {
        String s = line(phase, fraction, message);
        // Spaces wipe the rest of a longer previous line.
        out.print("\r" + s + " ".repeat(Math.max(0, drawnLength - s.length())));
        out.flush();
        drawnLength = s.length();
    }

    /** One progress line: phase, bar and percentage of the whole run, the phase's message, time elapsed and left. */
    String line(DemoPlan.Phase p, double fraction, String message) {
        double overall = plan.overallFraction(p, fraction);
        double elapsed = (clock.getAsLong() - start) / 1e9;
        double left = DemoPlan.secondsLeft(elapsed, overall);
        int filled = (int) Math.round(overall * BAR);
        String head = String.format(Locale.ROOT, "[%d/%d] %-14s [%s%s] %3.0f%% ", p.index(), p.count(), p.name(),
            "#".repeat(filled), ".".repeat(BAR - filled), overall * 100);
        String tail = String.format(Locale.ROOT, " | %s, left %s", clock(elapsed), Double.isNaN(left) ? "--:--" : "~" + clock(left));
        int room = MAX_LINE - head.length() - tail.length();
        String m = message == null ? "" : message;
        if (m.length() > room) {
            m = room > 3 ? m.substring(0, room - 3) + "..." : "";
        }
        return head + m + tail;
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
