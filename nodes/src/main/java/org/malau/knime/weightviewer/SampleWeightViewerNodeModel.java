package org.malau.knime.weightviewer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.malau.data.Corruption;
import org.malau.eval.RocAuc;

/**
 * Shows the per-sample weights a MAL learner logged (the engine's {@code SampleWeightLog}: set, id,
 * subject, label, corruption, one weight column per epoch): a figure as a PNG image port, drawn by
 * {@link WeightFigure}, and a summary table with the ROC AUC of the final weight as a clean-vs-corrupted
 * score (the engine's {@link RocAuc}), the mean weights of clean and corrupted samples and per class.
 */
public class SampleWeightViewerNodeModel extends NodeModel {
    /** Summary columns. */
    static final String STATISTIC_COLUMN = "statistic";
    static final String VALUE_COLUMN = "value";
    static final String SAMPLES_COLUMN = "samples";
    /** Summary rows (row ID = statistic). */
    static final String AUC_ROW = "ROC AUC clean vs corrupted";
    static final String MEAN_ALL_ROW = "mean weight all";
    static final String MEAN_CLEAN_ROW = "mean weight clean";
    static final String MEAN_CORRUPTED_ROW = "mean weight corrupted";
    static final String MEAN_PREFIX = "mean weight ";
    static final String MEAN_CLASS_PREFIX = "mean weight class ";

    private static final NodeLogger LOGGER = NodeLogger.getLogger(SampleWeightViewerNodeModel.class);

    /** File of the figure in the node's internals folder, for the view after a workflow is reopened. */
    static final String FIGURE_FILE = "figure.png";

    private static final String CFG_SET_COLUMN = "set_column";
    private static final String CFG_SET_VALUE = "set_value";
    private static final String CFG_LABEL_COLUMN = "label_column";
    private static final String CFG_CORRUPTION_COLUMN = "corruption_column";
    private static final String CFG_WEIGHT_PREFIX = "weight_prefix";

    private final SettingsModelString m_setColumn = createSetColumnSettingsModel();
    private final SettingsModelString m_setValue = createSetValueSettingsModel();
    private final SettingsModelString m_labelColumn = createLabelColumnSettingsModel();
    private final SettingsModelString m_corruptionColumn = createCorruptionColumnSettingsModel();
    private final SettingsModelString m_weightPrefix = createWeightPrefixSettingsModel();

    /** The last figure drawn, for the view; null before execution and after reset. */
    private BufferedImage m_figure;

    /** The weight table in; the figure and the summary table out. */
    protected SampleWeightViewerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{ImagePortObject.TYPE, BufferedDataTable.TYPE});
    }

    // the defaults mirror the column names of the engine's SampleWeightLog
    static SettingsModelString createSetColumnSettingsModel() {
        return new SettingsModelString(CFG_SET_COLUMN, "set");
    }

    static SettingsModelString createSetValueSettingsModel() {
        return new SettingsModelString(CFG_SET_VALUE, "fe");
    }

    static SettingsModelString createLabelColumnSettingsModel() {
        return new SettingsModelString(CFG_LABEL_COLUMN, "label");
    }

    static SettingsModelString createCorruptionColumnSettingsModel() {
        return new SettingsModelString(CFG_CORRUPTION_COLUMN, "corruption");
    }

    static SettingsModelString createWeightPrefixSettingsModel() {
        return new SettingsModelString(CFG_WEIGHT_PREFIX, "w_epoch");
    }

    /** Resolved column indices; set and corruption are -1 when not used; weights in epoch order. */
    private record Resolved(int set, int label, int corruption, int[] weights) {
    }

    private Resolved resolve(final DataTableSpec in) throws InvalidSettingsException {
        final String setName = m_setColumn.getStringValue();
        int set = -1;
        if (!setName.isEmpty() && !m_setValue.getStringValue().isEmpty()) {
            set = stringColumn(in, setName, "Set column");
        }
        final int label = stringColumn(in, m_labelColumn.getStringValue(), "Label column");
        final String corruptionName = m_corruptionColumn.getStringValue();
        int corruption = -1;
        if (!corruptionName.isEmpty() && in.containsName(corruptionName)) {
            corruption = stringColumn(in, corruptionName, "Corruption column");
        }
        final String prefix = m_weightPrefix.getStringValue();
        final Pattern p = Pattern.compile(Pattern.quote(prefix) + "\\s*(\\d+)");
        final TreeMap<Integer, Integer> byEpoch = new TreeMap<>();
        for (int i = 0; i < in.getNumColumns(); i++) {
            final String name = in.getColumnSpec(i).getName();
            final Matcher m = p.matcher(name);
            if (!m.matches()) {
                continue;
            }
            final DataType type = in.getColumnSpec(i).getType();
            if (!type.isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException(
                    "Weight column \"" + name + "\" holds " + type + "; it must hold numbers");
            }
            final Integer before = byEpoch.put(Integer.parseInt(m.group(1)), i);
            if (before != null) {
                throw new InvalidSettingsException("Weight columns \"" + in.getColumnSpec(before).getName()
                    + "\" and \"" + name + "\" are the same epoch");
            }
        }
        if (byEpoch.isEmpty()) {
            throw new InvalidSettingsException("The input table has no weight column named \"" + prefix
                + "<epoch>\" (e.g. \"" + prefix + "1\")");
        }
        return new Resolved(set, label, corruption, byEpoch.values().stream().mapToInt(Integer::intValue).toArray());
    }

    private static int stringColumn(final DataTableSpec in, final String name, final String what)
        throws InvalidSettingsException {
        if (name == null || name.isEmpty()) {
            throw new InvalidSettingsException(what + " is not set");
        }
        final int i = in.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException(what + " \"" + name + "\" is not in the input table");
        }
        if (!in.getColumnSpec(i).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException(
                what + " \"" + name + "\" holds " + in.getColumnSpec(i).getType() + "; it must hold strings");
        }
        return i;
    }

    static DataTableSpec summarySpec() {
        return new DataTableSpec(new DataColumnSpecCreator(STATISTIC_COLUMN, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(VALUE_COLUMN, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(SAMPLES_COLUMN, IntCell.TYPE).createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final Resolved r = resolve((DataTableSpec)inSpecs[0]);
        if (r.corruption() < 0) {
            setWarningMessage("No corruption column \"" + m_corruptionColumn.getStringValue()
                + "\": clean and corrupted samples are not told apart, no ROC AUC");
        }
        return new PortObjectSpec[]{new ImagePortObjectSpec(PNGImageContent.TYPE), summarySpec()};
    }

    /** One sample: its class, corruption and weight per epoch (NaN = not drawn). */
    private record Sample(String label, Corruption corruption, double[] weights, double last) {
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable in = (BufferedDataTable)inObjects[0];
        final Resolved r = resolve(in.getDataTableSpec());
        final String setValue = m_setValue.getStringValue();
        final List<Sample> samples = new ArrayList<>();
        int unweighted = 0;
        long done = 0;
        final long total = in.size();
        for (final DataRow row : in) {
            exec.checkCanceled();
            exec.setProgress(++done / (double)total, "Reading row " + done + " of " + total);
            if (r.set() >= 0) {
                final DataCell s = row.getCell(r.set());
                if (s.isMissing() || !((StringValue)s).getStringValue().trim().equalsIgnoreCase(setValue.trim())) {
                    continue;
                }
            }
            final double[] w = new double[r.weights().length];
            double last = Double.NaN;
            for (int e = 0; e < w.length; e++) {
                final DataCell c = row.getCell(r.weights()[e]);
                w[e] = c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue();
                if (!Double.isNaN(w[e])) {
                    last = w[e];
                }
            }
            if (Double.isNaN(last)) {
                unweighted++;
                continue;
            }
            final DataCell l = row.getCell(r.label());
            final String label = l.isMissing() ? "(missing)" : ((StringValue)l).getStringValue();
            samples.add(new Sample(label, corruption(row, r.corruption()), w, last));
        }
        final Summary s = summarise(samples, r.weights().length, r.corruption() >= 0);

        final BufferedImage figure = WeightFigure.draw(s.figure());
        final ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(figure, "png", png);
        final ImagePortObject image = new ImagePortObject(new PNGImageContent(png.toByteArray()),
            new ImagePortObjectSpec(PNGImageContent.TYPE));

        final BufferedDataContainer c = exec.createDataContainer(summarySpec());
        for (final Map.Entry<String, double[]> e : s.rows().entrySet()) {
            final double v = e.getValue()[0];
            c.addRowToTable(new DefaultRow(e.getKey(), new StringCell(e.getKey()),
                Double.isNaN(v) ? new MissingCell("no samples to compute it from") : new DoubleCell(v),
                new IntCell((int)e.getValue()[1])));
        }
        c.close();
        setWarningMessage(warning(samples.size(), unweighted, r, s));
        m_figure = figure;
        return new PortObject[]{image, c.getTable()};
    }

    private static Corruption corruption(final DataRow row, final int column) {
        if (column < 0 || row.getCell(column).isMissing()) {
            return Corruption.UNKNOWN;
        }
        final String s = ((StringValue)row.getCell(column)).getStringValue();
        try {
            return Corruption.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\": " + e.getMessage(), e);
        }
    }

    /** Figure data and summary rows (statistic to {value, samples}). */
    private record Summary(WeightFigure.Data figure, Map<String, double[]> rows, int clean, int corrupted) {
    }

    private static Summary summarise(final List<Sample> samples, final int epochs, final boolean corruptionKnown) {
        final List<Sample> clean = new ArrayList<>();
        final List<Sample> corrupted = new ArrayList<>();
        final Map<Corruption, List<Sample>> byKind = new TreeMap<>();
        final Map<String, List<Sample>> byClass = new TreeMap<>();
        for (final Sample s : samples) {
            if (s.corruption() == Corruption.NONE) {
                clean.add(s);
            } else if (s.corruption() != Corruption.UNKNOWN) {
                corrupted.add(s);
                byKind.computeIfAbsent(s.corruption(), k -> new ArrayList<>()).add(s);
            }
            byClass.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(s);
        }
        final List<Sample> known = new ArrayList<>(clean);
        known.addAll(corrupted);
        final double[] score = known.stream().mapToDouble(Sample::last).toArray();
        final boolean[] positive = new boolean[known.size()];
        for (int k = 0; k < clean.size(); k++) {
            positive[k] = true;
        }
        final double auc = RocAuc.of(score, positive);

        final Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put(AUC_ROW, new double[]{auc, known.size()});
        rows.put(MEAN_ALL_ROW, new double[]{mean(samples), samples.size()});
        rows.put(MEAN_CLEAN_ROW, new double[]{mean(clean), clean.size()});
        rows.put(MEAN_CORRUPTED_ROW, new double[]{mean(corrupted), corrupted.size()});
        for (final Map.Entry<Corruption, List<Sample>> e : byKind.entrySet()) {
            rows.put(MEAN_PREFIX + e.getKey().label(), new double[]{mean(e.getValue()), e.getValue().size()});
        }
        final Map<String, Double> classMeans = new LinkedHashMap<>();
        for (final Map.Entry<String, List<Sample>> e : byClass.entrySet()) {
            final double m = mean(e.getValue());
            rows.put(MEAN_CLASS_PREFIX + e.getKey(), new double[]{m, e.getValue().size()});
            classMeans.put(e.getKey(), m);
        }
        final Map<String, double[][]> trajectories = new LinkedHashMap<>();
        if (corruptionKnown && !known.isEmpty()) {
            trajectories.put("clean", trajectory(clean, epochs));
            trajectories.put("corrupted", trajectory(corrupted, epochs));
        } else {
            trajectories.put("all", trajectory(samples, epochs));
        }
        final WeightFigure.Data fig = new WeightFigure.Data(lasts(clean), lasts(corrupted), lasts(samples), auc,
            classMeans, trajectories);
        return new Summary(fig, rows, clean.size(), corrupted.size());
    }

    private static double[] lasts(final List<Sample> s) {
        return s.stream().mapToDouble(Sample::last).toArray();
    }

    private static double mean(final List<Sample> s) {
        return s.isEmpty() ? Double.NaN : s.stream().mapToDouble(Sample::last).average().orElse(Double.NaN);
    }

    /** Per epoch {mean, standard deviation} over the samples drawn in it. */
    private static double[][] trajectory(final List<Sample> samples, final int epochs) {
        final double[][] t = new double[epochs][];
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (final Sample s : samples) {
                final double v = s.weights()[e];
                if (!Double.isNaN(v)) {
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
            final double m = n == 0 ? Double.NaN : sum / n;
            t[e] = new double[]{m, n == 0 ? Double.NaN : Math.sqrt(Math.max(0, sq / n - m * m))};
        }
        return t;
    }

    private String warning(final int samples, final int unweighted, final Resolved r, final Summary s) {
        final List<String> w = new ArrayList<>();
        if (samples == 0) {
            w.add("No sample with a weight" + (r.set() >= 0 ? " in set \"" + m_setValue.getStringValue() + "\"" : "")
                + "; the figure is empty");
        }
        if (unweighted > 0) {
            w.add(unweighted + " samples without any weight were skipped");
        }
        if (r.corruption() < 0) {
            w.add("No corruption column \"" + m_corruptionColumn.getStringValue()
                + "\": clean and corrupted samples are not told apart, no ROC AUC");
        } else if (samples > 0 && (s.clean() == 0 || s.corrupted() == 0)) {
            w.add("No ROC AUC: " + (s.clean() == 0 ? "no clean" : "no corrupted") + " sample with a known corruption");
        }
        if (w.isEmpty()) {
            return null;
        }
        final String msg = String.join("; ", w);
        LOGGER.warn(msg);
        return msg;
    }

    /** The figure of the last execution, or null. */
    BufferedImage figure() {
        return m_figure;
    }

    @Override
    protected void reset() {
        m_figure = null;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_setColumn.saveSettingsTo(settings);
        m_setValue.saveSettingsTo(settings);
        m_labelColumn.saveSettingsTo(settings);
        m_corruptionColumn.saveSettingsTo(settings);
        m_weightPrefix.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_setColumn.validateSettings(settings);
        m_setValue.validateSettings(settings);
        m_labelColumn.validateSettings(settings);
        m_corruptionColumn.validateSettings(settings);
        final SettingsModelString prefix = createWeightPrefixSettingsModel();
        prefix.validateSettings(settings);
        prefix.loadSettingsFrom(settings);
        if (prefix.getStringValue().isEmpty()) {
            throw new InvalidSettingsException("The weight column prefix must not be empty");
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_setColumn.loadSettingsFrom(settings);
        m_setValue.loadSettingsFrom(settings);
        m_labelColumn.loadSettingsFrom(settings);
        m_corruptionColumn.loadSettingsFrom(settings);
        m_weightPrefix.loadSettingsFrom(settings);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        final File f = new File(nodeInternDir, FIGURE_FILE);
        m_figure = f.isFile() ? ImageIO.read(f) : null;
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        // KNIME saves the output ports; the view's figure is kept here
        if (m_figure != null) {
            ImageIO.write(m_figure, "png", new File(nodeInternDir, FIGURE_FILE));
        }
    }
}
