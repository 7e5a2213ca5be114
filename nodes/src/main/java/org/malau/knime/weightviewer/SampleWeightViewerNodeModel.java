package org.malau.knime.weightviewer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.malau.data.Corruption;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;
import org.malau.knime.common.ImageCrops;
import org.malau.knime.common.WeightTable;
import org.malau.eval.WeightSummary;
import org.malau.eval.WeightSummary.Group;
import org.malau.eval.WeightSummary.Weight;

/**
 * Shows the per-sample weights a MAL learner logged (the engine's {@code SampleWeightLog}, as {@link WeightTable}
 * lays it out: set, id, subject, label, corruption and either an epoch and a weight column, one row per sample and
 * epoch, or one weight column per epoch): a figure as a PNG image port ({@link WeightCharts}
 * drawn with JFreeChart and laid out with thumbnails of the highest and lowest weighted samples by
 * {@link WeightFigure}; the images come from an optional image table joined by sample id), and a summary table
 * with the ROC AUC of the final weight as a clean-vs-corrupted score (the engine's {@link WeightSummary}), the mean
 * weights of clean and corrupted samples and per class.
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
    private static final String CFG_ID_COLUMN = "id_column";
    private static final String CFG_IMAGE_COLUMN = "image_column";
    private static final String CFG_THUMBNAILS = "thumbnails";
    private static final String CFG_EPOCH_COLUMN = "epoch_column";
    private static final String CFG_WEIGHT_COLUMN = "weight_column";

    /** Input ports: the weights, and the images for the thumbnails (optional). */
    static final int WEIGHT_PORT = 0;
    static final int IMAGE_PORT = 1;

    private final SettingsModelString m_setColumn = createSetColumnSettingsModel();
    private final SettingsModelString m_setValue = createSetValueSettingsModel();
    private final SettingsModelString m_labelColumn = createLabelColumnSettingsModel();
    private final SettingsModelString m_corruptionColumn = createCorruptionColumnSettingsModel();
    private final SettingsModelString m_weightPrefix = createWeightPrefixSettingsModel();
    private final SettingsModelString m_idColumn = createIdColumnSettingsModel();
    private final SettingsModelString m_imageColumn = createImageColumnSettingsModel();
    private final SettingsModelIntegerBounded m_thumbnails = createThumbnailsSettingsModel();
    private final SettingsModelString m_epochColumn = createEpochColumnSettingsModel();
    private final SettingsModelString m_weightColumn = createWeightColumnSettingsModel();

    /** The last figure drawn, for the view; null before execution and after reset. */
    private BufferedImage m_figure;

    /** What the last figure shows; null before execution, after reset and after reopening (only the image is kept). */
    private WeightFigure.Data m_figureData;

    /** The weight table and an optional image table in; the figure and the summary table out. */
    protected SampleWeightViewerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{ImagePortObject.TYPE, BufferedDataTable.TYPE});
    }

    // the defaults are the learner's weight table's columns; a null (or empty) optional column is not used
    static SettingsModelString createSetColumnSettingsModel() {
        return new SettingsModelString(CFG_SET_COLUMN, WeightTable.SET);
    }

    static SettingsModelString createSetValueSettingsModel() {
        return new SettingsModelString(CFG_SET_VALUE, "fe");
    }

    static SettingsModelString createLabelColumnSettingsModel() {
        return new SettingsModelString(CFG_LABEL_COLUMN, WeightTable.LABEL);
    }

    static SettingsModelString createCorruptionColumnSettingsModel() {
        return new SettingsModelString(CFG_CORRUPTION_COLUMN, WeightTable.CORRUPTION);
    }

    static SettingsModelString createWeightPrefixSettingsModel() {
        return new SettingsModelString(CFG_WEIGHT_PREFIX, WeightTable.WEIGHT_PREFIX);
    }

    static SettingsModelString createIdColumnSettingsModel() {
        return new SettingsModelString(CFG_ID_COLUMN, WeightTable.ID);
    }

    static SettingsModelString createImageColumnSettingsModel() {
        // empty: the image table's first PNG column, else its "image" path column
        return new SettingsModelString(CFG_IMAGE_COLUMN, "");
    }

    static SettingsModelIntegerBounded createThumbnailsSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_THUMBNAILS, 6, 0, WeightFigure.MAX_THUMBNAILS);
    }

    static SettingsModelString createEpochColumnSettingsModel() {
        return new SettingsModelString(CFG_EPOCH_COLUMN, WeightTable.EPOCH);
    }

    static SettingsModelString createWeightColumnSettingsModel() {
        return new SettingsModelString(CFG_WEIGHT_COLUMN, WeightTable.WEIGHT);
    }

    /** The settings added after release 0.1; older workflows get their defaults. */
    private List<SettingsModelString> addedSettings() {
        return List.of(m_epochColumn, m_weightColumn);
    }

    private static boolean unset(final String column) {
        return column == null || column.isEmpty();
    }

    /**
     * Resolved column indices; set, corruption and id are -1 when not used (id: the row ID then); epoch and weight
     * are the long layout's columns, -1 for the wide layout, whose weight columns are {@code wide} by epoch number;
     * image is the image table's column, -1 without an image table.
     */
    private record Resolved(int set, int label, int corruption, int epoch, int weight, TreeMap<Integer, Integer> wide,
        int id, int image, boolean paths) {
        boolean isLong() {
            return epoch >= 0;
        }
    }

    private Resolved resolve(final DataTableSpec in, final DataTableSpec images) throws InvalidSettingsException {
        final String setName = m_setColumn.getStringValue();
        int set = -1;
        if (!unset(setName) && !unset(m_setValue.getStringValue())) {
            set = stringColumn(in, setName, "Set column");
        }
        final int label = stringColumn(in, m_labelColumn.getStringValue(), "Label column");
        final String corruptionName = m_corruptionColumn.getStringValue();
        int corruption = -1;
        if (!unset(corruptionName) && in.containsName(corruptionName)) {
            corruption = stringColumn(in, corruptionName, "Corruption column");
        }
        final String idName = m_idColumn.getStringValue();
        int id = -1;
        if (!unset(idName) && in.containsName(idName)) {
            id = stringColumn(in, idName, "ID column");
        }
        // the layout is the table's: an epoch column (chosen and present) makes it long, else weight columns are wide
        final String epochName = m_epochColumn.getStringValue();
        int epoch = -1;
        int weight = -1;
        TreeMap<Integer, Integer> wide = null;
        if (!unset(epochName) && in.containsName(epochName)) {
            epoch = in.findColumnIndex(epochName);
            if (!in.getColumnSpec(epoch).getType().isCompatible(LongValue.class)) {
                throw new InvalidSettingsException("Epoch column \"" + epochName + "\" holds "
                    + in.getColumnSpec(epoch).getType() + "; it must hold epoch numbers (integers)");
            }
            final String weightName = m_weightColumn.getStringValue();
            if (unset(weightName)) {
                throw new InvalidSettingsException("The weight table has the epoch column \"" + epochName
                    + "\" (one row per sample and epoch): choose its weight column");
            }
            weight = in.findColumnIndex(weightName);
            if (weight < 0) {
                throw new InvalidSettingsException("Weight column \"" + weightName + "\" is not in the weight table");
            }
            if (!in.getColumnSpec(weight).getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("Weight column \"" + weightName + "\" holds "
                    + in.getColumnSpec(weight).getType() + "; it must hold numbers");
            }
            if (id < 0) {
                throw new InvalidSettingsException("A weight table with one row per sample and epoch needs its ID "
                    + "column to tell the samples apart; " + (unset(idName) ? "choose the ID column"
                        : "ID column \"" + idName + "\" is not in the weight table"));
            }
        } else {
            wide = wideColumns(in);
        }
        if (id < 0 && images != null && m_thumbnails.getIntValue() > 0) {
            throw new InvalidSettingsException((unset(idName) ? "The ID column is not set"
                : "ID column \"" + idName + "\" is not in the weight table")
                + "; it joins the samples to the image table's row IDs");
        }
        int image = -1;
        boolean paths = false;
        if (images != null) {
            image = images.findColumnIndex(imageColumn(images));
            paths = !images.getColumnSpec(image).getType().isCompatible(PNGImageValue.class);
        }
        return new Resolved(set, label, corruption, epoch, weight, wide, id, image, paths);
    }

    /** The wide layout's weight columns by epoch number: number columns named the prefix, spaces and the epoch. */
    private TreeMap<Integer, Integer> wideColumns(final DataTableSpec in) throws InvalidSettingsException {
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
            throw new InvalidSettingsException("The weight table has neither an epoch column \""
                + m_epochColumn.getStringValue() + "\" (one row per sample and epoch) nor weight columns named \""
                + prefix + "<epoch>\" (e.g. \"" + prefix + "1\")");
        }
        return byEpoch;
    }

    /** The image table's image column: the chosen one, else its first PNG column, else its "image" path column. */
    private String imageColumn(final DataTableSpec images) throws InvalidSettingsException {
        final String name = m_imageColumn.getStringValue();
        if (!unset(name)) {
            final int i = images.findColumnIndex(name);
            if (i < 0) {
                throw new InvalidSettingsException("Image column \"" + name + "\" is not in the image table");
            }
            final DataType type = images.getColumnSpec(i).getType();
            if (!type.isCompatible(PNGImageValue.class) && !type.isCompatible(StringValue.class)) {
                throw new InvalidSettingsException("Image column \"" + name + "\" of the image table holds " + type
                    + "; it must hold PNG images or image file paths (strings)");
            }
            return name;
        }
        for (final DataColumnSpec col : images) {
            if (col.getType().isCompatible(PNGImageValue.class)) {
                return col.getName();
            }
        }
        if (images.containsName(FaceTableLayout.IMAGE_COLUMN)
            && images.getColumnSpec(FaceTableLayout.IMAGE_COLUMN).getType().isCompatible(StringValue.class)) {
            return FaceTableLayout.IMAGE_COLUMN;
        }
        throw new InvalidSettingsException("The image table has no PNG image column and no \""
            + FaceTableLayout.IMAGE_COLUMN + "\" path column; choose the image column");
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
        final Resolved r = resolve((DataTableSpec)inSpecs[WEIGHT_PORT],
            inSpecs.length > IMAGE_PORT ? (DataTableSpec)inSpecs[IMAGE_PORT] : null);
        if (r.corruption() < 0) {
            setWarningMessage("No corruption column \"" + m_corruptionColumn.getStringValue()
                + "\": clean and corrupted samples are not told apart, no ROC AUC");
        }
        return new PortObjectSpec[]{new ImagePortObjectSpec(PNGImageContent.TYPE), summarySpec()};
    }

    /**
     * One sample: its id, class, corruption, weight by epoch number (only the epochs it was drawn in with a finite
     * weight) and its final weight, the one of the last of those epochs (NaN when there is none).
     */
    private record Sample(String id, String label, Corruption corruption, TreeMap<Integer, Double> weights) {
        double last() {
            return weights.isEmpty() ? Double.NaN : weights.lastEntry().getValue();
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        return EngineErrors.call(() -> executeGuarded(inObjects, exec));
    }

    private PortObject[] executeGuarded(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable in = (BufferedDataTable)inObjects[WEIGHT_PORT];
        final BufferedDataTable images =
            inObjects.length > IMAGE_PORT ? (BufferedDataTable)inObjects[IMAGE_PORT] : null;
        final Resolved r = resolve(in.getDataTableSpec(), images == null ? null : images.getDataTableSpec());
        final String setValue = m_setValue.getStringValue();
        // by row ID (wide: a row is a sample) or by set and ID (long: a row is a sample's epoch)
        final Map<String, Sample> read = new LinkedHashMap<>();
        int nonFinite = 0;
        int maxEpoch = 0;
        long done = 0;
        final long total = in.size();
        final ExecutionMonitor reading = exec.createSubProgress(images == null ? 0.8 : 0.6);
        for (final DataRow row : in) {
            exec.checkCanceled();
            reading.setProgress(++done / (double)total, "Reading row " + done + " of " + total);
            if (r.set() >= 0) {
                final DataCell s = row.getCell(r.set());
                if (s.isMissing() || !((StringValue)s).getStringValue().trim().equalsIgnoreCase(setValue.trim())) {
                    continue;
                }
            }
            final DataCell idCell = r.id() < 0 ? null : row.getCell(r.id());
            final String id = idCell == null ? row.getKey().getString()
                : idCell.isMissing() ? "" : ((StringValue)idCell).getStringValue();
            final String key = r.isLong()
                ? (r.set() >= 0 ? ((StringValue)row.getCell(r.set())).getStringValue() : "") + "\u0000" + id
                : row.getKey().getString();
            Sample sample = read.get(key);
            if (sample == null) {
                final DataCell l = row.getCell(r.label());
                final String label = l.isMissing() ? "(missing)" : ((StringValue)l).getStringValue();
                sample = new Sample(id, label, corruption(row, r.corruption()), new TreeMap<>());
                read.put(key, sample);
            }
            if (r.isLong()) {
                final DataCell e = row.getCell(r.epoch());
                if (e.isMissing()) {
                    continue;
                }
                final long epoch = ((LongValue)e).getLongValue();
                if (epoch < 1 || epoch > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("Row \"" + row.getKey() + "\": epoch " + epoch
                        + " is no epoch number (1 or more)");
                }
                nonFinite += add(sample, (int)epoch, row.getCell(r.weight()));
                maxEpoch = Math.max(maxEpoch, (int)epoch);
            } else {
                for (final Map.Entry<Integer, Integer> w : r.wide().entrySet()) {
                    nonFinite += add(sample, w.getKey(), row.getCell(w.getValue()));
                }
                maxEpoch = Math.max(maxEpoch, r.wide().lastKey());
            }
        }
        final List<Sample> samples = new ArrayList<>();
        int unweighted = 0;
        for (final Sample sample : read.values()) {
            if (sample.weights().isEmpty()) {
                unweighted++;
            } else {
                samples.add(sample);
            }
        }
        final int k = m_thumbnails.getIntValue();
        final List<Sample> highest = ExtremeWeights.highest(samples, Sample::last, k);
        final List<Sample> lowest = ExtremeWeights.lowest(samples, Sample::last, k);
        final Thumbs thumbs = images == null ? new Thumbs(Map.of(), 0, 0, null)
            : thumbnailImages(images, r, highest, lowest, exec.createSubProgress(0.2));
        final Summary s = summarise(samples, maxEpoch, r.corruption() >= 0, k,
            thumbnails(highest, thumbs.images()), thumbnails(lowest, thumbs.images()));

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
        setWarningMessage(warning(samples.size(), unweighted, nonFinite, r, s, thumbs, images != null && k > 0));
        m_figure = figure;
        m_figureData = s.figure();
        return new PortObject[]{image, c.getTable()};
    }

    /**
     * The decoded images of the thumbnail samples, by sample id, and what could not be shown.
     *
     * @param notFound how many thumbnail ids have no row in the image table
     * @param unreadable how many have a missing or unreadable image cell
     * @param firstProblem a message for the first of them, or null
     */
    private record Thumbs(Map<String, BufferedImage> images, int notFound, int unreadable, String firstProblem) {
    }

    private static Thumbs thumbnailImages(final BufferedDataTable images, final Resolved r, final List<Sample> highest,
        final List<Sample> lowest, final ExecutionMonitor exec) throws CanceledExecutionException {
        final Set<String> wanted = new LinkedHashSet<>();
        highest.forEach(t -> wanted.add(t.id()));
        lowest.forEach(t -> wanted.add(t.id()));
        final Map<String, BufferedImage> found = new HashMap<>();
        int unreadable = 0;
        String first = null;
        long done = 0;
        for (final DataRow row : images) {
            exec.checkCanceled();
            exec.setProgress(++done / (double)Math.max(1, images.size()), "Looking up thumbnail images");
            final String key = row.getKey().getString();
            if (!wanted.contains(key) || found.containsKey(key)) {
                continue;
            }
            final DataCell cell = row.getCell(r.image());
            try {
                if (cell.isMissing()) {
                    throw new IOException("the image cell is missing");
                }
                found.put(key, ImageCrops.image(cell, r.paths()));
            } catch (IOException e) {
                found.put(key, null);
                unreadable++;
                first = first != null ? first : "image table row \"" + key + "\": " + e.getMessage();
            }
        }
        int notFound = 0;
        for (final String id : wanted) {
            if (!found.containsKey(id)) {
                notFound++;
                first = first != null ? first : "no image table row with ID \"" + id + "\"";
            }
        }
        return new Thumbs(found, notFound, unreadable, first);
    }

    private static List<WeightFigure.Thumbnail> thumbnails(final List<Sample> samples,
        final Map<String, BufferedImage> images) {
        final List<WeightFigure.Thumbnail> t = new ArrayList<>();
        for (final Sample s : samples) {
            t.add(new WeightFigure.Thumbnail(s.id(), s.label(), s.corruption(), s.last(), images.get(s.id())));
        }
        return t;
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

    private static Summary summarise(final List<Sample> samples, final int epochs, final boolean corruptionKnown,
        final int thumbnails, final List<WeightFigure.Thumbnail> highest, final List<WeightFigure.Thumbnail> lowest) {
        // the engine's one summary of sample weights, on each sample's final weight (that of its last drawn epoch)
        final List<WeightSummary.Sample> in = new ArrayList<>();
        for (final Sample s : samples) {
            final double[] w = new double[epochs];
            Arrays.fill(w, Double.NaN);
            s.weights().forEach((epoch, v) -> w[epoch - 1] = v);
            in.add(new WeightSummary.Sample(s.label(), s.corruption(), w));
        }
        final WeightSummary ws = WeightSummary.of(in, epochs);
        final int clean = ws.weights(Weight.LAST, Group.CLEAN).length;
        final int corrupted = ws.weights(Weight.LAST, Group.CORRUPTED).length;
        final double auc = ws.auc(Weight.LAST);

        final Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put(AUC_ROW, new double[]{auc, clean + corrupted});
        rows.put(MEAN_ALL_ROW, new double[]{ws.mean(Weight.LAST, Group.ALL), samples.size()});
        rows.put(MEAN_CLEAN_ROW, new double[]{ws.mean(Weight.LAST, Group.CLEAN), clean});
        rows.put(MEAN_CORRUPTED_ROW, new double[]{ws.mean(Weight.LAST, Group.CORRUPTED), corrupted});
        for (final Corruption kind : ws.corruptionKinds()) {
            rows.put(MEAN_PREFIX + kind.label(),
                new double[]{ws.mean(Weight.LAST, kind), ws.weights(Weight.LAST, kind).length});
        }
        final Map<String, Double> classMeans = new LinkedHashMap<>();
        for (final Map.Entry<String, WeightSummary.ClassWeights> e : new TreeMap<>(ws.perClass(Weight.LAST))
            .entrySet()) {
            rows.put(MEAN_CLASS_PREFIX + e.getKey(), new double[]{e.getValue().all(), e.getValue().allCount()});
            classMeans.put(e.getKey(), e.getValue().all());
        }
        final Map<String, double[][]> trajectories = new LinkedHashMap<>();
        if (corruptionKnown && clean + corrupted > 0) {
            trajectories.put("clean", ws.trajectory(Group.CLEAN));
            trajectories.put("corrupted", ws.trajectory(Group.CORRUPTED));
        } else {
            trajectories.put("all", ws.trajectory(Group.ALL));
        }
        final WeightFigure.Data fig = new WeightFigure.Data(ws.weights(Weight.LAST, Group.CLEAN),
            ws.weights(Weight.LAST, Group.CORRUPTED), ws.weights(Weight.LAST, Group.ALL), auc, classMeans, trajectories,
            thumbnails, highest, lowest);
        return new Summary(fig, rows, clean, corrupted);
    }

    /**
     * Adds a weight cell to a sample: a missing cell means not drawn in that epoch; a cell that is there but no finite
     * number is counted and then treated as not drawn.
     *
     * @return 1 for a non-finite weight, else 0
     */
    private static int add(final Sample sample, final int epoch, final DataCell cell) {
        if (cell.isMissing()) {
            return 0;
        }
        final double w = ((DoubleValue)cell).getDoubleValue();
        if (!Double.isFinite(w)) {
            return 1;
        }
        sample.weights().put(epoch, w);
        return 0;
    }

    private String warning(final int samples, final int unweighted, final int nonFinite, final Resolved r,
        final Summary s, final Thumbs thumbs, final boolean thumbnailImages) {
        final List<String> w = new ArrayList<>();
        if (samples == 0) {
            w.add("No sample with a weight" + (r.set() >= 0 ? " in set \"" + m_setValue.getStringValue() + "\"" : "")
                + "; the figure is empty");
        }
        if (unweighted > 0) {
            w.add(unweighted + " samples without any weight were skipped");
        }
        if (nonFinite > 0) {
            w.add(nonFinite + " weight cells are not finite numbers (NaN or infinite) and count as not drawn");
        }
        if (thumbnailImages && thumbs.notFound() + thumbs.unreadable() > 0) {
            w.add((thumbs.notFound() + thumbs.unreadable()) + " thumbnail samples have no image (" + thumbs.notFound()
                + " without a row in the image table, " + thumbs.unreadable() + " unreadable; first: "
                + thumbs.firstProblem() + ")");
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

    /** What the figure of the last execution shows, or null (also after reopening a workflow). */
    WeightFigure.Data figureData() {
        return m_figureData;
    }

    @Override
    protected void reset() {
        m_figure = null;
        m_figureData = null;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_setColumn.saveSettingsTo(settings);
        m_setValue.saveSettingsTo(settings);
        m_labelColumn.saveSettingsTo(settings);
        m_corruptionColumn.saveSettingsTo(settings);
        m_weightPrefix.saveSettingsTo(settings);
        m_idColumn.saveSettingsTo(settings);
        m_imageColumn.saveSettingsTo(settings);
        m_thumbnails.saveSettingsTo(settings);
        addedSettings().forEach(m -> m.saveSettingsTo(settings));
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
        if (unset(prefix.getStringValue())) {
            throw new InvalidSettingsException("The weight column prefix must not be empty");
        }
        m_idColumn.validateSettings(settings);
        m_imageColumn.validateSettings(settings);
        m_thumbnails.validateSettings(settings);
        if (settings.containsKey(CFG_EPOCH_COLUMN)) {
            m_epochColumn.validateSettings(settings);
        }
        if (settings.containsKey(CFG_WEIGHT_COLUMN)) {
            m_weightColumn.validateSettings(settings);
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_setColumn.loadSettingsFrom(settings);
        m_setValue.loadSettingsFrom(settings);
        m_labelColumn.loadSettingsFrom(settings);
        m_corruptionColumn.loadSettingsFrom(settings);
        m_weightPrefix.loadSettingsFrom(settings);
        m_idColumn.loadSettingsFrom(settings);
        m_imageColumn.loadSettingsFrom(settings);
        m_thumbnails.loadSettingsFrom(settings);
        // absent from workflows of release 0.1, whose tables are wide: the defaults find no epoch column there
        m_epochColumn.loadSettingsFrom(settings.containsKey(CFG_EPOCH_COLUMN) ? settings
            : defaults(createEpochColumnSettingsModel()));
        m_weightColumn.loadSettingsFrom(settings.containsKey(CFG_WEIGHT_COLUMN) ? settings
            : defaults(createWeightColumnSettingsModel()));
    }

    private static org.knime.core.node.NodeSettings defaults(final SettingsModelString fresh) {
        final org.knime.core.node.NodeSettings s = new org.knime.core.node.NodeSettings("defaults");
        fresh.saveSettingsTo(s);
        return s;
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
