package org.malau.knime.weightviewer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.malau.data.Corruption;

/**
 * Lays out the sample-weight figure, knowing nothing of KNIME: the three {@link WeightCharts} side by side, and below
 * them, when thumbnails are asked for, the samples with the highest and the lowest final weights as thumbnails framed
 * in the colour of their corruption (clean, corrupted, unknown), with weight and label.
 */
final class WeightFigure {
    /** Width of the figure and height of its chart row, in pixels. */
    static final int WIDTH = 1500;
    static final int CHART_HEIGHT = 450;
    /** Thumbnail size and the height of one thumbnail row (thumbnail plus two caption lines). */
    static final int THUMB = 96;
    static final int THUMB_ROW = THUMB + 54;
    /** Most thumbnails per row that fit beside the row's label. */
    static final int MAX_THUMBNAILS = 12;
    static final int LABEL_WIDTH = 150;
    static final int THUMB_STEP = (WIDTH - LABEL_WIDTH) / MAX_THUMBNAILS;

    static final String HIGHEST = "Highest weights";
    static final String LOWEST = "Lowest weights";

    private WeightFigure() {
    }

    /**
     * One sample shown as a thumbnail.
     *
     * @param id the sample's id (the image table's row ID it was looked up by)
     * @param label its class
     * @param corruption what is known about its label quality
     * @param weight its final weight
     * @param image its image, null when there is none (no image table, no row for the id, or unreadable)
     */
    record Thumbnail(String id, String label, Corruption corruption, double weight, BufferedImage image) {
    }

    /**
     * What the figure shows.
     *
     * @param clean final weights of the clean samples (empty when the corruption is unknown)
     * @param corrupted final weights of the corrupted samples (empty when unknown)
     * @param all final weights of all samples
     * @param auc ROC AUC of weight for clean vs corrupted, NaN when not computable
     * @param classMeans mean final weight per class label, in display order
     * @param trajectories per group name (clean, corrupted, all): per epoch {mean, standard deviation}, NaN where no
     *            sample has a weight
     * @param thumbnails how many thumbnails each row has room for; 0 = no thumbnail rows
     * @param highest the samples with the highest final weights, highest first
     * @param lowest the samples with the lowest final weights, lowest first
     */
    record Data(double[] clean, double[] corrupted, double[] all, double auc, Map<String, Double> classMeans,
        Map<String, double[][]> trajectories, int thumbnails, List<Thumbnail> highest, List<Thumbnail> lowest) {
    }

    /** Height of the figure: the chart row, plus two thumbnail rows when thumbnails are asked for. */
    static int height(final Data d) {
        return CHART_HEIGHT + (d.thumbnails() > 0 ? 2 * THUMB_ROW + 20 : 0);
    }

    static BufferedImage draw(final Data d) {
        return draw(d, WeightCharts.charts(d));
    }

    /** Draws the given charts (those of {@link WeightCharts#charts}) and the thumbnails of {@code d}. */
    static BufferedImage draw(final Data d, final List<JFreeChart> charts) {
        final BufferedImage img = new BufferedImage(WIDTH, height(d), BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            final double w = WIDTH / (double)charts.size();
            for (int k = 0; k < charts.size(); k++) {
                charts.get(k).draw(g, new Rectangle2D.Double(k * w, 0, w, CHART_HEIGHT));
            }
            if (d.thumbnails() > 0) {
                row(g, HIGHEST, d.highest(), CHART_HEIGHT + 10);
                row(g, LOWEST, d.lowest(), CHART_HEIGHT + 10 + THUMB_ROW);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Left edge of the {@code k}-th thumbnail of a row. */
    static int thumbX(final int k) {
        return LABEL_WIDTH + k * THUMB_STEP;
    }

    /** Top edge of the thumbnails of the highest ({@code row} 0) or lowest (1) weights. */
    static int thumbY(final int row) {
        return CHART_HEIGHT + 10 + row * THUMB_ROW;
    }

    private static void row(final Graphics2D g, final String title, final List<Thumbnail> thumbs, final int y) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 12, y + THUMB / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (thumbs.isEmpty()) {
            g.drawString("no sample with a weight", LABEL_WIDTH, y + THUMB / 2);
        }
        for (int k = 0; k < thumbs.size(); k++) {
            final Thumbnail t = thumbs.get(k);
            final int x = thumbX(k);
            if (t.image() != null) {
                final BufferedImage im = t.image();
                final double s = Math.min(THUMB / (double)im.getWidth(), THUMB / (double)im.getHeight());
                final int tw = Math.max(1, (int)Math.round(im.getWidth() * s));
                final int th = Math.max(1, (int)Math.round(im.getHeight() * s));
                g.drawImage(im, x + (THUMB - tw) / 2, y + (THUMB - th) / 2, tw, th, null);
            } else {
                g.setColor(new Color(0xe0e0e0));
                g.fillRect(x, y, THUMB, THUMB);
                g.setColor(Color.DARK_GRAY);
                g.drawString("no image", x + 24, y + THUMB / 2 + 4);
            }
            g.setColor(frame(t.corruption()));
            g.setStroke(new BasicStroke(3f));
            g.drawRect(x - 2, y - 2, THUMB + 3, THUMB + 3);
            g.setColor(Color.BLACK);
            g.drawString(String.format(java.util.Locale.ROOT, "%.3f", t.weight()) + " " + clip(t.label(), 9), x,
                y + THUMB + 17);
            g.setColor(Color.DARK_GRAY);
            g.drawString(clip(t.id(), 15), x, y + THUMB + 32);
        }
    }

    private static Color frame(final Corruption c) {
        if (c == Corruption.NONE) {
            return WeightCharts.CLEAN;
        }
        return c == Corruption.UNKNOWN ? WeightCharts.ALL : WeightCharts.CORRUPTED;
    }

    private static String clip(final String s, final int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
