package org.malau.knime.weightviewer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the sample-weight figure with plain Java2D, knowing nothing of KNIME or the engine: a
 * histogram of the final weights of clean and corrupted samples (with the ROC AUC of the weight as
 * clean-vs-corrupted score in its title), the mean weight per class, and the mean weight per epoch
 * with a band of one standard deviation, for clean and corrupted samples (or all samples when the
 * corruption is unknown).
 */
final class WeightFigure {
    /** Size of the figure in pixels. */
    static final int WIDTH = 1500;
    static final int HEIGHT = 500;

    static final Color CLEAN = new Color(0x1565c0);
    static final Color CORRUPTED = new Color(0xc62828);
    static final Color ALL = new Color(0x555555);
    private static final int BINS = 20;

    private WeightFigure() {
    }

    /**
     * What the figure shows.
     *
     * @param clean final weights of the clean samples (empty when the corruption is unknown)
     * @param corrupted final weights of the corrupted samples (empty when unknown)
     * @param all final weights of all samples
     * @param auc ROC AUC of weight for clean vs corrupted, NaN when not computable
     * @param classMeans mean final weight per class label, in display order
     * @param trajectories per group name (e.g. clean, corrupted, all): per epoch {mean, standard deviation}, NaN where no sample has a weight
     */
    record Data(double[] clean, double[] corrupted, double[] all, double auc, Map<String, Double> classMeans,
        Map<String, double[][]> trajectories) {
    }

    static BufferedImage draw(final Data d) {
        final BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            final int w = WIDTH / 3;
            histogram(g, d, 0, w);
            classMeans(g, d, w, w);
            trajectories(g, d, 2 * w, w);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Plot area of a panel: left, top, width, height. */
    private static int[] area(final int x0, final int w) {
        return new int[]{x0 + 60, 50, w - 90, HEIGHT - 110};
    }

    private static void frame(final Graphics2D g, final int[] a, final String title, final String xLabel,
        final String yLabel) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(a[0], a[1], a[2], a[3]);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        g.drawString(title, a[0], a[1] - 15);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 13f));
        g.drawString(xLabel, a[0] + a[2] / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, a[1] + a[3] + 40);
        final Graphics2D r = (Graphics2D)g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yLabel, -(a[1] + a[3] / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), a[0] - 40);
        r.dispose();
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static double[] range(final double[]... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (final double[] vs : values) {
            for (final double v : vs) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[]{0, 1};
        }
        if (lo == hi) {
            return new double[]{lo - 0.5, hi + 0.5};
        }
        return new double[]{lo, hi};
    }

    private static void xTicks(final Graphics2D g, final int[] a, final double lo, final double hi) {
        g.setColor(Color.BLACK);
        for (int k = 0; k <= 4; k++) {
            final double v = lo + (hi - lo) * k / 4;
            final int x = a[0] + a[2] * k / 4;
            g.drawLine(x, a[1] + a[3], x, a[1] + a[3] + 4);
            final String s = fmt(v);
            g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, a[1] + a[3] + 18);
        }
    }

    private static void yTicks(final Graphics2D g, final int[] a, final double lo, final double hi) {
        g.setColor(Color.BLACK);
        for (int k = 0; k <= 4; k++) {
            final double v = lo + (hi - lo) * k / 4;
            final int y = a[1] + a[3] - a[3] * k / 4;
            g.drawLine(a[0] - 4, y, a[0], y);
            final String s = fmt(v);
            g.drawString(s, a[0] - 6 - g.getFontMetrics().stringWidth(s), y + 5);
        }
    }

    private static void legend(final Graphics2D g, final int[] a, final List<String> names, final List<Color> colours) {
        for (int k = 0; k < names.size(); k++) {
            final int y = a[1] + 10 + 18 * k;
            g.setColor(colours.get(k));
            g.fillRect(a[0] + a[2] - 110, y, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(names.get(k), a[0] + a[2] - 92, y + 11);
        }
    }

    private static void histogram(final Graphics2D g, final Data d, final int x0, final int w) {
        final int[] a = area(x0, w);
        final boolean split = d.clean().length > 0 || d.corrupted().length > 0;
        final double[][] groups = split ? new double[][]{d.clean(), d.corrupted()} : new double[][]{d.all()};
        final Color[] colours = split ? new Color[]{CLEAN, CORRUPTED} : new Color[]{ALL};
        final double[] r = range(groups);
        final int[][] counts = new int[groups.length][BINS];
        int max = 1;
        for (int k = 0; k < groups.length; k++) {
            for (final double v : groups[k]) {
                final int b = Math.min(BINS - 1, (int)((v - r[0]) / (r[1] - r[0]) * BINS));
                max = Math.max(max, ++counts[k][b]);
            }
        }
        final double binWidth = a[2] / (double)BINS;
        for (int k = 0; k < groups.length; k++) {
            final Color c = colours[k];
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 120));
            for (int b = 0; b < BINS; b++) {
                final int h = (int)Math.round(counts[k][b] / (double)max * a[3]);
                g.fillRect(a[0] + (int)Math.round(b * binWidth), a[1] + a[3] - h, (int)Math.ceil(binWidth), h);
            }
        }
        final String title = "Final sample weights" + (Double.isNaN(d.auc()) ? "" : ", ROC AUC " + fmt(d.auc()));
        frame(g, a, title, "weight", "samples");
        xTicks(g, a, r[0], r[1]);
        yTicks(g, a, 0, max);
        legend(g, a, split ? List.of("clean", "corrupted") : List.of("all"), List.of(colours));
    }

    private static void classMeans(final Graphics2D g, final Data d, final int x0, final int w) {
        final int[] a = area(x0, w);
        final List<String> names = new ArrayList<>(d.classMeans().keySet());
        final double[] values = d.classMeans().values().stream().mapToDouble(Double::doubleValue).toArray();
        final double[] r = range(values);
        final double lo = Math.min(0, r[0]);
        final double hi = Math.max(0, r[1]) == lo ? lo + 1 : Math.max(0, r[1]);
        final double slot = names.isEmpty() ? 0 : a[2] / (double)names.size();
        for (int k = 0; k < names.size(); k++) {
            final int x = a[0] + (int)Math.round(k * slot + slot * 0.15);
            final int y0 = a[1] + a[3] - (int)Math.round((0 - lo) / (hi - lo) * a[3]);
            final int y1 = a[1] + a[3] - (int)Math.round((values[k] - lo) / (hi - lo) * a[3]);
            g.setColor(ALL);
            g.fillRect(x, Math.min(y0, y1), (int)Math.max(1, slot * 0.7), Math.abs(y1 - y0));
            g.setColor(Color.BLACK);
            final String s = names.get(k).length() > 12 ? names.get(k).substring(0, 11) + "." : names.get(k);
            g.drawString(s, x, a[1] + a[3] + 16 + (k % 2) * 13);
        }
        frame(g, a, "Mean final weight per class", "", "mean weight");
        yTicks(g, a, lo, hi);
    }

    private static void trajectories(final Graphics2D g, final Data d, final int x0, final int w) {
        final int[] a = area(x0, w);
        int epochs = 0;
        final List<double[]> all = new ArrayList<>();
        for (final double[][] t : d.trajectories().values()) {
            epochs = Math.max(epochs, t.length);
            final double[] ends = new double[2 * t.length];
            for (int e = 0; e < t.length; e++) {
                final double sd = Double.isNaN(t[e][1]) ? 0 : t[e][1];
                ends[2 * e] = t[e][0] - sd;
                ends[2 * e + 1] = t[e][0] + sd;
            }
            all.add(ends);
        }
        final double[] r = range(all.toArray(new double[0][]));
        final List<String> names = new ArrayList<>();
        final List<Color> colours = new ArrayList<>();
        for (final Map.Entry<String, double[][]> en : d.trajectories().entrySet()) {
            final Color c = colour(en.getKey());
            names.add(en.getKey());
            colours.add(c);
            final double[][] t = en.getValue();
            int prevX = -1;
            int prevY = -1;
            for (int e = 0; e < t.length; e++) {
                if (Double.isNaN(t[e][0])) {
                    prevX = -1;
                    continue;
                }
                final int x = a[0] + (epochs <= 1 ? a[2] / 2 : (int)Math.round(e / (double)(epochs - 1) * a[2]));
                final int y = y(a, r, t[e][0]);
                final double sd = Double.isNaN(t[e][1]) ? 0 : t[e][1];
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
                final int top = y(a, r, t[e][0] + sd);
                g.fillRect(x - 4, top, 9, Math.max(1, y(a, r, t[e][0] - sd) - top));
                g.setColor(c);
                g.setStroke(new BasicStroke(2f));
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, x, y);
                }
                g.fillOval(x - 3, y - 3, 7, 7);
                prevX = x;
                prevY = y;
            }
        }
        frame(g, a, "Mean weight per epoch (\u00b1 1 SD)", "epoch", "weight");
        yTicks(g, a, r[0], r[1]);
        g.setColor(Color.BLACK);
        for (int e = 0; e < epochs; e++) {
            final int x = a[0] + (epochs <= 1 ? a[2] / 2 : (int)Math.round(e / (double)(epochs - 1) * a[2]));
            if (epochs <= 10 || e % (epochs / 10 + 1) == 0 || e == epochs - 1) {
                final String s = Integer.toString(e + 1);
                g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, a[1] + a[3] + 18);
            }
        }
        legend(g, a, names, colours);
    }

    private static int y(final int[] a, final double[] r, final double v) {
        return a[1] + a[3] - (int)Math.round((v - r[0]) / (r[1] - r[0]) * a[3]);
    }

    private static Color colour(final String group) {
        if (group.startsWith("clean")) {
            return CLEAN;
        }
        return group.startsWith("corrupted") ? CORRUPTED : ALL;
    }
}
