package org.malau.knime.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.cell;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
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
import org.knime.core.data.RowKey;
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
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.data.synth.SynthFace;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.knime.testing.Fixtures;
import org.malau.knime.testing.NodeTesting;
import org.malau.knime.testing.TinyModel;
import org.malau.model.CropReader;
import org.malau.model.FacePrediction;

class AuPredictorNodeModelTest {
    private static List<SynthFace> s_faces;

    private static MalModelPortObject s_model;

    /** Exposes the protected model API to the test. */
    static final class Probe extends AuPredictorNodeModel {
        PortObjectSpec configure(final PortObjectSpec model, final DataTableSpec in) throws InvalidSettingsException {
            return configure(new PortObjectSpec[]{model, in})[0];
        }

        BufferedDataTable execute(final MalModelPortObject model, final BufferedDataTable in,
            final ExecutionContext exec) throws Exception {
            return (BufferedDataTable)execute(new PortObject[]{model, in}, exec)[0];
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

        Probe set(final String key, final Object value) throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            if (value instanceof Integer i) {
                s.addInt(key, i);
            } else if (value instanceof Boolean b) {
                s.addBoolean(key, b);
            } else {
                s.addString(key, (String)value);
            }
            validateSettings(s);
            loadValidatedSettingsFrom(s);
            return this;
        }
    }

    @BeforeAll
    static void train() throws Exception {
        s_faces = TinyModel.faces();
        s_model = TinyModel.model();
    }

    private static ExecutionContext exec() {
        return exec(new DefaultNodeProgressMonitor());
    }

    private static ExecutionContext exec(final DefaultNodeProgressMonitor monitor) {
        return NodeTesting.exec(new AuPredictorNodeFactory(), monitor);
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    private static DataTableSpec spec() {
        return TinyModel.spec();
    }

    private static BufferedDataTable table(final int n, final DataCell[] override) {
        return TinyModel.table(n, override);
    }

    private static MalModelPortObjectSpec modelSpec() {
        return new MalModelPortObjectSpec(List.of("AU01", "AU12"), List.of("neutral", "happiness"), 16, 1, "mal");
    }

    private static List<String> appended(final DataTableSpec out, final DataTableSpec in) {
        final List<String> names = Arrays.asList(out.getColumnNames());
        return names.subList(in.getNumColumns(), names.size());
    }

    @Test
    void configureAppendsTheModelsColumnsNamedAsKnimesPredictorsNameThem() throws Exception {
        final Probe m = new Probe();
        final DataTableSpec out = (DataTableSpec)m.configure(modelSpec(), spec());
        assertEquals(Arrays.asList(spec().getColumnNames()),
            Arrays.asList(out.getColumnNames()).subList(0, spec().getNumColumns()), "the input columns stay first");
        assertEquals(List.of("P (AU01=1)", "Prediction (AU01)", "P (AU12=1)", "Prediction (AU12)",
            "P (expression=neutral)", "P (expression=happiness)", "Prediction (expression)"), appended(out, spec()));
        assertEquals(DoubleCell.TYPE, out.getColumnSpec("P (AU01=1)").getType());
        assertEquals(IntCell.TYPE, out.getColumnSpec("Prediction (AU01)").getType());
        assertEquals(DoubleCell.TYPE, out.getColumnSpec("P (expression=happiness)").getType());
        assertEquals(StringCell.TYPE, out.getColumnSpec("Prediction (expression)").getType());
        assertTrue(m.warning().contains("\"image\" chosen automatically"), m.warning());
        // no model spec yet: no output spec, but the image column is still checked
        assertNull(new Probe().configure(null, spec()));
    }

    @Test
    void thePredictionColumnCanBeRenamedAndTheProbabilitiesSuffixedOrLeftOut() throws Exception {
        final Probe renamed = new Probe().set("change_prediction", true).set("prediction_column", "emotion")
            .set("probability_suffix", " (fold 1)");
        assertEquals(List.of("P (AU01=1) (fold 1)", "Prediction (AU01)", "P (AU12=1) (fold 1)", "Prediction (AU12)",
            "P (expression=neutral) (fold 1)", "P (expression=happiness) (fold 1)", "emotion"),
            appended((DataTableSpec)renamed.configure(modelSpec(), spec()), spec()));
        // the name given but the change not ticked: KNIME's default name
        final Probe unticked = new Probe().set("prediction_column", "emotion");
        assertTrue(appended((DataTableSpec)unticked.configure(modelSpec(), spec()), spec())
            .contains("Prediction (expression)"));
        final Probe noProbabilities = new Probe().set("append_probabilities", false);
        assertEquals(List.of("Prediction (AU01)", "Prediction (AU12)", "Prediction (expression)"),
            appended((DataTableSpec)noProbabilities.configure(modelSpec(), spec()), spec()));
        // executed: the cells are the predictions, in the columns configure promised
        final BufferedDataTable out = noProbabilities.execute(s_model, table(3, null), exec());
        assertEquals(noProbabilities.configure(s_model.getSpec(), spec()), out.getDataTableSpec());
        final MalModelPortObjectSpec ms = s_model.getSpec();
        int k = 0;
        for (final DataRow r : rows(out)) {
            final FacePrediction f = s_model.getModel()
                .predict(List.of(CropReader.fromImage(s_faces.get(k++).image(), 16, 1)), 1).get(0);
            for (int j = 0; j < ms.getAuNames().size(); j++) {
                assertEquals(f.auPresent()[j],
                    integer(out, r, "Prediction (" + ms.getAuNames().get(j) + ")").intValue());
            }
            assertEquals(ms.getExpressionClasses().get(f.expression()), string(out, r, "Prediction (expression)"));
        }
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new Probe()
            .set("change_prediction", true).set("prediction_column", " ").configure(modelSpec(), spec()));
        assertEquals("Prediction column name cannot be empty", e.getMessage());
    }

    @Test
    void namesTheInputAlreadyHasAreMadeUniqueWithAWarning() throws Exception {
        // a table scored before: it has the prediction columns already
        final DataTableSpec twice = new DataTableSpec(col("image", PNGImageCellFactory.TYPE),
            col("Prediction (expression)", StringCell.TYPE), col("P (AU01=1)", DoubleCell.TYPE));
        final Probe m = new Probe().set("image_column", "image");
        final DataTableSpec out = (DataTableSpec)m.configure(modelSpec(), twice);
        assertEquals(List.of("P (AU01=1) (#1)", "Prediction (AU01)", "P (AU12=1)", "Prediction (AU12)",
            "P (expression=neutral)", "P (expression=happiness)", "Prediction (expression) (#1)"),
            appended(out, twice));
        assertTrue(m.warning().contains("\"Prediction (expression)\" as \"Prediction (expression) (#1)\""),
            m.warning());
    }

    @Test
    void workflowsOfRelease01KeepTheirColumnNames() throws Exception {
        // the AU Predictor of workflow 1 as release 0.1 saved it
        final NodeSettingsRO old = Fixtures.modelSettings("MAL_Demo_Synthetic/AU Predictor (#7)");
        final Probe m = new Probe();
        m.settings().validate(old);
        m.settings().load(old);
        final DataTableSpec in = new DataTableSpec(col("aligned face", PNGImageCellFactory.TYPE),
            col("expression", StringCell.TYPE));
        assertEquals(List.of("AU01 probability", "AU01 label", "AU12 probability", "AU12 label", "P(neutral)",
            "P(happiness)", "expression (#1)"), appended((DataTableSpec)m.configure(modelSpec(), in), in));
        // saved and loaded again, without the dialog: still the old names
        final Probe again = new Probe();
        NodeTesting.roundTrip(m.settings(), again.settings());
        assertTrue(appended((DataTableSpec)again.configure(modelSpec(), in), in).contains("AU01 label"));
        // the dialog saves the naming settings: from then on KNIME's names
        final NodeSettings fromDialog = new NodeSettings("model");
        again.settings().save(fromDialog);
        AuPredictorNodeModel.createChangePredictionSettingsModel().saveSettingsTo(fromDialog);
        AuPredictorNodeModel.createPredictionColumnSettingsModel().saveSettingsTo(fromDialog);
        AuPredictorNodeModel.createProbabilitySuffixSettingsModel().saveSettingsTo(fromDialog);
        AuPredictorNodeModel.createAppendProbabilitiesSettingsModel().saveSettingsTo(fromDialog);
        again.settings().validate(fromDialog);
        again.settings().load(fromDialog);
        assertTrue(appended((DataTableSpec)again.configure(modelSpec(), in), in).contains("Prediction (AU01)"));
    }

    @Test
    void configureRefusesAMissingOrWrongImageColumnNamingIt() throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new Probe().set("image_column", "photo").configure(modelSpec(), spec()));
        assertTrue(e.getMessage().contains("\"photo\"") && e.getMessage().contains("not in"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> new Probe().set("image_column", "AU01").configure(modelSpec(), spec()));
        assertTrue(e.getMessage().contains("Image column \"AU01\"") && e.getMessage().contains("PNG"),
            e.getMessage());
        final DataTableSpec noImage = new DataTableSpec(col("AU01", IntCell.TYPE));
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().configure(modelSpec(), noImage));
        assertTrue(e.getMessage().contains("no PNG image column"), e.getMessage());
    }

    @Test
    void predictsWithTheModelsThresholds() throws Exception {
        final Probe m = new Probe().set("image_column", "image").set("batch_size", 5);
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        final BufferedDataTable in = table(12, null);
        final BufferedDataTable out = m.execute(s_model, in, exec(monitor));
        assertEquals(m.configure(s_model.getSpec(), spec()), out.getDataTableSpec(), "configure and execute agree");
        assertEquals(12, out.size());
        assertEquals(1.0, monitor.getProgress(), 1e-6);
        assertNull(m.warning());
        final MalModelPortObjectSpec ms = s_model.getSpec();
        int k = 0;
        for (final DataRow r : rows(out)) {
            assertEquals(RowKey.createRowKey((long)k).getString(), r.getKey().getString());
            final float[] crop = CropReader.fromImage(s_faces.get(k).image(), 16, 1);
            final FacePrediction f = s_model.getModel().predict(List.of(crop), 1).get(0);
            for (int j = 0; j < ms.getAuNames().size(); j++) {
                final String au = ms.getAuNames().get(j);
                final double p = ((DoubleValue)cell(out, r, "P (" + au + "=1)")).getDoubleValue();
                assertTrue(p >= 0 && p <= 1, au + " probability " + p);
                assertEquals(f.auProbabilities()[j], p, 1e-5);
                assertEquals(f.auPresent()[j], integer(out, r, "Prediction (" + au + ")").intValue());
            }
            double sum = 0;
            for (int c = 0; c < ms.getExpressionClasses().size(); c++) {
                final double q = ((DoubleValue)cell(out, r, "P (expression=" + ms.getExpressionClasses().get(c)
                    + ")")).getDoubleValue();
                assertEquals(f.expressionProbabilities()[c], q, 1e-5);
                sum += q;
            }
            assertEquals(1.0, sum, 1e-3);
            assertEquals(ms.getExpressionClasses().get(f.expression()), string(out, r, "Prediction (expression)"));
            // the input cells are kept
            assertEquals(string(in, rows(in).get(k), "subject"), string(out, r, "subject"));
            k++;
        }
    }

    /** Only what was trained is predicted: an au-only model's (untrained) expression head gives no columns. */
    @Test
    void anAuOnlyModelAppendsNoExpressionColumns() throws Exception {
        final MalModelPortObject auOnly = TinyModel.auOnlyModel();
        final Probe m = new Probe().set("image_column", "image");
        final DataTableSpec out = (DataTableSpec)m.configure(auOnly.getSpec(), spec());
        for (int i = spec().getNumColumns(); i < out.getNumColumns(); i++) {
            assertFalse(out.getColumnSpec(i).getName().contains("expression"), out.getColumnSpec(i).getName());
        }
        assertTrue(out.containsName("Prediction (AU12)"));
        final BufferedDataTable t = m.execute(auOnly, table(3, null), exec());
        assertEquals(out, t.getDataTableSpec(), "configure and execute agree");
        assertEquals(spec().getNumColumns() + 2 * TinyModel.AUS.length, out.getNumColumns());
    }

    @Test
    void missingAndUnreadableImagesGiveMissingCellsAndAWarning(@TempDir final Path dir) throws Exception {
        final Path notImage = Files.writeString(dir.resolve("not-an-image.png"), "hello");
        final DataTableSpec pathSpec = new DataTableSpec(col("image", StringCell.TYPE));
        final BufferedDataContainer c = exec().createDataContainer(pathSpec);
        final Path good = dir.resolve("good.png");
        javax.imageio.ImageIO.write(s_faces.get(0).image(), "png", good.toFile());
        c.addRowToTable(new DefaultRow("ok", new StringCell(good.toString())));
        c.addRowToTable(new DefaultRow("missing", new MissingCell(null)));
        c.addRowToTable(new DefaultRow("broken", new StringCell(notImage.toString())));
        c.addRowToTable(new DefaultRow("relative", new StringCell("faces/a.png")));
        c.addRowToTable(new DefaultRow("absent", new StringCell(dir.resolve("absent.png").toString())));
        c.close();
        final Probe m = new Probe().set("batch_size", 2);
        final BufferedDataTable out = m.execute(s_model, c.getTable(), exec());
        assertEquals(5, out.size());
        final List<DataRow> r = rows(out);
        assertFalse(cell(out, r.get(0), "P (AU01=1)").isMissing());
        assertFalse(cell(out, r.get(0), "Prediction (expression)").isMissing());
        for (int i = 1; i < 5; i++) {
            for (int j = 1; j < out.getDataTableSpec().getNumColumns(); j++) {
                assertTrue(r.get(i).getCell(j).isMissing(), r.get(i).getKey() + " column " + j);
            }
        }
        assertEquals("missing", r.get(1).getKey().getString());
        assertTrue(m.warning().contains("1 rows have a missing image"), m.warning());
        assertTrue(m.warning().contains("3 rows have an unreadable image"), m.warning());
    }

    @Test
    void aHugePngClaimIsAnUnreadableRowNotAnOutOfMemoryError(@TempDir final Path dir) throws Exception {
        // A 1.5 MB file claiming 40000x40000, as in the issue.
        final Path huge = NodeTesting.hugePngClaim(dir.resolve("huge.png"), 1_500_000);
        final Path good = dir.resolve("good.png");
        javax.imageio.ImageIO.write(s_faces.get(0).image(), "png", good.toFile());
        final BufferedDataContainer c = exec().createDataContainer(new DataTableSpec(col("image", StringCell.TYPE)));
        c.addRowToTable(new DefaultRow("good", new StringCell(good.toString())));
        c.addRowToTable(new DefaultRow("huge", new StringCell(huge.toString())));
        c.close();
        final Probe m = new Probe();
        final BufferedDataTable out = m.execute(s_model, c.getTable(), exec());
        final List<DataRow> r = rows(out);
        assertFalse(cell(out, r.get(0), "P (AU01=1)").isMissing());
        assertTrue(cell(out, r.get(1), "P (AU01=1)").isMissing());
        assertTrue(m.warning().contains("1 rows have an unreadable image"), m.warning());
    }

    @Test
    void cancelStopsBetweenBatches() throws Exception {
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class,
            () -> new Probe().set("batch_size", 4).execute(s_model, table(8, null), exec(monitor)));
    }

    @Test
    void settingsRoundTripAndValidation() throws Exception {
        final Probe from = new Probe().set("image_column", "crop").set("batch_size", 7)
            .set("change_prediction", true).set("prediction_column", "emotion");
        final NodeSettings s = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals("crop", s.getString("image_column"));
        assertEquals(7, s.getInt("batch_size"));
        assertEquals("emotion", s.getString("prediction_column"));
        assertEquals(7, s.keySet().stream().filter(k -> !k.endsWith("_Internals")).count());
        s.addInt("batch_size", 0);
        assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(s));
    }

    /** Either engine runs the model; new nodes take LibTorch, workflows saved before the choice keep DL4J. */
    @Test
    void bothEnginesPredictTheSameAndOldWorkflowsKeepDl4j() throws Exception {
        final NodeSettings fresh = new NodeSettings("model");
        new Probe().settings().save(fresh);
        assertEquals("libtorch", fresh.getString("engine"), "the default engine");
        final NodeSettingsRO release01 = Fixtures.load(Fixtures.dir().resolve("MAL_Demo_Synthetic/AU Predictor (#7)/settings.xml"))
            .getNodeSettings("model");
        assertFalse(release01.containsKey("engine"));
        final Probe legacy = new Probe();
        legacy.settings().validate(release01);
        legacy.settings().load(release01);
        final NodeSettings resaved = new NodeSettings("model");
        legacy.settings().save(resaved);
        assertEquals("dl4j", resaved.getString("engine"), "a workflow saved before the engine choice");

        final BufferedDataTable in = table(10, null);
        final BufferedDataTable torch = new Probe().set("image_column", "image").set("engine", "libtorch")
            .execute(s_model, in, exec());
        final BufferedDataTable dl4j = new Probe().set("image_column", "image").set("engine", "dl4j")
            .execute(s_model, in, exec());
        for (int k = 0; k < 10; k++) {
            for (final String au : s_model.getSpec().getAuNames()) {
                assertEquals(((DoubleValue)cell(torch, rows(torch).get(k), "P (" + au + "=1)")).getDoubleValue(),
                    ((DoubleValue)cell(dl4j, rows(dl4j).get(k), "P (" + au + "=1)")).getDoubleValue(), 1e-4,
                    au + " of row " + k);
            }
        }
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new Probe().set("engine", "cuda"));
        assertTrue(e.getMessage().contains("cuda") && e.getMessage().contains("libtorch"), e.getMessage());
    }

    @Test
    void hasTwoInputsAndOneOutput() {
        final Probe m = new Probe();
        assertEquals(2, m.inPorts());
        assertEquals(1, m.outPorts());
    }
}
