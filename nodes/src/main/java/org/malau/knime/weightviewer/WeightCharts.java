package org.malau.knime.weightviewer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The three charts of the sample-weight figure, built with JFreeChart from {@link WeightFigure.Data}: a histogram of
 * the final weights of clean and corrupted samples (all samples when the corruption is unknown) titled with the ROC
 * AUC, the mean final weight per class, and the mean weight per epoch with a band of one standard deviation per group.
 * Knows nothing of KNIME.
 */
final class WeightCharts {
    static final String HISTOGRAM_TITLE = "Final sample weights";
    static final String CLASS_TITLE = "Mean final weight per class";
    static final String TRAJECTORY_TITLE = "Mean weight per epoch (\u00b1 1 SD)";

    static final Color CLEAN = new Color(0x1565c0);
    static final Color CORRUPTED = new Color(0xc62828);
    static final Color ALL = new Color(0x555555);

    /** Histogram bins over the range of the final weights. */
    static final int BINS = 20;

    private WeightCharts() {
    }

    /** The histogram, the class means and the trajectories, in this order. */
    static List<JFreeChart> charts(final WeightFigure.Data d) {
        return List.of(histogram(d), classMeans(d), trajectories(d));
    }

    static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Colour of a group (clean, corrupted, all) in every chart and around the thumbnails. */
    static Color colour(final String group) {
        if (group.startsWith("clean")) {
            return CLEAN;
        }
        return group.startsWith("corrupted") ? CORRUPTED : ALL;
    }

    private static JFreeChart histogram(final WeightFigure.Data d) {
        final boolean split = d.clean().length > 0 || d.corrupted().length > 0;
        final HistogramDataset data = new HistogramDataset();
        final double[] r = range(d.all());
        if (split) {
            data.addSeries("clean", d.clean(), BINS, r[0], r[1]);
            data.addSeries("corrupted", d.corrupted(), BINS, r[0], r[1]);
        } else {
            data.addSeries("all", d.all(), BINS, r[0], r[1]);
        }
        final String title = HISTOGRAM_TITLE + (Double.isNaN(d.auc()) ? "" : ", ROC AUC " + fmt(d.auc()));
        final JFreeChart chart = ChartFactory.createHistogram(title, "final weight", "samples", data,
            PlotOrientation.VERTICAL, true, false, false);
        final XYPlot plot = chart.getXYPlot();
        final XYBarRenderer renderer = (XYBarRenderer)plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            final Color c = colour(data.getSeriesKey(s).toString());
            renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
        }
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return style(chart);
    }

    private static JFreeChart classMeans(final WeightFigure.Data d) {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (final Map.Entry<String, Double> e : d.classMeans().entrySet()) {
            data.addValue(e.getValue(), "mean final weight", e.getKey());
        }
        final JFreeChart chart = ChartFactory.createBarChart(CLASS_TITLE, "class", "mean weight", data,
            PlotOrientation.VERTICAL, false, false, false);
        final CategoryPlot plot = chart.getCategoryPlot();
        final BarRenderer renderer = (BarRenderer)plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ALL);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return style(chart);
    }

    private static JFreeChart trajectories(final WeightFigure.Data d) {
        final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (final Map.Entry<String, double[][]> e : d.trajectories().entrySet()) {
            final YIntervalSeries s = new YIntervalSeries(e.getKey());
            final double[][] t = e.getValue();
            for (int epoch = 0; epoch < t.length; epoch++) {
                if (!Double.isNaN(t[epoch][0])) {
                    final double sd = Double.isNaN(t[epoch][1]) ? 0 : t[epoch][1];
                    s.add(epoch + 1, t[epoch][0], t[epoch][0] - sd, t[epoch][0] + sd);
                }
            }
            data.addSeries(s);
        }
        final JFreeChart chart = ChartFactory.createXYLineChart(TRAJECTORY_TITLE, "epoch", "weight", data,
            PlotOrientation.VERTICAL, true, false, false);
        final XYPlot plot = chart.getXYPlot();
        final DeviationRenderer renderer = new DeviationRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            final Color c = colour(data.getSeriesKey(s).toString());
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesFillPaint(s, c);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        renderer.setAlpha(0.2f);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis)plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return style(chart);
    }

    private static JFreeChart style(final JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getPlot().setBackgroundPaint(new Color(0xf4f4f4));
        return chart;
    }

    /** The histogram's range: the values' extent, widened when all values are equal or there are none. */
    static double[] range(final double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (final double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) {
            return new double[]{0, 1};
        }
        if (lo == hi) {
            return new double[]{lo - 0.05, hi + 0.05};
        }
        return new double[]{lo, hi};
    }
}
