package org.malau.knime.weightviewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.cell;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.ImageIcon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.malau.knime.testing.NodeTesting;

class SampleWeightViewerNodeModelTest {

    static final class Probe extends SampleWeightViewerNodeModel {
        void saveTo(final Path dir) throws Exception {
            saveInternals(dir.toFile(), null);
        }

        void loadFrom(final Path dir) throws Exception {
            loadInternals(dir.toFile(), null);
        }

        void clear() {
            reset();
        }

        String warning() {
            return getWarningMessage();
        }

        int inPorts() {
            return getNrInPorts();
        }

        int outPorts() {
            return getNrOutPorts();
        }

        NodeTesting.SettingsAccess settings() {
            return NodeTesting.access(this::saveSettingsTo, this::validateSettings, this::loadValidatedSettingsFrom);
        }
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    private static ExecutionContext exec() {
        return NodeTesting.exec(new SampleWeightViewerNodeFactory(), new DefaultNodeProgressMonitor());
    }

    /** The columns of the engine's SampleWeightLog, with {@code epochs} weight columns, corruption optional. */
    private static DataTableSpec spec(final boolean corruption, final int epochs) {
        final List<DataColumnSpec> c = new ArrayList<>(List.of(col("set", StringCell.TYPE), col("id", StringCell.TYPE),
            col("subject", StringCell.TYPE), col("label", StringCell.TYPE)));
        if (corruption) {
            c.add(col("corruption", StringCell.TYPE));
        }
        for (int e = 1; e <= epochs; e++) {
            c.add(col("w_epoch" + e, DoubleCell.TYPE));
        }
        return new DataTableSpec(c.toArray(new DataColumnSpec[0]));
    }

    private static final class Rows {
        final DataTableSpec m_spec;
        final List<DataCell[]> m_rows = new ArrayList<>();

        Rows(final DataTableSpec spec) {
            m_spec = spec;
        }

        Rows add(final String set, final String label, final String corruption, final Double... weights) {
            final List<DataCell> c = new ArrayList<>(List.of(new StringCell(set), new StringCell("id" + m_rows.size()),
                new StringCell("s1"), new StringCell(label)));
            if (m_spec.containsName("corruption")) {
                c.add(corruption == null ? new MissingCell(null) : new StringCell(corruption));
            }
            for (final Double w : weights) {
                c.add(w == null ? new MissingCell(null) : new DoubleCell(w));
            }
            m_rows.add(c.toArray(new DataCell[0]));
            return this;
        }

        BufferedDataTable table() {
            final BufferedDataContainer c = exec().createDataContainer(m_spec);
            for (int i = 0; i < m_rows.size(); i++) {
                c.addRowToTable(new DefaultRow("Row" + i, m_rows.get(i)));
            }
            c.close();
            return c.getTable();
        }
    }

    private static PortObject[] run(final Probe m, final BufferedDataTable in) throws Exception {
        final PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{in.getDataTableSpec()});
        final PortObject[] out = m.execute(new PortObject[]{in}, exec());
        assertEquals(PNGImageContent.TYPE, ((ImagePortObjectSpec)specs[0]).getDataType());
        assertEquals(specs[1], ((BufferedDataTable)out[1]).getDataTableSpec());
        return out;
    }

    private static Double value(final BufferedDataTable t, final String statistic) {
        for (final DataRow r : rows(t)) {
            if (r.getKey().getString().equals(statistic)) {
                final DataCell c = cell(t, r, "value");
                return c.isMissing() ? null : ((DoubleValue)c).getDoubleValue();
            }
        }
        throw new AssertionError("no row " + statistic);
    }

    private static Integer samples(final BufferedDataTable t, final String statistic) {
        for (final DataRow r : rows(t)) {
            if (r.getKey().getString().equals(statistic)) {
                return integer(t, r, "samples");
            }
        }
        throw new AssertionError("no row " + statistic);
    }

    private static BufferedImage figure(final PortObject port) throws Exception {
        final DataCell c = ((ImagePortObject)port).toDataCell();
        final byte[] png = ((PNGImageValue)c).getImageContent().getByteArray();
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Rows separated(final boolean cleanHigh) {
        final double hi = cleanHigh ? 0.9 : 0.1;
        final double lo = cleanHigh ? 0.1 : 0.9;
        return new Rows(spec(true, 3)).add("fe", "happiness", "none", 0.5, 0.7, hi)
            .add("fe", "happiness", "none", 0.5, null, hi + 0.05).add("fe", "sadness", "label_noise", 0.5, 0.3, lo)
            .add("fe", "sadness", "unrelated", 0.5, 0.2, lo - 0.05).add("fe", "anger", null, 0.5, 0.5, 0.5)
            .add("au", "AU1+2", "none", 0.0, 0.0, 0.0).add("fe", "anger", "none", null, null, null);
    }

    @Test
    void portsAndConfigure() throws Exception {
        final Probe m = new Probe();
        assertEquals(2, m.inPorts());
        assertEquals(2, m.outPorts());
        final PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{spec(true, 2)});
        assertEquals(PNGImageContent.TYPE, ((ImagePortObjectSpec)specs[0]).getDataType());
        assertArrayEquals(new String[]{"statistic", "value", "samples"}, ((DataTableSpec)specs[1]).getColumnNames());
        assertNull(m.warning());
    }

    @Test
    void perfectSeparationGivesAucOneAndTheMeansByHand() throws Exception {
        final Probe m = new Probe();
        final PortObject[] out = run(m, separated(true).table());
        final BufferedDataTable t = (BufferedDataTable)out[1];
        assertEquals(1.0, value(t, "ROC AUC clean vs corrupted"), 1e-12);
        assertEquals(4, samples(t, "ROC AUC clean vs corrupted"));
        // final weight = last drawn epoch; the au row is filtered out, the never-drawn row skipped
        assertEquals((0.9 + 0.95) / 2, value(t, "mean weight clean"), 1e-12);
        assertEquals((0.1 + 0.05) / 2, value(t, "mean weight corrupted"), 1e-12);
        assertEquals(0.1, value(t, "mean weight label_noise"), 1e-12);
        assertEquals(0.05, value(t, "mean weight unrelated"), 1e-12);
        assertEquals((0.9 + 0.95 + 0.1 + 0.05 + 0.5) / 5, value(t, "mean weight all"), 1e-12);
        assertEquals(5, samples(t, "mean weight all"));
        assertEquals(0.5, value(t, "mean weight class anger"), 1e-12);
        assertEquals(1, samples(t, "mean weight class anger"));
        assertEquals(0.925, value(t, "mean weight class happiness"), 1e-12);
        assertEquals(0.075, value(t, "mean weight class sadness"), 1e-12);
        assertTrue(m.warning().contains("1 samples without any weight"), m.warning());
        final BufferedImage img = figure(out[0]);
        assertEquals(WeightFigure.WIDTH, img.getWidth());
        assertEquals(WeightFigure.CHART_HEIGHT + 2 * WeightFigure.THUMB_ROW + 20, img.getHeight());
        assertEquals(1500, img.getWidth());
        assertEquals(770, img.getHeight(), "charts and two rows of thumbnails");
    }

    @Test
    void reversedSeparationGivesAucZero() throws Exception {
        final BufferedDataTable t = (BufferedDataTable)run(new Probe(), separated(false).table())[1];
        assertEquals(0.0, value(t, "ROC AUC clean vs corrupted"), 1e-12);
    }

    @Test
    void withoutACorruptionColumnThereIsNoAucButAFigureAndMeans() throws Exception {
        final Probe m = new Probe();
        final Rows rows = new Rows(spec(false, 2)).add("FE", "happiness", null, 0.2, 0.4).add("fe", "fear", null,
            0.6, 0.8);
        final PortObject[] out = run(m, rows.table());
        final BufferedDataTable t = (BufferedDataTable)out[1];
        assertNull(value(t, "ROC AUC clean vs corrupted"));
        assertEquals(0, samples(t, "ROC AUC clean vs corrupted"));
        assertNull(value(t, "mean weight clean"));
        assertEquals(0.6, value(t, "mean weight all"), 1e-12);
        assertTrue(m.warning().contains("No corruption column"), m.warning());
        assertEquals(1500, figure(out[0]).getWidth());
    }

    @Test
    void emptySelectionGivesAnEmptyFigureAndAWarning() throws Exception {
        final Probe m = new Probe();
        final PortObject[] out = run(m, new Rows(spec(true, 1)).add("au", "AU1", "none", 1.0).table());
        assertEquals(770, figure(out[0]).getHeight());
        assertEquals(0, samples((BufferedDataTable)out[1], "mean weight all"));
        assertTrue(m.warning().contains("No sample with a weight in set \"fe\""), m.warning());
    }

    @Test
    void badInputsStopConfigureNamingTheColumn() {
        final Probe m = new Probe();
        String msg = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{new DataTableSpec(col("set", StringCell.TYPE),
                col("label", StringCell.TYPE))})).getMessage();
        assertTrue(msg.contains("w_epoch"), msg);
        msg = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{new DataTableSpec(col("set", StringCell.TYPE),
                col("label", StringCell.TYPE), col("w_epoch1", StringCell.TYPE))})).getMessage();
        assertTrue(msg.contains("\"w_epoch1\""), msg);
        msg = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{new DataTableSpec(col("set", StringCell.TYPE),
                col("w_epoch1", DoubleCell.TYPE))})).getMessage();
        assertTrue(msg.contains("\"label\""), msg);
        msg = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{new DataTableSpec(col("set", IntCell.TYPE),
                col("label", StringCell.TYPE), col("w_epoch1", DoubleCell.TYPE))})).getMessage();
        assertTrue(msg.contains("\"set\""), msg);
    }

    @Test
    void anUnknownCorruptionValueStopsExecutionNamingTheRow() throws Exception {
        final Probe m = new Probe();
        final BufferedDataTable in = new Rows(spec(true, 1)).add("fe", "x", "smudged", 1.0).table();
        m.configure(new PortObjectSpec[]{in.getDataTableSpec()});
        final Exception e = assertThrows(IllegalArgumentException.class,
            () -> m.execute(new PortObject[]{in}, exec()));
        assertTrue(e.getMessage().contains("Row0") && e.getMessage().contains("smudged"), e.getMessage());
    }

    @Test
    void otherPrefixAndAllSets() throws Exception {
        final Probe m = new Probe();
        final NodeSettings s = new NodeSettings("model");
        m.settings().save(s);
        final SettingsModelString prefix = SampleWeightViewerNodeModel.createWeightPrefixSettingsModel();
        prefix.setStringValue("epoch");
        prefix.saveSettingsTo(s);
        final SettingsModelString set = SampleWeightViewerNodeModel.createSetValueSettingsModel();
        set.setStringValue("");
        set.saveSettingsTo(s);
        m.settings().validate(s);
        m.settings().load(s);
        final DataTableSpec spec = new DataTableSpec(col("label", StringCell.TYPE), col("corruption",
            StringCell.TYPE), col("epoch 2", DoubleCell.TYPE), col("epoch 1", DoubleCell.TYPE));
        final BufferedDataContainer c = exec().createDataContainer(spec);
        c.addRowToTable(new DefaultRow("a", new StringCell("x"), new StringCell("none"), new MissingCell(null),
            new DoubleCell(0.3)));
        c.addRowToTable(new DefaultRow("b", new StringCell("x"), new StringCell("label_noise"), new DoubleCell(0.2),
            new DoubleCell(0.9)));
        c.close();
        final BufferedDataTable t = (BufferedDataTable)run(m, c.getTable())[1];
        // final weights: a 0.3 (epoch 2 not drawn), b 0.2 (epoch 2): clean above corrupted
        assertEquals(1.0, value(t, "ROC AUC clean vs corrupted"), 1e-12);
        assertEquals(0.3, value(t, "mean weight clean"), 1e-12);
    }

    @Test
    void emptyPrefixIsRejectedAndSettingsRoundTripAndAreDescribed() throws Exception {
        final Probe m = new Probe();
        final NodeSettings s = new NodeSettings("model");
        m.settings().save(s);
        final SettingsModelString prefix = SampleWeightViewerNodeModel.createWeightPrefixSettingsModel();
        prefix.setStringValue("");
        prefix.saveSettingsTo(s);
        assertThrows(InvalidSettingsException.class, () -> m.settings().validate(s));

        final NodeSettings saved = NodeTesting.roundTrip(new Probe().settings(), new Probe().settings());
        final long n = saved.keySet().stream().filter(k -> !k.endsWith("_Internals")).count();
        assertEquals(10, n);
        final javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        final org.w3c.dom.Document doc;
        try (java.io.InputStream in = SampleWeightViewerNodeFactory.class
            .getResourceAsStream("SampleWeightViewerNodeFactory.xml")) {
            doc = f.newDocumentBuilder().parse(in);
        }
        assertEquals(n, doc.getElementsByTagNameNS("*", "option").getLength());
        assertEquals(2, doc.getElementsByTagNameNS("*", "inPort").getLength());
        assertEquals(2, doc.getElementsByTagNameNS("*", "outPort").getLength());
    }

    @Test
    void theViewShowsTheFigureWhichSurvivesSavingAndIsClearedByReset(@TempDir final Path dir) throws Exception {
        final Probe m = new Probe();
        final SampleWeightViewerNodeFactory factory = new SampleWeightViewerNodeFactory();
        assertEquals(1, factory.getNrNodeViews());
        final SampleWeightViewerNodeView view = (SampleWeightViewerNodeView)factory.createNodeView(0, m);
        assertNull(view.m_label.getIcon());
        assertEquals(SampleWeightViewerNodeView.NOT_EXECUTED, view.m_label.getText());
        m.saveTo(dir);
        assertFalse(Files.exists(dir.resolve(SampleWeightViewerNodeModel.FIGURE_FILE)), "nothing to save yet");

        final PortObject[] out = run(m, separated(true).table());
        view.modelChanged();
        final ImageIcon icon = (ImageIcon)view.m_label.getIcon();
        assertEquals(1500, icon.getIconWidth());
        assertEquals(770, icon.getIconHeight());
        // the view shows the same image as the output port
        final BufferedImage port = figure(out[0]);
        assertEquals(port.getRGB(700, 250), m.figure().getRGB(700, 250));

        m.saveTo(dir);
        final Probe reopened = new Probe();
        reopened.loadFrom(dir);
        assertEquals(1500, reopened.figure().getWidth());
        assertEquals(port.getRGB(100, 100), reopened.figure().getRGB(100, 100));

        m.clear();
        view.modelChanged();
        assertNull(view.m_label.getIcon());
        final Probe fresh = new Probe();
        fresh.loadFrom(dir.resolve("missing"));
        assertNull(fresh.figure());
    }
    private static PortObject[] run(final Probe m, final BufferedDataTable in, final BufferedDataTable images)
        throws Exception {
        final PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{in.getDataTableSpec(),
            images == null ? null : images.getDataTableSpec()});
        final PortObject[] out = m.execute(new PortObject[]{in, images}, exec());
        assertEquals(specs[1], ((BufferedDataTable)out[1]).getDataTableSpec());
        return out;
    }

    private static void setting(final Probe m, final String key, final Object value) throws Exception {
        final NodeSettings s = new NodeSettings("model");
        m.settings().save(s);
        if (value instanceof Integer i) {
            s.addInt(key, i);
        } else {
            s.addString(key, (String)value);
        }
        m.settings().validate(s);
        m.settings().load(s);
    }

    /** Ten fe samples s0..s9 with final weights 0.05, 0.15, ... in a shuffled order; even ones clean. */
    private static final int[] ORDER = {3, 7, 0, 9, 5, 1, 8, 2, 6, 4};

    private static Rows tenSamples() {
        final Rows rows = new Rows(spec(true, 2));
        for (final int i : ORDER) {
            rows.add("fe", i % 3 == 0 ? "happiness" : "sadness", i % 2 == 0 ? "none" : "label_noise", 0.5,
                0.05 + 0.1 * i);
            rows.m_rows.get(rows.m_rows.size() - 1)[1] = new StringCell("s" + i);
        }
        return rows;
    }

    /** A solid 20x16 image whose grey level tells the sample. */
    private static int grey(final int i) {
        final int v = 20 + 20 * i;
        return v << 16 | v << 8 | v;
    }

    private static byte[] solidPng(final int rgb) throws Exception {
        final BufferedImage img = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 20; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Images s0..s9 keyed by sample ID, except those in {@code skip}; {@code missing} gets a missing cell. */
    private static BufferedDataTable images(final int missing, final int... skip) throws Exception {
        final BufferedDataContainer c =
            exec().createDataContainer(new DataTableSpec(col("image", PNGImageCellFactory.TYPE)));
        for (int i = 9; i >= 0; i--) {
            final int k = i;
            if (java.util.Arrays.stream(skip).anyMatch(x -> x == k)) {
                continue;
            }
            c.addRowToTable(new DefaultRow("s" + i,
                i == missing ? new MissingCell(null) : PNGImageCellFactory.create(solidPng(grey(i)))));
        }
        c.close();
        return c.getTable();
    }

    @Test
    void theFigureHasItsThreeChartsAsTheFigureModelDescribesThem() throws Exception {
        final Probe m = new Probe();
        run(m, separated(true).table());
        final WeightFigure.Data d = m.figureData();
        final List<JFreeChart> charts = WeightCharts.charts(d);
        assertEquals(List.of("Final sample weights, ROC AUC 1.00", "Mean final weight per class",
            "Mean weight per epoch (\u00b1 1 SD)"), charts.stream().map(c -> c.getTitle().getText()).toList());

        final IntervalXYDataset hist = (IntervalXYDataset)charts.get(0).getXYPlot().getDataset();
        assertEquals(List.of("clean", "corrupted"), List.of(hist.getSeriesKey(0), hist.getSeriesKey(1)));
        for (int s = 0; s < 2; s++) {
            double n = 0;
            for (int b = 0; b < hist.getItemCount(s); b++) {
                n += hist.getYValue(s, b);
            }
            assertEquals(2, n, 1e-9, "two clean and two corrupted samples have a final weight");
        }
        final CategoryDataset classes = charts.get(1).getCategoryPlot().getDataset();
        assertEquals(List.of("anger", "happiness", "sadness"), classes.getColumnKeys());
        assertEquals(0.925, classes.getValue(0, 1).doubleValue(), 1e-12);
        final XYDataset traj = charts.get(2).getXYPlot().getDataset();
        assertEquals(2, traj.getSeriesCount());
        // clean means per epoch: 0.5, 0.7 (one sample drawn), 0.925
        assertEquals(0.7, traj.getYValue(0, 1), 1e-12);
        assertEquals(3, traj.getX(0, 2).intValue());
    }

    @Test
    void thumbnailsAreTheHighestAndLowestWeightedSamplesWithTheirImages() throws Exception {
        final Probe m = new Probe();
        setting(m, "thumbnails", 3);
        final PortObject[] out = run(m, tenSamples().table(), images(-1));
        final WeightFigure.Data d = m.figureData();
        assertEquals(List.of("s9", "s8", "s7"), d.highest().stream().map(WeightFigure.Thumbnail::id).toList());
        assertEquals(List.of("s0", "s1", "s2"), d.lowest().stream().map(WeightFigure.Thumbnail::id).toList());
        assertEquals(0.95, d.highest().get(0).weight(), 1e-12);
        assertEquals(org.malau.data.Corruption.LABEL_NOISE, d.highest().get(0).corruption());
        assertNull(m.warning());

        // the PNG decodes at the documented size and shows each sample's own image in its slot
        final BufferedImage img = figure(out[0]);
        assertEquals(1500, img.getWidth());
        assertEquals(770, img.getHeight());
        for (int k = 0; k < 3; k++) {
            final int cx = WeightFigure.thumbX(k) + WeightFigure.THUMB / 2;
            assertEquals(grey(9 - k), img.getRGB(cx, WeightFigure.thumbY(0) + WeightFigure.THUMB / 2) & 0xffffff,
                "highest row, slot " + k);
            assertEquals(grey(k), img.getRGB(cx, WeightFigure.thumbY(1) + WeightFigure.THUMB / 2) & 0xffffff,
                "lowest row, slot " + k);
        }
        assertEquals(img.getRGB(600, 200), m.figure().getRGB(600, 200), "the view shows the port's figure");
    }

    @Test
    void thumbnailsWithoutImagesAreCountedAndNoThumbnailsGiveAShorterFigure() throws Exception {
        final Probe m = new Probe();
        setting(m, "thumbnails", 2);
        run(m, tenSamples().table(), images(1, 9));
        assertNull(m.figureData().highest().get(0).image(), "s9 has no row in the image table");
        assertNull(m.figureData().lowest().get(1).image(), "s1 has a missing image cell");
        assertTrue(m.figureData().highest().get(1).image() != null);
        assertTrue(m.warning().contains("2 thumbnail samples have no image (1 without a row in the image table, 1 "
            + "unreadable; first: image table row \"s1\": the image cell is missing)"), m.warning());

        // no image table: captions only, nothing to warn about
        final Probe plain = new Probe();
        run(plain, tenSamples().table(), null);
        assertEquals(6, plain.figureData().highest().size());
        assertTrue(plain.figureData().highest().stream().allMatch(t -> t.image() == null));
        assertNull(plain.warning());

        final Probe none = new Probe();
        setting(none, "thumbnails", 0);
        final PortObject[] out = run(none, tenSamples().table(), images(-1));
        assertEquals(WeightFigure.CHART_HEIGHT, figure(out[0]).getHeight());
        assertTrue(none.figureData().highest().isEmpty());
    }

    @Test
    void nonFiniteWeightsAreCountedAndWarnedNotDroppedSilently() throws Exception {
        final Probe m = new Probe();
        final PortObject[] out = run(m, new Rows(spec(true, 3)).add("fe", "happiness", "none", 0.4, Double.NaN, 0.8)
            .add("fe", "sadness", "label_noise", Double.NaN, Double.NaN, Double.NaN)
            .add("fe", "sadness", "unrelated", 0.3, Double.POSITIVE_INFINITY, null).table());
        final BufferedDataTable t = (BufferedDataTable)out[1];
        assertEquals(2, samples(t, "mean weight all"), "the all-NaN sample has no weight");
        // the infinite epoch-2 weight counts as not drawn: the final weight is epoch 1's
        assertEquals(0.3, value(t, "mean weight corrupted"), 1e-12);
        assertTrue(m.warning().contains("1 samples without any weight were skipped"), m.warning());
        assertTrue(m.warning().contains("5 weight cells are not finite numbers"), m.warning());
    }

    @Test
    void anImageTableNeedsTheIdAndAnImageColumn() throws Exception {
        final Probe m = new Probe();
        final DataTableSpec images = new DataTableSpec(col("image", PNGImageCellFactory.TYPE));
        final DataTableSpec noId = new DataTableSpec(col("set", StringCell.TYPE), col("label", StringCell.TYPE),
            col("w_epoch1", DoubleCell.TYPE));
        String msg = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{noId, images})).getMessage();
        assertTrue(msg.contains("ID column \"id\" is not in the weight table"), msg);
        msg = assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{spec(true, 1),
            new DataTableSpec(col("file", IntCell.TYPE))})).getMessage();
        assertTrue(msg.contains("no PNG image column and no \"image\" path column"), msg);
        setting(m, "image_column", "file");
        msg = assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{spec(true, 1),
            new DataTableSpec(col("file", IntCell.TYPE))})).getMessage();
        assertTrue(msg.contains("Image column \"file\" of the image table holds"), msg);
        // without thumbnails the image table is not needed, so neither is the ID column
        setting(m, "image_column", "");
        setting(m, "thumbnails", 0);
        m.configure(new PortObjectSpec[]{noId, images});
    }

    /** The long layout of the learner (one row per sample and epoch drawn) for the same data as {@code wide}. */
    private static BufferedDataTable longTable(final Rows wide) {
        final DataTableSpec w = wide.m_spec;
        final List<DataColumnSpec> cols = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();
        for (int i = 0; i < w.getNumColumns(); i++) {
            final String name = w.getColumnSpec(i).getName();
            if (name.startsWith("w_epoch")) {
                epochs.add(Integer.parseInt(name.substring("w_epoch".length())));
            } else {
                cols.add(w.getColumnSpec(i));
            }
        }
        cols.add(col("epoch", IntCell.TYPE));
        cols.add(col("weight", DoubleCell.TYPE));
        final BufferedDataContainer c = exec().createDataContainer(new DataTableSpec(cols.toArray(new DataColumnSpec[0])));
        // epoch-major, as nothing guarantees the rows of one sample to be together
        for (int e = 0; e < epochs.size(); e++) {
            for (int r = 0; r < wide.m_rows.size(); r++) {
                final DataCell[] row = wide.m_rows.get(r);
                final DataCell weight = row[cols.size() - 2 + e];
                if (weight.isMissing()) {
                    continue;
                }
                final DataCell[] cells = new DataCell[cols.size()];
                System.arraycopy(row, 0, cells, 0, cols.size() - 2);
                cells[cols.size() - 2] = new IntCell(epochs.get(e));
                cells[cols.size() - 1] = weight;
                c.addRowToTable(new DefaultRow("Row" + r + "#" + epochs.get(e), cells));
            }
        }
        c.close();
        return c.getTable();
    }

    @Test
    void theLongLayoutGivesWhatTheWideOneGives() throws Exception {
        final Rows wide = new Rows(spec(true, 3)).add("fe", "happiness", "none", 0.5, 0.6, 0.9)
            .add("fe", "happiness", "label_noise", 0.5, null, 0.2).add("fe", "sadness", "none", null, 0.7, null)
            .add("fe", "sadness", "unrelated", 0.4, 0.3, 0.1).add("au", "AU01", "none", 1.0, 1.0, 1.0)
            .add("fe", "anger", "none", null, null, null);
        final Probe a = new Probe();
        final BufferedDataTable fromWide = (BufferedDataTable)run(a, wide.table())[1];
        final Probe b = new Probe();
        final BufferedDataTable fromLong = (BufferedDataTable)run(b, longTable(wide))[1];
        assertEquals(rows(fromWide).size(), rows(fromLong).size());
        for (final DataRow r : rows(fromWide)) {
            final String stat = r.getKey().getString();
            final Double x = value(fromWide, stat);
            final Double y = value(fromLong, stat);
            // the long table meets the samples in another order, so sums may differ in the last bit
            assertEquals(x == null, y == null, stat);
            if (x != null) {
                assertEquals(x, y, 1e-12, stat);
            }
            assertEquals(samples(fromWide, stat), samples(fromLong, stat), stat);
        }
        // final weights: clean 0.9 and 0.7, corrupted 0.2 and 0.1: every clean sample above every corrupted one
        assertEquals(1.0, value(fromLong, "ROC AUC clean vs corrupted"), 1e-12);
        assertEquals(0.8, value(fromLong, "mean weight clean"), 1e-12);
        for (final String group : a.figureData().trajectories().keySet()) {
            final double[][] x = a.figureData().trajectories().get(group);
            final double[][] y = b.figureData().trajectories().get(group);
            assertEquals(x.length, y.length, group);
            for (int e = 0; e < x.length; e++) {
                assertArrayEquals(x[e], y[e], 1e-12, group + " epoch " + (e + 1));
            }
        }
        // the wide table's never-drawn sample is counted; the long table has no row for it at all
        assertTrue(a.warning().contains("1 samples without any weight"), a.warning());
    }

    @Test
    void wideColumnsOfSomeEpochsAreDrawnAtTheirEpochs() throws Exception {
        // the learner's bounded wide layout: columns for epochs 2 and 4 only
        final DataTableSpec spec = new DataTableSpec(col("set", StringCell.TYPE), col("id", StringCell.TYPE),
            col("label", StringCell.TYPE), col("corruption", StringCell.TYPE), col("w_epoch2", DoubleCell.TYPE),
            col("w_epoch4", DoubleCell.TYPE));
        final BufferedDataContainer c = exec().createDataContainer(spec);
        c.addRowToTable(new DefaultRow("r0", new StringCell("fe"), new StringCell("a"), new StringCell("happiness"),
            new StringCell("none"), new DoubleCell(0.4), new DoubleCell(0.8)));
        c.addRowToTable(new DefaultRow("r1", new StringCell("fe"), new StringCell("b"), new StringCell("happiness"),
            new StringCell("label_noise"), new DoubleCell(0.2), new DoubleCell(0.6)));
        c.close();
        final Probe m = new Probe();
        final BufferedDataTable t = (BufferedDataTable)run(m, c.getTable())[1];
        assertEquals(0.8, value(t, "mean weight clean"), 1e-12);
        final double[][] clean = m.figureData().trajectories().get("clean");
        assertEquals(4, clean.length, "epochs 1 to 4");
        assertTrue(Double.isNaN(clean[0][0]) && Double.isNaN(clean[2][0]), "no column for epochs 1 and 3");
        assertEquals(0.4, clean[1][0], 1e-12);
        assertEquals(0.8, clean[3][0], 1e-12);
    }

    @Test
    void chosenColumnsOfTheWrongTypeAreRefusedNamingThem() throws Exception {
        final DataTableSpec textEpoch = new DataTableSpec(col("set", StringCell.TYPE), col("id", StringCell.TYPE),
            col("label", StringCell.TYPE), col("epoch", StringCell.TYPE), col("weight", DoubleCell.TYPE));
        String msg = assertThrows(InvalidSettingsException.class,
            () -> new Probe().configure(new PortObjectSpec[]{textEpoch})).getMessage();
        assertTrue(msg.contains("Epoch column \"epoch\" holds"), msg);
        final DataTableSpec textWeight = new DataTableSpec(col("set", StringCell.TYPE), col("id", StringCell.TYPE),
            col("label", StringCell.TYPE), col("epoch", IntCell.TYPE), col("weight", StringCell.TYPE));
        msg = assertThrows(InvalidSettingsException.class,
            () -> new Probe().configure(new PortObjectSpec[]{textWeight})).getMessage();
        assertTrue(msg.contains("Weight column \"weight\" holds"), msg);
        final DataTableSpec numberLabel = new DataTableSpec(col("set", StringCell.TYPE), col("id", StringCell.TYPE),
            col("label", IntCell.TYPE), col("epoch", IntCell.TYPE), col("weight", DoubleCell.TYPE));
        msg = assertThrows(InvalidSettingsException.class,
            () -> new Probe().configure(new PortObjectSpec[]{numberLabel})).getMessage();
        assertTrue(msg.contains("Label column \"label\" holds"), msg);
        final DataTableSpec noId = new DataTableSpec(col("set", StringCell.TYPE), col("label", StringCell.TYPE),
            col("epoch", IntCell.TYPE), col("weight", DoubleCell.TYPE));
        msg = assertThrows(InvalidSettingsException.class,
            () -> new Probe().configure(new PortObjectSpec[]{noId})).getMessage();
        assertTrue(msg.contains("ID column"), msg);
        final DataTableSpec neither = new DataTableSpec(col("set", StringCell.TYPE), col("id", StringCell.TYPE),
            col("label", StringCell.TYPE), col("w", DoubleCell.TYPE));
        msg = assertThrows(InvalidSettingsException.class,
            () -> new Probe().configure(new PortObjectSpec[]{neither})).getMessage();
        assertTrue(msg.contains("neither an epoch column \"epoch\"") && msg.contains("w_epoch"), msg);
    }

    @Test
    void settingsOfRelease01ReadTheLearnersTablesInBothLayouts() throws Exception {
        final org.knime.core.node.NodeSettingsRO old =
            org.malau.knime.testing.Fixtures.modelSettings("MAL_Demo_Synthetic/Sample Weight Viewer (#9)");
        final Rows wide = new Rows(spec(true, 2)).add("fe", "happiness", "none", 0.5, 0.9)
            .add("fe", "sadness", "label_noise", 0.5, 0.1);
        for (final BufferedDataTable t : List.of(wide.table(), longTable(wide))) {
            final Probe m = new Probe();
            m.settings().validate(old);
            m.settings().load(old);
            final BufferedDataTable summary = (BufferedDataTable)run(m, t)[1];
            assertEquals(1.0, value(summary, "ROC AUC clean vs corrupted"), 1e-12);
        }
    }
}
