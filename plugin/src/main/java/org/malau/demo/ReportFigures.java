package org.malau.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.data.Corruption;
import org.malau.data.synth.PngEncoder;
import org.malau.eval.WeightSummary;
import org.malau.eval.WeightSummary.Group;
import org.malau.eval.WeightSummary.Weight;
import org.malau.train.EpochRecord;
import org.malau.train.Strategy;

/** The report's figures, drawn with Java2D from the demo's results. */
final class ReportFigures {
    static final Color CLEAN = new Color(0x2e7d32);
    static final Color CORRUPTED = new Color(0xc62828);
    static final Color LABEL_NOISE = new Color(0xf9a825);
    private static final List<Color> PALETTE = List.of(new Color(0x1565c0), new Color(0xef6c00), new Color(0x9e9e9e),
        new Color(0x00897b), new Color(0x8e24aa));
    private static final int WIDTH = 1100;
    private static final int BINS = 20;

    /** A drawn figure: PNG bytes and its nominal size in CSS pixels. */
    record Figure(byte[] png, int width, int height) {
    }

    /** The corruption groups of the weight trajectories, in display order. */
    static final List<Corruption> GROUPS = List.of(Corruption.NONE, Corruption.LABEL_NOISE, Corruption.UNRELATED);

    private ReportFigures() {
    }

    /** A fixed colour per strategy, the same in every figure. */
    static Color colour(String strategy) {
        return switch (Strategy.find(strategy).orElse(Strategy.L2RW)) {
            case MAL -> PALETTE.get(0);
            case MTL -> PALETTE.get(1);
            case AU_ONLY -> PALETTE.get(2);
            case UNCERTAINTY -> PALETTE.get(3);
            case L2RW -> PALETTE.get(4);
        };
    }

    /** Grouped bars: per AU (and their mean) one bar per strategy. */
    static Figure auF1(DemoResults r) {
        Canvas c = new Canvas(WIDTH, 330);
        List<String> names = new ArrayList<>();
        for (int code : r.auCodes()) {
            names.add(String.format(Locale.ROOT, "AU%02d", code));
        }
        names.add("mean");
        Plot p = new Plot(c, 0, 0, WIDTH, 330).xRange(0, names.size()).yRange(0, 1);
        p.title("Per-AU F1 on the held-out subjects");
        p.yAxis("F1", "%.1f");
        List<StrategyResult> s = r.strategies();
        double groupWidth = 0.8;
        for (int k = 0; k < s.size(); k++) {
            StrategyResult sr = s.get(k);
            for (int j = 0; j <= r.auCodes().length; j++) {
                double v = j < r.auCodes().length ? sr.perAuF1()[j] : sr.averageF1();
                double from = j + (1 - groupWidth) / 2 + groupWidth * k / s.size();
                double to = from + groupWidth / s.size();
                p.bar(from, to - 0.01, v, colour(sr.strategy()));
            }
        }
        double[] floor = r.everyAuPresentF1();
        for (int j = 0; j <= r.auCodes().length; j++) {
            p.level(j + 0.06, j + 0.94, j < r.auCodes().length ? floor[j] : r.everyAuPresentAverageF1(), Color.BLACK);
        }
        p.divider(r.auCodes().length);
        p.xCategories(names, "");
        List<String> legend = new ArrayList<>(s.stream().map(StrategyResult::strategy).toList());
        List<Color> colours = new ArrayList<>(s.stream().map(x -> colour(x.strategy())).toList());
        legend.add("every AU called present");
        colours.add(Color.BLACK);
        p.legend(legend, colours);
        return new Figure(c.png(), c.width(), c.height());
    }

    /** Three panels on one strategy's expression-sample weights: histogram, class means, trajectories. */
    static Figure weights(StrategyResult s) {
        WeightSummary w = s.weights();
        String strategy = s.strategy();
        int h = 320;
        Canvas c = new Canvas(WIDTH, h);
        int panel = WIDTH / 3;
        histogram(new Plot(c, 0, 0, panel, h), w, strategy);
        classMeans(new Plot(c, panel, 0, panel, h), s.classMeans());
        trajectories(new Plot(c, 2 * panel, 0, WIDTH - 2 * panel, h), w);
        return new Figure(c.png(), c.width(), c.height());
    }

    private static void histogram(Plot p, WeightSummary w, String strategy) {
        double[] clean = w.weights(Weight.USED, Group.CLEAN);
        double[] corrupted = w.weights(Weight.USED, Group.CORRUPTED);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] group : new double[][] {clean, corrupted}) {
            for (double v : group) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[][] share = {binShares(clean, lo, hi), binShares(corrupted, lo, hi)};
        double max = 0;
        for (double[] s : share) {
            for (double v : s) {
                max = Math.max(max, v);
            }
        }
        p.xRange(lo, hi).yRange(0, Math.max(1, max * 1.15));
        p.title(strategy + ": weights used in training, AUC " + String.format(Locale.ROOT, "%.2f", w.auc(Weight.USED)));
        p.yAxis("% of the group", "%.0f");
        Color[] colours = {translucent(CLEAN), translucent(CORRUPTED)};
        double bin = (hi - lo) / BINS;
        for (int k = 0; k < 2; k++) {
            for (int b = 0; b < BINS; b++) {
                p.bar(lo + b * bin, lo + (b + 1) * bin, share[k][b], colours[k]);
            }
        }
        p.xAxis("weight in the last epoch the sample was drawn", pickFormat(hi - lo));
        p.legend(List.of("clean", "corrupted"), List.of(CLEAN, CORRUPTED));
    }

    private static double[] binShares(double[] values, double lo, double hi) {
        double[] s = new double[BINS];
        for (double v : values) {
            int b = (int) Math.min(BINS - 1, Math.max(0, Math.floor((v - lo) / (hi - lo) * BINS)));
            s[b] += 100.0 / values.length;
        }
        return s;
    }

    private static void classMeans(Plot p, Map<String, double[]> means) {
        double max = 0;
        for (double[] m : means.values()) {
            for (double v : m) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        List<String> names = new ArrayList<>(means.keySet());
        p.xRange(0, names.size()).yRange(0, max > 0 ? max * 1.15 : 1);
        p.title("Mean weight per expression class (as used in training)");
        p.yAxis("mean weight", pickFormat(max));
        for (int k = 0; k < names.size(); k++) {
            double[] m = means.get(names.get(k));
            p.bar(k + 0.12, k + 0.5, m[0], CLEAN);
            p.bar(k + 0.5, k + 0.88, m[1], CORRUPTED);
        }
        p.xCategories(names.stream().map(ReportFigures::shortClass).toList(), "labelled expression");
        p.legend(List.of("clean", "corrupted"), List.of(CLEAN, CORRUPTED));
    }

    private static String shortClass(String label) {
        return label.length() <= 5 ? label : label.substring(0, 4) + ".";
    }

    private static void trajectories(Plot p, WeightSummary w) {
        int epochs = w.epochs();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Corruption g : GROUPS) {
            for (double v : epochMeans(w, g)) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo = Double.isInfinite(lo) ? 0 : lo - 0.5;
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.1;
        p.xRange(epochs <= 1 ? 0.5 : 1, epochs <= 1 ? 1.5 : epochs).yRange(lo - pad, hi + pad);
        p.title("Mean weight per epoch");
        p.yAxis("mean weight", pickFormat(hi - lo));
        double[] xs = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            xs[e] = e + 1;
        }
        List<Color> colours = List.of(CLEAN, LABEL_NOISE, CORRUPTED);
        for (int k = 0; k < GROUPS.size(); k++) {
            p.line(xs, epochMeans(w, GROUPS.get(k)), colours.get(k));
        }
        p.xAxis("epoch", "%.0f");
        p.legend(List.of("clean", "label noise", "unrelated"), colours);
    }

    /** The mean weight per epoch of the samples of {@code group} drawn in it (NaN where none was). */
    private static double[] epochMeans(WeightSummary w, Corruption group) {
        double[][] t = w.trajectory(group);
        double[] m = new double[t.length];
        for (int e = 0; e < t.length; e++) {
            m[e] = t[e][0];
        }
        return m;
    }

    /** Per strategy over the iterations: AU training loss, meta-split AU F1, meta-split expression accuracy. */
    static Figure trainingCurves(DemoResults r) {
        int h = 320;
        Canvas c = new Canvas(WIDTH, h);
        int panel = WIDTH / 3;
        curve(new Plot(c, 0, 0, panel, h), r, "AU training loss per epoch", "loss", EpochRecord::auLoss, false, false);
        curve(new Plot(c, panel, 0, panel, h), r, "Meta-split AU F1 (tuned thresholds)", "F1", EpochRecord::metaAuF1Tuned, true, false);
        curve(new Plot(c, 2 * panel, 0, WIDTH - 2 * panel, h), r, "Meta-split expression accuracy", "accuracy",
            EpochRecord::metaExpressionAccuracy, true, true);
        return new Figure(c.png(), c.width(), c.height());
    }

    private static void curve(Plot p, DemoResults r, String title, String yLabel,
        java.util.function.ToDoubleFunction<EpochRecord> value, boolean unitRange, boolean expressionOnly) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int maxIterations = 1;
        List<StrategyResult> shown = new ArrayList<>();
        for (StrategyResult s : r.strategies()) {
            if (expressionOnly && !s.hasExpressionTask()) {
                continue;
            }
            shown.add(s);
            for (EpochRecord e : s.history().epochs()) {
                double v = value.applyAsDouble(e);
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                maxIterations = Math.max(maxIterations, e.iterations());
            }
        }
        if (unitRange) {
            lo = 0;
            hi = 1;
        } else if (!(hi > lo)) {
            lo = Double.isInfinite(lo) ? 0 : lo - 0.5;
            hi = lo + 1;
        } else {
            double pad = (hi - lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        p.xRange(0, maxIterations).yRange(lo, hi);
        p.title(title);
        p.yAxis(yLabel, unitRange ? "%.1f" : pickFormat(hi - lo));
        for (StrategyResult s : shown) {
            List<EpochRecord> epochs = s.history().epochs();
            double[] xs = epochs.stream().mapToDouble(EpochRecord::iterations).toArray();
            double[] ys = epochs.stream().mapToDouble(value).toArray();
            p.line(xs, ys, colour(s.strategy()));
        }
        if (shown.isEmpty()) {
            p.message("no strategy with an expression task");
        }
        p.xAxis("iteration", "%.0f");
        p.legend(shown.stream().map(StrategyResult::strategy).toList(), shown.stream().map(x -> colour(x.strategy())).toList());
    }

    /** An aligned grey crop enlarged {@code scale} times, as PNG. */
    static Figure face(DemoResults.TestFace f, int scale) {
        int n = f.size();
        BufferedImage small = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int v = Math.max(0, Math.min(255, Math.round(f.crop()[y * n + x] * 255)));
                small.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        BufferedImage big = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, n * scale, n * scale, null);
        g.dispose();
        return new Figure(PngEncoder.encodeCompact(big), n * scale, n * scale);
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 140);
    }

    /** Enough decimals to tell the ticks of a range this wide apart. */
    private static String pickFormat(double span) {
        if (span >= 5) {
            return "%.0f";
        }
        if (span >= 0.5) {
            return "%.1f";
        }
        if (span >= 0.05) {
            return "%.2f";
        }
        return "%.3f";
    }
}
