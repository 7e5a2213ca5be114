package org.malau.knime.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortUtil;
import org.malau.data.synth.PngEncoder;
import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthFace;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.knime.testing.NodeTesting;
import org.malau.knime.testing.TinyModel;
import org.malau.model.CropReader;
import org.malau.model.FacePrediction;

class MalLearnerNodeModelTest {
    private static final int[] AUS = {1, 2, 4, 6, 12};

    private static List<SynthFace> s_au;
    private static List<SynthFace> s_fe;

    /** Exposes the protected model API to the test. */
    static final class Probe extends MalLearnerNodeModel {
        PortObjectSpec[] configure(final DataTableSpec au, final DataTableSpec fe) throws InvalidSettingsException {
            return configure(au, fe, null);
        }

        PortObjectSpec[] configure(final DataTableSpec au, final DataTableSpec fe, final DataTableSpec meta)
            throws InvalidSettingsException {
            return configure(new PortObjectSpec[]{au, fe, meta});
        }

        PortObject[] execute(final BufferedDataTable au, final BufferedDataTable fe, final ExecutionContext exec)
            throws Exception {
            return execute(au, fe, null, exec);
        }

        PortObject[] execute(final BufferedDataTable au, final BufferedDataTable fe, final BufferedDataTable meta,
            final ExecutionContext exec) throws Exception {
            return execute(new PortObject[]{au, fe, meta}, exec);
        }

        /** Chooses the AU columns as the dialog would: exactly these included, other columns of the table excluded. */
        void auColumns(final DataTableSpec table, final String... include) throws InvalidSettingsException {
            final SettingsModelColumnFilter2 f = MalLearnerNodeModel.createAuColumnsSettingsModel();
            NodeTesting.choose(f, table, include);
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            f.saveSettingsTo(s);
            validateSettings(s);
            loadValidatedSettingsFrom(s);
        }

        /** The AU columns as saved: {included, excluded}. */
        String[][] savedAuColumns() throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            final NodeSettingsRO c = s.getNodeSettings("au_columns");
            assertEquals("EnforceInclusion", c.getString("enforce_option"));
            return new String[][]{c.getStringArray("included_names"), c.getStringArray("excluded_names")};
        }

        String warning() {
            return getWarningMessage();
        }

        void saveInternalsTo(final java.io.File dir) throws Exception {
            saveInternals(dir, new ExecutionMonitor());
        }

        void loadInternalsFrom(final java.io.File dir) throws Exception {
            loadInternals(dir, new ExecutionMonitor());
        }

        void resetModel() {
            reset();
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

        /** Sets one setting by saving, changing and loading the settings. */
        void set(final String key, final Object value) throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            if (value instanceof Integer i) {
                s.addInt(key, i);
            } else if (value instanceof Double d) {
                s.addDouble(key, d);
            } else if (value instanceof Long l) {
                s.addLong(key, l);
            } else {
                s.addString(key, (String)value);
            }
            validateSettings(s);
            loadValidatedSettingsFrom(s);
        }

        /** A tiny, fast network. */
        Probe small(final String strategy) throws InvalidSettingsException {
            set("initialisation", MalLearnerNodeModel.INIT_SMALL);
            set("strategy", strategy);
            set("input_size", 16);
            set("network_width", 4);
            set("epochs", 2);
            set("au_batch", 8);
            set("fe_batch", 8);
            set("meta_batch", 4);
            set("meta_fraction", 0.25);
            return this;
        }
    }

    @BeforeAll
    static void faces() {
        final SynthGenerator g = new SynthGenerator(
            SynthConfig.builder().seed(5).auSubjects(6).feSubjects(3).perSubject(8).size(64).build());
        s_au = g.faces(SynthSet.AU).toList();
        s_fe = g.faces(SynthSet.FE).toList();
    }

    private static ExecutionContext exec(final DefaultNodeProgressMonitor monitor) {
        return NodeTesting.exec(new MalLearnerNodeFactory(), monitor);
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    static DataTableSpec auSpec() {
        final List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(col("image", PNGImageCellFactory.TYPE));
        cols.add(col("subject", StringCell.TYPE));
        for (final int a : AUS) {
            cols.add(col(String.format("AU%02d", a), IntCell.TYPE));
        }
        cols.add(col("expression", StringCell.TYPE));
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    static DataTableSpec feSpec() {
        return new DataTableSpec(col("image", PNGImageCellFactory.TYPE), col("subject", StringCell.TYPE),
            col("expression", StringCell.TYPE), col("corruption", StringCell.TYPE));
    }

    private static BufferedDataTable table(final DataTableSpec spec, final int n, final IntFunction<DataCell[]> row) {
        final BufferedDataContainer c = exec(new DefaultNodeProgressMonitor()).createDataContainer(spec);
        for (int i = 0; i < n; i++) {
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), row.apply(i)));
        }
        c.close();
        return c.getTable();
    }

    static BufferedDataTable auTable(final int n) {
        return table(auSpec(), n, i -> {
            final SynthFace f = s_au.get(i);
            final List<DataCell> cells = new ArrayList<>();
            cells.add(PNGImageCellFactory.create(PngEncoder.encode(f.image())));
            cells.add(new StringCell(f.subject()));
            for (final int a : AUS) {
                final int j = indexOf(f.au().auCodes(), a);
                cells.add(new IntCell(f.au().occurrence(j)));
            }
            cells.add(new StringCell(f.expression().label()));
            return cells.toArray(new DataCell[0]);
        });
    }

    static BufferedDataTable feTable(final int n) {
        return table(feSpec(), n, i -> {
            final SynthFace f = s_fe.get(i);
            return new DataCell[]{PNGImageCellFactory.create(PngEncoder.encode(f.image())), new StringCell(f.subject()),
                new StringCell(f.expression().label()), new StringCell(f.corruption().label())};
        });
    }

    private static int indexOf(final int[] a, final int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("AU " + v + " not generated");
    }

    private static List<String> names(final DataTableSpec spec) {
        return Arrays.asList(spec.getColumnNames());
    }

    @Test
    void hasThreeInputsThreeOutputsAndDescribedPorts() {
        final Probe m = new Probe();
        assertEquals(3, m.inPorts());
        assertEquals(3, m.outPorts());
    }

    @Test
    void configureComputesAllThreeSpecs() throws Exception {
        final Probe m = new Probe().small("au-only");
        final PortObjectSpec[] out = m.configure(auSpec(), null);
        assertEquals(3, out.length);
        final MalModelPortObjectSpec model = assertInstanceOf(MalModelPortObjectSpec.class, out[0]);
        assertEquals(List.of("AU01", "AU02", "AU04", "AU06", "AU12"), model.getAuNames());
        assertEquals(16, model.getInputSize());
        assertEquals(1, model.getChannels());
        assertEquals("au-only", model.getStrategy());
        assertEquals(7, model.getExpressionClasses().size());
        assertEquals(List.of("set", "id", "subject", "label", "epoch", "weight"), names((DataTableSpec)out[1]),
            "the long layout by default");
        assertEquals(Arrays.asList(MalLearnerNodeModel.HISTORY_COLUMNS), names((DataTableSpec)out[2]));
        assertTrue(m.warning().contains("chosen automatically"), m.warning());

        // the expression table's corruption column adds one to the weights
        final PortObjectSpec[] mal = new Probe().small("mal").configure(auSpec(), feSpec());
        assertTrue(names((DataTableSpec)mal[1]).contains("corruption"));
        assertEquals("mal", ((MalModelPortObjectSpec)mal[0]).getStrategy());
    }

    /** A new node fine-tunes the pretrained expression network on colour crops, au-only, epochs set by the data. */
    @Test
    void newNodesStartFromThePretrainedNetwork() throws Exception {
        final Probe m = new Probe();
        final PortObjectSpec[] out = m.configure(auSpec(), null);
        final MalModelPortObjectSpec model = assertInstanceOf(MalModelPortObjectSpec.class, out[0]);
        assertEquals(112, model.getInputSize());
        assertEquals(3, model.getChannels());
        assertEquals("au-only", model.getStrategy());
        assertTrue(names((DataTableSpec)out[1]).contains("epoch"), "the long weight layout needs no epoch count");
        m.set("weight_layout", "wide");
        assertEquals(null, m.configure(auSpec(), null)[1],
            "with epochs set by the data, the wide layout's epoch columns are known only after training");
        final NodeSettings saved = new NodeSettings("model");
        m.settings().save(saved);
        assertEquals(MalLearnerNodeModel.INIT_EXPRESSION, saved.getString("initialisation"));
        assertEquals(0, saved.getInt("epochs"));
        // settings saved before the option existed train the small network as they did then
        final java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
        saved.saveToXML(xml);
        final String without = xml.toString(java.nio.charset.StandardCharsets.UTF_8)
            .replaceAll("(?s)<config key=\"initialisation_Internals\">.*?</config>", "")
            .replaceAll("<entry key=\"initialisation\"[^>]*/>", "");
        final NodeSettings old = (NodeSettings)NodeSettings.loadFromXML(
            new java.io.ByteArrayInputStream(without.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(old.containsKey("initialisation"));
        final Probe legacy = new Probe();
        legacy.settings().validate(old);
        legacy.settings().load(old);
        final NodeSettings back = new NodeSettings("model");
        legacy.settings().save(back);
        assertEquals(MalLearnerNodeModel.INIT_SMALL, back.getString("initialisation"));
    }

    @Test
    void configureRejectsBadColumnsAndSettingsNamingThem() throws Exception {
        // a multi-task strategy without expression data
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new Probe().small("mal").configure(auSpec(), null));
        assertTrue(e.getMessage().contains("\"Meta Auxiliary Learning (MAL)\" (mal)")
            && e.getMessage().contains("\"AU only\""), e.getMessage());

        // a listed AU column that is not there
        final Probe missing = new Probe().small("au-only");
        missing.auColumns(auSpec(), "AU01", "AU99");
        e = assertThrows(InvalidSettingsException.class, () -> missing.configure(auSpec(), null));
        assertTrue(e.getMessage().contains("AU column \"AU99\" is not in the AU table"), e.getMessage());

        // an AU column of the wrong type
        final DataTableSpec stringAu = new DataTableSpec(col("image", PNGImageCellFactory.TYPE),
            col("AU01", StringCell.TYPE));
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().small("au-only").configure(stringAu, null));
        assertTrue(e.getMessage().contains("\"AU01\"") && e.getMessage().contains("0/1"), e.getMessage());

        // no AU columns at all
        final DataTableSpec noAu = new DataTableSpec(col("image", PNGImageCellFactory.TYPE));
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().small("au-only").configure(noAu, null));
        assertTrue(e.getMessage().contains("AU01"), e.getMessage());

        // an image column that holds numbers
        final Probe image = new Probe().small("au-only");
        image.set("au_image_column", "AU01");
        e = assertThrows(InvalidSettingsException.class, () -> image.configure(auSpec(), null));
        assertTrue(e.getMessage().contains("Image column \"AU01\""), e.getMessage());

        // the expression column missing from the expression table
        final Probe expr = new Probe().small("mtl");
        expr.set("expression_column", "emotion");
        e = assertThrows(InvalidSettingsException.class, () -> expr.configure(auSpec(), feSpec()));
        assertTrue(e.getMessage().contains("\"emotion\""), e.getMessage());
    }

    @Test
    void settingsRoundTripAndValidation() throws Exception {
        final Probe from = new Probe().small("l2rw");
        from.set("seed", 42L);
        from.set("learning_rate", 0.01);
        NodeTesting.roundTrip(from.settings(), new Probe().settings());

        final NodeSettings s = new NodeSettings("model");
        from.settings().save(s);
        s.addString("strategy", "magic");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(s));
        assertTrue(e.getMessage().contains("\"magic\""), e.getMessage());
        s.addString("strategy", "mal");
        s.addInt("epochs", -1);
        assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(s));
        s.addInt("epochs", 1);
        s.addString("initialisation", "a network nobody made");
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(s));
        assertTrue(e.getMessage().contains("a network nobody made"), e.getMessage());
        s.addString("initialisation", MalLearnerNodeModel.INIT_SMALL);
        s.addDouble("meta_fraction", 0.95);
        assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(s));
    }

    @Test
    void trainsAuOnlyAndTheModelRoundTripsThroughItsSerializers() throws Exception {
        final Probe m = new Probe().small("au-only");
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        final ExecutionContext exec = exec(monitor);
        final BufferedDataTable au = auTable(32);
        final PortObject[] out = m.execute(au, null, exec);
        assertEquals(3, out.length);
        assertEquals(1.0, monitor.getProgress(), 1e-6);
        assertTrue(monitor.getMessage().startsWith("au-only epoch 2 iteration 6/6"), monitor.getMessage());

        final MalModelPortObject model = assertInstanceOf(MalModelPortObject.class, out[0]);
        assertEquals(m.configure(auSpec(), null)[0], model.getSpec(), "configure and execute agree on the spec");
        assertTrue(model.getSummary().contains("au-only"), model.getSummary());

        final BufferedDataTable weights = (BufferedDataTable)out[1];
        assertEquals(m.configure(auSpec(), null)[1], weights.getDataTableSpec());
        // 32 faces of 4 subjects minus the meta split of one subject, each drawn in both epochs (3 batches of 8)
        assertEquals(2 * 24, weights.size());
        final java.util.Set<String> samples = new java.util.HashSet<>();
        for (final DataRow r : rows(weights)) {
            assertEquals("au", string(weights, r, "set"));
            samples.add(string(weights, r, "id"));
            final int epoch = integer(weights, r, "epoch");
            assertEquals("au:" + string(weights, r, "id") + "#" + epoch, r.getKey().getString());
            assertEquals(1.0, ((DoubleValue)NodeTesting.cell(weights, r, "weight")).getDoubleValue(), 1e-9,
                "au-only weighs every sample 1");
        }
        assertEquals(24, samples.size());
        final BufferedDataTable history = (BufferedDataTable)out[2];
        assertEquals(2, history.size());
        for (final DataRow r : rows(history)) {
            assertFalse(r.getCell(3).isMissing(), "AU loss");
            assertFalse(r.getCell(7).isMissing(), "meta AU F1");
        }

        // the view shows the epochs; the history survives saving and loading the node's internals
        assertEquals(2, m.history().size());
        final MalLearnerNodeView view = new MalLearnerNodeView(m);
        assertTrue(view.m_status.getText().startsWith("Epoch 2: AU loss"), view.m_status.getText());
        assertEquals(2, view.m_chart.history().size());
        view.m_chart.setSize(200, 100);
        view.m_chart.paint(new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB)
            .getGraphics());
        final java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("learner-internals");
        m.saveInternalsTo(dir.toFile());
        final Probe reloaded = new Probe();
        reloaded.loadInternalsFrom(dir.toFile());
        assertEquals(m.history(), reloaded.history());
        m.resetModel();
        assertTrue(m.history().isEmpty());

        // object and spec through KNIME's port zip streams
        final MalModelPortObject loaded = TinyModel.throughPortZip(model);
        assertEquals(model.getSpec(), loaded.getSpec());
        assertEquals(2, model.getHistory().size(), "the port carries the history");
        assertEquals(model.getHistory(), loaded.getHistory(), "and keeps it through the port's zip");
        final float[] crop = CropReader.fromImage(s_au.get(0).image(), 16, 1);
        final FacePrediction a = model.getModel().predict(List.of(crop), 1).get(0);
        final FacePrediction b = loaded.getModel().predict(List.of(crop), 1).get(0);
        assertArrayEquals(a.auProbabilities(), b.auProbabilities(), 1e-6f);
        assertArrayEquals(model.getModel().header().thresholds(), loaded.getModel().header().thresholds(), 1e-12);

        final ByteArrayOutputStream specBytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream zip = PortUtil.getPortObjectSpecZipOutputStream(specBytes)) {
            new MalModelPortObjectSpec.Serializer().savePortObjectSpec(model.getSpec(), zip);
        }
        assertEquals(model.getSpec(), new MalModelPortObjectSpec.Serializer().loadPortObjectSpec(
            PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(specBytes.toByteArray()))));
    }

    @Test
    void trainsMalWithExpressionsAndReportsTheirWeights() throws Exception {
        final Probe m = new Probe().small("mal");
        m.set("epochs", 1);
        final PortObject[] out = m.execute(auTable(32), feTable(24), exec(new DefaultNodeProgressMonitor()));
        final MalModelPortObject model = (MalModelPortObject)out[0];
        assertEquals("mal", model.getSpec().getStrategy());
        assertTrue(model.getModel().hasMetaNet());
        final BufferedDataTable weights = (BufferedDataTable)out[1];
        assertTrue(names(weights.getDataTableSpec()).contains("corruption"));
        final java.util.Set<String> fe = new java.util.HashSet<>();
        for (final DataRow r : rows(weights)) {
            if ("fe".equals(string(weights, r, "set"))) {
                fe.add(string(weights, r, "id"));
                assertNotNull(string(weights, r, "corruption"));
                assertEquals(1, integer(weights, r, "epoch"));
                final double v = ((DoubleValue)NodeTesting.cell(weights, r, "weight")).getDoubleValue();
                assertTrue(v >= 0 && v <= 1, "MAL weight in [0, 1]: " + v);
            }
        }
        assertFalse(fe.isEmpty());
        assertTrue(fe.size() <= 24, "a sample not drawn has no row: " + fe.size());
        assertEquals(1, ((BufferedDataTable)out[2]).size());
    }

    @Test
    void missingCellsAreUnknownLabelsAndRowsWithoutImageAreSkipped() throws Exception {
        final BufferedDataTable full = auTable(32);
        final BufferedDataTable holes = table(auSpec(), 32, i -> {
            final DataRow r = rows(full).get(i);
            final DataCell[] cells = new DataCell[r.getNumCells()];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = r.getCell(k);
            }
            if (i % 5 == 0) {
                cells[2] = DataType.getMissingCell(); // AU01 unknown
            }
            if (i == 3) {
                cells[0] = DataType.getMissingCell();
            }
            return cells;
        });
        final Probe m = new Probe().small("au-only");
        m.set("epochs", 1);
        final PortObject[] out = m.execute(holes, null, exec(new DefaultNodeProgressMonitor()));
        assertNotNull(out[0]);
        assertTrue(m.warning().contains("1 AU table rows without an image"), m.warning());
    }

    @Test
    void emptyTablesAndBadLabelsFailClearly() throws Exception {
        final Probe m = new Probe().small("au-only");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.execute(auTable(0), null, exec(new DefaultNodeProgressMonitor())));
        assertTrue(e.getMessage().contains("AU table is empty"), e.getMessage());

        final BufferedDataTable fe = table(feSpec(), 4, i -> new DataCell[]{
            PNGImageCellFactory.create(PngEncoder.encode(s_fe.get(i).image())), new StringCell("s"),
            new StringCell(i == 2 ? "boredom" : "happiness"), DataType.getMissingCell()});
        final Probe mtl = new Probe().small("mtl");
        e = assertThrows(InvalidSettingsException.class,
            () -> mtl.execute(auTable(16), fe, exec(new DefaultNodeProgressMonitor())));
        assertTrue(e.getMessage().contains("boredom") && e.getMessage().contains("Row2"), e.getMessage());
    }

    @Test
    void cancelStopsTraining() throws Exception {
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor() {
            @Override
            public synchronized void setProgress(final double progress, final String message) {
                super.setProgress(progress, message);
                cancelOnTraining(message);
            }

            @Override
            public synchronized void setMessage(final String message) {
                super.setMessage(message);
                cancelOnTraining(message);
            }

            @Override
            public synchronized void setProgress(final String message) {
                super.setProgress(message);
                cancelOnTraining(message);
            }

            private void cancelOnTraining(final String message) {
                if (message != null && message.contains("iteration")) {
                    setExecuteCanceled();
                }
            }
        };
        final Probe m = new Probe().small("au-only");
        m.set("epochs", 5);
        final CanceledExecutionException e =
            assertThrows(CanceledExecutionException.class, () -> m.execute(auTable(32), null, exec(monitor)));
        assertTrue(e.getMessage().contains("cancelled before iteration 2"), e.getMessage());
    }
    @Test
    void unchosenAuColumnsAreTheOccurrenceColumnsAndTheChoiceIsKept() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("image", PNGImageCellFactory.TYPE), col("subject",
            StringCell.TYPE), col("AU01", IntCell.TYPE), col("AU2", IntCell.TYPE), col("au_12", DoubleCell.TYPE),
            col("AU15_c", BooleanCell.TYPE), col("AU01 intensity", DoubleCell.TYPE), col("AU12_r", DoubleCell.TYPE),
            col("AU12 label", DoubleCell.TYPE), col("x", DoubleCell.TYPE));
        final Probe m = new Probe().small("au-only");
        final MalModelPortObjectSpec model = (MalModelPortObjectSpec)m.configure(spec, null)[0];
        assertEquals(List.of("AU01", "AU02", "AU12", "AU15"), model.getAuNames());
        final String[][] saved = m.savedAuColumns();
        assertArrayEquals(new String[]{"AU01", "AU2", "au_12", "AU15_c"}, saved[0]);
        assertArrayEquals(new String[]{"AU01 intensity", "AU12_r", "AU12 label", "x"}, saved[1]);

        // the choice stays: a later AU column is excluded (KNIME's enforce inclusion), a vanished one is an error
        final DataTableSpec more = new DataTableSpec(col("image", PNGImageCellFactory.TYPE), col("AU01", IntCell.TYPE),
            col("AU2", IntCell.TYPE), col("au_12", DoubleCell.TYPE), col("AU15_c", BooleanCell.TYPE),
            col("AU04", IntCell.TYPE));
        assertEquals(4, ((MalModelPortObjectSpec)m.configure(more, null)[0]).getAuNames().size());
        final DataTableSpec fewer = new DataTableSpec(col("image", PNGImageCellFactory.TYPE), col("AU01", IntCell.TYPE),
            col("AU2", StringCell.TYPE), col("au_12", DoubleCell.TYPE), col("AU15_c", BooleanCell.TYPE));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(fewer, null));
        assertTrue(e.getMessage().contains("AU column \"AU2\" holds") && e.getMessage().contains("0/1"), e.getMessage());

        // the settings round trip keeps the lists under KNIME's keys
        final Probe back = new Probe();
        NodeTesting.roundTrip(m.settings(), back.settings());
        assertArrayEquals(saved[0], back.savedAuColumns()[0]);
    }

    @Test
    void chosenAuColumnsNameTheirAuAndBadChoicesAreNamed() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("image", PNGImageCellFactory.TYPE), col("AU01", IntCell.TYPE),
            col("AU02", IntCell.TYPE), col("AU12 label", DoubleCell.TYPE), col("AU12_c", IntCell.TYPE),
            col("happy", DoubleCell.TYPE));
        final Probe m = new Probe().small("au-only");
        m.auColumns(spec, "AU01", "AU12 label");
        assertEquals(List.of("AU01", "AU12"), ((MalModelPortObjectSpec)m.configure(spec, null)[0]).getAuNames());

        m.auColumns(spec, "AU01", "happy");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(spec, null));
        assertTrue(e.getMessage().contains("\"happy\" is not named AU"), e.getMessage());

        m.auColumns(spec, "AU12 label", "AU12_c");
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(spec, null));
        assertTrue(e.getMessage().contains("\"AU12 label\" and \"AU12_c\" are both AU 12"), e.getMessage());

        m.auColumns(spec);
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(spec, null));
        assertTrue(e.getMessage().contains("No AU column is included"), e.getMessage());
    }

    /** The AU table's layout with the faces after the first 32 (other subjects than auTable's). */
    static BufferedDataTable metaTable(final int n) {
        return table(auSpec(), n, i -> {
            final SynthFace f = s_au.get(32 + i);
            final List<DataCell> cells = new ArrayList<>();
            cells.add(PNGImageCellFactory.create(PngEncoder.encode(f.image())));
            cells.add(new StringCell(f.subject()));
            for (final int a : AUS) {
                final int j = indexOf(f.au().auCodes(), a);
                cells.add(new IntCell(f.au().occurrence(j)));
            }
            cells.add(new StringCell(f.expression().label()));
            return cells.toArray(new DataCell[0]);
        });
    }

    @Test
    void aConnectedMetaTableIsTheMetaSplitAndTheWholeAuTableTrains() throws Exception {
        final Probe m = new Probe().small("mal");
        m.set("epochs", 1);
        // the paper variant takes meta steps from the first iteration; robust's one epoch would end inside its warm-up
        m.set("mal_variant", "paper");
        final BufferedDataTable meta = metaTable(12);
        final PortObjectSpec[] specs = m.configure(auSpec(), feSpec(), meta.getDataTableSpec());
        final PortObject[] out = m.execute(auTable(32), feTable(16), meta, exec(new DefaultNodeProgressMonitor()));
        final MalModelPortObject model = (MalModelPortObject)out[0];
        assertEquals(specs[0], model.getSpec());
        assertEquals(32, model.getModel().header().auTrainSize(), "no AU row held out");
        assertEquals(12, model.getModel().header().metaSplitSize());
        assertEquals("given", model.getModel().header().settings().get("metaSplit"));
        final BufferedDataTable weights = (BufferedDataTable)out[1];
        assertEquals(32, rows(weights).stream().filter(r -> "au".equals(string(weights, r, "set"))).count());
        assertFalse(((BufferedDataTable)out[2]).iterator().next().getCell(6).isMissing(), "meta loss from the meta table");

        // not connected: a quarter of the AU subjects is held out instead
        final Probe split = new Probe().small("mal");
        split.set("epochs", 1);
        final MalModelPortObject held = (MalModelPortObject)split.execute(auTable(32), feTable(16), null,
            exec(new DefaultNodeProgressMonitor()))[0];
        assertEquals(24, held.getModel().header().auTrainSize());
        assertEquals("fraction", held.getModel().header().settings().get("metaSplit"));
    }

    @Test
    void aMetaTableWithoutTheAuTablesColumnsIsRejectedNamingTheColumn() throws Exception {
        final Probe m = new Probe().small("au-only");
        final DataTableSpec noAu04 = new DataTableSpec(col("image", PNGImageCellFactory.TYPE), col("AU01", IntCell.TYPE),
            col("AU02", IntCell.TYPE), col("AU06", IntCell.TYPE), col("AU12", IntCell.TYPE));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(auSpec(), null, noAu04));
        assertEquals("AU column \"AU04\" is not in the meta table", e.getMessage());

        final DataTableSpec textAu = new DataTableSpec(col("image", PNGImageCellFactory.TYPE), col("AU01", IntCell.TYPE),
            col("AU02", IntCell.TYPE), col("AU04", StringCell.TYPE), col("AU06", IntCell.TYPE), col("AU12", IntCell.TYPE));
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(auSpec(), null, textAu));
        assertTrue(e.getMessage().startsWith("AU column \"AU04\" of the meta table holds"), e.getMessage());

        final DataTableSpec noImage = new DataTableSpec(col("picture", PNGImageCellFactory.TYPE),
            col("AU01", IntCell.TYPE));
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(auSpec(), null, noImage));
        assertTrue(e.getMessage().contains("Image column \"image\"") && e.getMessage().contains("meta table"),
            e.getMessage());

        e = assertThrows(InvalidSettingsException.class, () -> m.execute(auTable(16), null, metaTable(0),
            exec(new DefaultNodeProgressMonitor())));
        assertTrue(e.getMessage().contains("meta table is empty"), e.getMessage());
    }

    /** Weight by sample key ({@code set:id}) and epoch, from either layout; no entry for a sample not drawn. */
    private static java.util.Map<String, Double> weightsByEpoch(final BufferedDataTable t) {
        final java.util.Map<String, Double> w = new java.util.TreeMap<>();
        final DataTableSpec spec = t.getDataTableSpec();
        for (final DataRow r : rows(t)) {
            final String sample = string(t, r, "set") + ":" + string(t, r, "id");
            if (spec.containsName("epoch")) {
                w.put(sample + "@" + integer(t, r, "epoch"),
                    ((DoubleValue)NodeTesting.cell(t, r, "weight")).getDoubleValue());
            } else {
                for (int i = 0; i < spec.getNumColumns(); i++) {
                    final String name = spec.getColumnSpec(i).getName();
                    if (name.startsWith("w_epoch") && !r.getCell(i).isMissing()) {
                        w.put(sample + "@" + name.substring("w_epoch".length()),
                            ((DoubleValue)r.getCell(i)).getDoubleValue());
                    }
                }
            }
        }
        return w;
    }

    @Test
    void theWeightTableIsLongOrBoundedWideWithTheSameWeights() throws Exception {
        final Probe longLayout = new Probe().small("mal");
        longLayout.set("epochs", 3);
        final PortObject[] a = longLayout.execute(auTable(32), feTable(24), exec(new DefaultNodeProgressMonitor()));
        final java.util.Map<String, Double> expected = weightsByEpoch((BufferedDataTable)a[1]);
        assertTrue(expected.keySet().stream().anyMatch(k -> k.startsWith("fe:") && k.endsWith("@3")));

        // the same run (same seed) as a wide table with a column per epoch
        final Probe wide = new Probe().small("mal");
        wide.set("epochs", 3);
        wide.set("weight_layout", "wide");
        final PortObjectSpec wideSpec = wide.configure(auSpec(), feSpec())[1];
        assertEquals(List.of("set", "id", "subject", "label", "corruption", "w_epoch1", "w_epoch2", "w_epoch3"),
            names((DataTableSpec)wideSpec));
        final PortObject[] b = wide.execute(auTable(32), feTable(24), exec(new DefaultNodeProgressMonitor()));
        assertEquals(wideSpec, ((BufferedDataTable)b[1]).getDataTableSpec());
        final java.util.Map<String, Double> got = weightsByEpoch((BufferedDataTable)b[1]);
        assertEquals(expected.keySet(), got.keySet());
        for (final String k : expected.keySet()) {
            assertEquals(expected.get(k), got.get(k), 1e-9, k);
        }

        // bounded: two columns for three epochs show epochs 2 and 3, the last always among them
        final Probe bounded = new Probe().small("mal");
        bounded.set("epochs", 3);
        bounded.set("weight_layout", "wide");
        bounded.set("weight_max_columns", 2);
        final PortObject[] c = bounded.execute(auTable(32), feTable(24), exec(new DefaultNodeProgressMonitor()));
        assertEquals(List.of("set", "id", "subject", "label", "corruption", "w_epoch2", "w_epoch3"),
            names(((BufferedDataTable)c[1]).getDataTableSpec()));
        final java.util.Map<String, Double> shown = weightsByEpoch((BufferedDataTable)c[1]);
        for (final String k : expected.keySet()) {
            if (k.endsWith("@1")) {
                assertFalse(shown.containsKey(k), k);
            } else {
                assertEquals(expected.get(k), shown.get(k), 1e-9, k);
            }
        }
        assertEquals(1000, org.malau.knime.common.WeightTable.wideEpochs(1000, 100)[99]);
        assertArrayEquals(new int[]{10, 20, 30}, java.util.Arrays.copyOf(
            org.malau.knime.common.WeightTable.wideEpochs(1000, 100), 3));

        final NodeSettings s = new NodeSettings("model");
        bounded.settings().save(s);
        s.addString("weight_layout", "tall");
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(s));
        assertTrue(e.getMessage().contains("\"tall\""), e.getMessage());
    }

    @Test
    void workflowsOfRelease01LoadAndKeepTheirWideWeightTable() throws Exception {
        final NodeSettingsRO old =
            org.malau.knime.testing.Fixtures.modelSettings("MAL_Demo_Synthetic/MAL Learner (#4)");
        final Probe m = new Probe();
        final NodeSettings saved = NodeTesting.reload(m.settings(), old);
        assertEquals("mal", saved.getString("strategy"));
        assertEquals("wide", saved.getString("weight_layout"));
        assertEquals("dl4j", saved.getString("engine"), "release 0.1 trained on DL4J and keeps it");
        final int epochs = saved.getInt("epochs");
        // the workflow's aligned crops; this test's tables call the column "image"
        m.set("au_image_column", "image");
        m.set("fe_image_column", "image");
        final List<String> weightColumns = names((DataTableSpec)m.configure(auSpec(), feSpec())[1]).stream()
            .filter(n -> n.startsWith("w_epoch")).toList();
        assertEquals(epochs, weightColumns.size(), "a column for every epoch, as release 0.1 wrote them");
    }

    /** New learners train on LibTorch by default; the model records the engine, and DL4J stays selectable. */
    @Test
    void theEngineIsLibTorchByDefaultDl4jOnRequestAndRecordedInTheModel() throws Exception {
        final NodeSettings fresh = new NodeSettings("model");
        new Probe().settings().save(fresh);
        assertEquals("libtorch", fresh.getString("engine"));
        for (final String engine : List.of("libtorch", "dl4j")) {
            final Probe m = new Probe().small("mtl");
            m.set("engine", engine);
            final PortObject[] out = m.execute(auTable(32), feTable(24), exec(new DefaultNodeProgressMonitor()));
            final org.malau.model.MalModel model = ((org.malau.knime.port.MalModelPortObject)out[0]).getModel();
            assertEquals(engine, model.header().engine(), "the header records the engine that trained");
            assertEquals(engine, model.engine());
        }
        final NodeSettings bad = new NodeSettings("model");
        new Probe().settings().save(bad);
        bad.addString("engine", "cuda");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(bad));
        assertTrue(e.getMessage().contains("cuda"), e.getMessage());
    }

    @Test
    void theDialogShowsReadableStrategiesAndStoresTheirIds() throws Exception {
        final MalLearnerNodeDialog d = new MalLearnerNodeDialog();
        final NodeSettings s = new NodeSettings("model");
        new Probe().small("l2rw").settings().save(s);
        d.loadSettingsFrom(s, new PortObjectSpec[]{auSpec(), feSpec(), null});
        final javax.swing.JRadioButton l2rw = radio(d.getPanel(), "Learning to reweight");
        assertTrue(l2rw.isSelected());
        for (final String text : List.of("AU only", "Multi-task, fixed weights", "Uncertainty weighting",
            "Meta Auxiliary Learning (MAL)")) {
            assertFalse(radio(d.getPanel(), text).isSelected(), text);
        }
        radio(d.getPanel(), "Multi-task, fixed weights").doClick();
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertEquals("mtl", out.getString("strategy"));
        new Probe().settings().validate(out);
    }

    private static javax.swing.JRadioButton radio(final java.awt.Container c, final String text) {
        for (final java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.JRadioButton b && text.equals(b.getText())) {
                return b;
            }
            if (child instanceof java.awt.Container k) {
                final javax.swing.JRadioButton found = radio(k, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
