package org.malau.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart panel inside a {@link Canvas}: a plot area with data ranges, axes with round-number
 * ticks, a title, axis labels, a legend, bars and lines. Only what the report's figures need.
 */
final class Plot {
    private static final Color AXIS = new Color(0x424242);
    private static final Color GRID = new Color(0xe6e6e6);
    private static final int LEFT = 52;
    private static final int RIGHT = 14;
    private static final int TOP = 52;
    private static final int BOTTOM = 42;

    private final Graphics2D g;
    private final int panelX;
    private final int panelY;
    private final int panelWidth;
    private final int ax;
    private final int ay;
    private final int aw;
    private final int ah;
    private double x0 = 0;
    private double x1 = 1;
    private double y0 = 0;
    private double y1 = 1;

    /** A panel at (x, y) of the given size in the canvas's nominal pixels. */
    Plot(Canvas canvas, int x, int y, int width, int height) {
        this.g = canvas.graphics();
        this.panelX = x;
        this.panelY = y;
        this.panelWidth = width;
        ax = x + LEFT;
        ay = y + TOP;
        aw = width - LEFT - RIGHT;
        ah = height - TOP - BOTTOM;
    }

    Plot xRange(double lo, double hi) {
        x0 = lo;
        x1 = hi > lo ? hi : lo + 1;
        return this;
    }

    Plot yRange(double lo, double hi) {
        y0 = lo;
        y1 = hi > lo ? hi : lo + 1;
        return this;
    }

    double px(double x) {
        return ax + (x - x0) / (x1 - x0) * aw;
    }

    double py(double y) {
        return ay + ah - (y - y0) / (y1 - y0) * ah;
    }

    void title(String title) {
        g.setColor(Color.BLACK);
        g.setFont(Canvas.FONT.deriveFont(Font.BOLD, 13f));
        g.drawString(title, panelX + 8, panelY + 16);
        g.setFont(Canvas.FONT);
    }

    /** Grid lines and labels at round values of the y range, and the two axis lines. */
    void yAxis(String label, String format) {
        FontMetrics fm = g.getFontMetrics();
        for (double v : ticks(y0, y1, 5)) {
            int y = (int) Math.round(py(v));
            g.setColor(GRID);
            g.drawLine(ax, y, ax + aw, y);
            g.setColor(AXIS);
            String s = String.format(Locale.ROOT, format, v);
            g.drawString(s, ax - 6 - fm.stringWidth(s), y + 4);
        }
        axes();
        Graphics2D r = (Graphics2D) g.create();
        r.setColor(AXIS);
        r.rotate(-Math.PI / 2);
        r.drawString(label, -(ay + ah / 2 + fm.stringWidth(label) / 2), panelX + 12);
        r.dispose();
    }

    /** Labels at round values of the x range. */
    void xAxis(String label, String format) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(AXIS);
        for (double v : ticks(x0, x1, 6)) {
            int x = (int) Math.round(px(v));
            g.drawLine(x, ay + ah, x, ay + ah + 4);
            String s = String.format(Locale.ROOT, format, v);
            g.drawString(s, x - fm.stringWidth(s) / 2, ay + ah + 17);
        }
        xLabel(label);
    }

    /** Category names centred under slots 0..n-1 of width 1 each (x range 0..n). */
    void xCategories(List<String> names, String label) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(AXIS);
        for (int k = 0; k < names.size(); k++) {
            String s = names.get(k);
            int x = (int) Math.round(px(k + 0.5));
            g.drawString(s, x - fm.stringWidth(s) / 2, ay + ah + 17);
        }
        xLabel(label);
    }

    private void xLabel(String label) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(AXIS);
        g.drawString(label, ax + aw / 2 - fm.stringWidth(label) / 2, ay + ah + 34);
    }

    private void axes() {
        g.setColor(AXIS);
        g.drawLine(ax, ay, ax, ay + ah);
        g.drawLine(ax, ay + ah, ax + aw, ay + ah);
    }

    /** A legend in one row under the title, right-aligned. */
    void legend(List<String> names, List<Color> colours) {
        FontMetrics fm = g.getFontMetrics();
        int width = 0;
        for (String n : names) {
            width += 16 + fm.stringWidth(n) + 14;
        }
        int x = panelX + panelWidth - RIGHT - width;
        for (int k = 0; k < names.size(); k++) {
            g.setColor(colours.get(k));
            g.fillRect(x, panelY + 27, 11, 11);
            g.setColor(Color.BLACK);
            g.drawString(names.get(k), x + 16, panelY + 37);
            x += 16 + fm.stringWidth(names.get(k)) + 14;
        }
    }

    /** A bar from the x range's {@code from} to {@code to} and from y = max(y0, 0) up to {@code value}. */
    void bar(double from, double to, double value, Color colour) {
        if (Double.isNaN(value)) {
            return;
        }
        double base = py(Math.max(y0, Math.min(y1, 0)));
        double top = py(Math.max(y0, Math.min(y1, value)));
        int x = (int) Math.round(px(from));
        int w = Math.max(1, (int) Math.round(px(to)) - x);
        g.setColor(colour);
        g.fillRect(x, (int) Math.round(Math.min(base, top)), w, Math.max(1, (int) Math.round(Math.abs(base - top))));
    }

    /** A horizontal line segment at y from x = from to x = to, e.g. a reference level for a group of bars. */
    void level(double from, double to, double y, Color colour) {
        if (Double.isNaN(y)) {
            return;
        }
        Stroke old = g.getStroke();
        g.setStroke(new BasicStroke(2f));
        g.setColor(colour);
        g.draw(new java.awt.geom.Line2D.Double(px(from), py(y), px(to), py(y)));
        g.setStroke(old);
    }

    /** A vertical line across the plot area at x, to set a group of bars apart. */
    void divider(double x) {
        g.setColor(AXIS);
        int px = (int) Math.round(px(x));
        g.drawLine(px, ay, px, ay + ah);
    }

    /** A poly-line through the points with a marker at each; NaN values break the line. */
    void line(double[] xs, double[] ys, Color colour) {
        Stroke old = g.getStroke();
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(colour);
        double px = Double.NaN;
        double py = Double.NaN;
        for (int k = 0; k < xs.length; k++) {
            if (Double.isNaN(ys[k])) {
                px = Double.NaN;
                continue;
            }
            double x = px(xs[k]);
            double y = py(Math.max(y0, Math.min(y1, ys[k])));
            if (!Double.isNaN(px)) {
                g.draw(new java.awt.geom.Line2D.Double(px, py, x, y));
            }
            g.fill(new java.awt.geom.Ellipse2D.Double(x - 3, y - 3, 6, 6));
            px = x;
            py = y;
        }
        g.setStroke(old);
    }

    /** A centred message inside the plot area, for panels without data. */
    void message(String text) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(AXIS);
        g.drawString(text, ax + aw / 2 - fm.stringWidth(text) / 2, ay + ah / 2);
    }

    /** Round values (steps of 1, 2 or 5 times a power of ten) within [lo, hi], about {@code target} of them. */
    static List<Double> ticks(double lo, double hi, int target) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || Double.isInfinite(hi - lo)) {
            out.add(lo);
            return out;
        }
        double raw = (hi - lo) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double multiple = 10;
        for (double m : new double[] {1, 2, 5}) {
            if (m * magnitude >= raw) {
                multiple = m;
                break;
            }
        }
        double step = multiple * magnitude;
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            // Dividing by a whole power of ten keeps 3 x 0.2 at 0.6 rather than 0.6000000000000001.
            double units = k * multiple;
            out.add(magnitude < 1 ? units / Math.round(1 / magnitude) : units * magnitude);
        }
        return out;
    }
}
