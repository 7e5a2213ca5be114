package org.malau.knime.scorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.cell;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;

import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.malau.knime.testing.Fixtures;
import org.malau.knime.testing.NodeTesting;

class AuScorerNodeModelTest {
    private static final String[] OUT_COLUMNS = {"AU", "TP", "FP", "FN", "TN", "precision", "recall", "F1",
        "support", "labeled", "unknown truth skipped", "missing predictions skipped"};

    static final class Probe extends AuScorerNodeModel {
        int inPorts() {
            return getNrInPorts();
        }

        int outPorts() {
            return getNrOutPorts();
        }

        String warning() {
            return getWarningMessage();
        }

        NodeTesting.SettingsAccess settings() {
            return NodeTesting.access(this::saveSettingsTo, this::validateSettings, this::loadValidatedSettingsFrom);
        }

        double variable(final String name) {
            return peekFlowVariableDouble(name);
        }

        /** Chooses the columns of a filter as the dialog would: these included, the table's others excluded. */
        Probe choose(final SettingsModelColumnFilter2 f, final DataTableSpec table, final String... include)
            throws InvalidSettingsException {
            NodeTesting.choose(f, table, include);
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            f.saveSettingsTo(s);
            validateSettings(s);
            loadValidatedSettingsFrom(s);
            return this;
        }

        Probe set(final String key, final String value) throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            s.addString(key, value);
            validateSettings(s);
            loadValidatedSettingsFrom(s);
            return this;
        }
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    private static ExecutionContext exec() {
        return NodeTesting.exec(new AuScorerNodeFactory(), new DefaultNodeProgressMonitor());
    }

    private static BufferedDataTable table(final DataTableSpec spec, final DataCell[]... rows) {
        final BufferedDataContainer c = exec().createDataContainer(spec);
        for (int i = 0; i < rows.length; i++) {
            c.addRowToTable(new DefaultRow("Row" + i, rows[i]));
        }
        c.close();
        return c.getTable();
    }

    private static BufferedDataTable run(final Probe m, final BufferedDataTable in) throws Exception {
        final DataTableSpec spec = m.configure(new DataTableSpec[]{in.getDataTableSpec()})[0];
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{in}, exec())[0];
        assertEquals(spec, out.getDataTableSpec());
        return out;
    }

    private static Double number(final BufferedDataTable t, final DataRow r, final String column) {
        final DataCell c = cell(t, r, column);
        return c.isMissing() ? null : ((DoubleValue)c).getDoubleValue();
    }

    private static DataCell i(final int v) {
        return new IntCell(v);
    }

    private static DataCell d(final double v) {
        return new DoubleCell(v);
    }

    private static final DataCell NA = new MissingCell(null);

    /** AU01 truth (int) and prediction (boolean), AU12 truth (int) and prediction (double), AU04 truth only. */
    private static final DataTableSpec SPEC = new DataTableSpec(col("id", StringCell.TYPE), col("AU01", IntCell.TYPE),
        col("AU01 intensity", DoubleCell.TYPE), col("AU04", IntCell.TYPE), col("AU12", IntCell.TYPE),
        col("Prediction (AU12)", DoubleCell.TYPE), col("Prediction (AU01)", BooleanCell.TYPE));

    private static DataCell[] row(final String id, final DataCell au01, final DataCell au12, final DataCell p12,
        final DataCell p01) {
        return new DataCell[]{new StringCell(id), au01, d(3), i(0), au12, p12, p01};
    }

    private static DataCell b(final boolean v) {
        return BooleanCell.get(v);
    }

    @Test
    void hasOneInputAndOneOutputAndConfiguresTheScoreTable() throws Exception {
        final Probe m = new Probe();
        assertEquals(1, m.inPorts());
        assertEquals(1, m.outPorts());
        final DataTableSpec out = m.configure(new DataTableSpec[]{SPEC})[0];
        assertArrayEquals(OUT_COLUMNS, out.getColumnNames());
        assertEquals(StringCell.TYPE, out.getColumnSpec("AU").getType());
        assertEquals(IntCell.TYPE, out.getColumnSpec("TP").getType());
        assertEquals(DoubleCell.TYPE, out.getColumnSpec("F1").getType());
        assertTrue(m.warning().contains("AU04"), m.warning());
    }

    @Test
    void countsAndScoresByHandSkippingUnknownTruthAndMissingPredictions() throws Exception {
        // AU01: (1,1) TP, (1,0) FN, (0,1) FP, (0,0) TN, (0,0) TN, (?,1) unknown, (1,?) missing prediction
        // AU12: all truth 0, one predicted 1: FP 1, TN 6, precision 0, recall and F1... F1 = 0 / (0 + 1 + 0) = 0
        final BufferedDataTable in = table(SPEC, row("a", i(1), i(0), d(0), b(true)), row("b", i(1), i(0), d(0),
            b(false)), row("c", i(0), i(0), d(1), b(true)), row("d", i(0), i(0), d(0), b(false)), row("e", i(0),
                i(0), d(0), b(false)), row("f", NA, i(0), d(0), b(true)), row("g", i(1), i(0), d(0), NA));
        final Probe m = new Probe();
        final BufferedDataTable out = run(m, in);
        final List<DataRow> r = rows(out);
        assertEquals(3, r.size());
        assertEquals("AU01", r.get(0).getKey().getString());
        assertEquals("AU01", string(out, r.get(0), "AU"));
        assertEquals(List.of(1, 1, 1, 2, 2, 5, 1, 1), List.of(integer(out, r.get(0), "TP"),
            integer(out, r.get(0), "FP"), integer(out, r.get(0), "FN"), integer(out, r.get(0), "TN"),
            integer(out, r.get(0), "support"), integer(out, r.get(0), "labeled"),
            integer(out, r.get(0), "unknown truth skipped"), integer(out, r.get(0), "missing predictions skipped")));
        assertEquals(0.5, number(out, r.get(0), "precision"), 1e-12);
        assertEquals(0.5, number(out, r.get(0), "recall"), 1e-12);
        assertEquals(0.5, number(out, r.get(0), "F1"), 1e-12);

        assertEquals("AU12", string(out, r.get(1), "AU"));
        assertEquals(List.of(0, 1, 0, 6, 0, 7, 0, 0), List.of(integer(out, r.get(1), "TP"),
            integer(out, r.get(1), "FP"), integer(out, r.get(1), "FN"), integer(out, r.get(1), "TN"),
            integer(out, r.get(1), "support"), integer(out, r.get(1), "labeled"),
            integer(out, r.get(1), "unknown truth skipped"), integer(out, r.get(1), "missing predictions skipped")));
        assertEquals(0.0, number(out, r.get(1), "precision"), 1e-12);
        assertNull(number(out, r.get(1), "recall"), "no labeled positives: recall undefined");
        assertEquals(0.0, number(out, r.get(1), "F1"), 1e-12);

        assertEquals("average", r.get(2).getKey().getString());
        assertEquals(0.25, number(out, r.get(2), "F1"), 1e-12);
        assertNull(integer(out, r.get(2), "TP"));
        assertTrue(m.warning().contains("1 missing prediction"), m.warning());
        assertTrue(m.warning().contains("AU04"), m.warning());
        // the mean AU F1 is pushed as a flow variable, as KNIME's scorers push theirs; no expression columns: no
        // expression accuracy
        assertEquals(0.25, m.variable("mean AU F1"), 1e-12);
        assertThrows(NoSuchElementException.class, () -> m.variable("expression accuracy"));
    }

    @Test
    void emptyTableGivesMissingScoresAndAWarning() throws Exception {
        final Probe m = new Probe();
        final BufferedDataTable out = run(m, table(SPEC));
        final List<DataRow> r = rows(out);
        assertEquals(3, r.size());
        assertEquals(0, integer(out, r.get(0), "labeled"));
        assertNull(number(out, r.get(0), "F1"));
        assertNull(number(out, r.get(2), "F1"));
        assertTrue(m.warning().contains("empty"), m.warning());
        assertTrue(Double.isNaN(m.variable("mean AU F1")), "undefined, as KNIME's scorers push it");
    }

    @Test
    void noIssueGivesNoWarning() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("AU01", IntCell.TYPE), col("Prediction (AU01)",
            IntCell.TYPE));
        final Probe m = new Probe();
        final BufferedDataTable out = run(m, table(spec, new DataCell[]{i(1), i(1)}, new DataCell[]{i(0), i(0)}));
        assertEquals(1.0, number(out, rows(out).get(0), "F1"), 1e-12);
        assertNull(m.warning());
    }

    private static String configureError(final Probe m, final DataColumnSpec... cols) {
        return assertThrows(InvalidSettingsException.class,
            () -> m.configure(new DataTableSpec[]{new DataTableSpec(cols)})).getMessage();
    }

    @Test
    void badInputsStopConfigureNamingTheColumns() {
        String msg = configureError(new Probe(), col("AU01", IntCell.TYPE), col("Prediction (AU01)", IntCell.TYPE),
            col("Prediction (AU06)", IntCell.TYPE));
        assertTrue(msg.contains("Prediction (AU06)") && msg.contains("No truth column"), msg);
        msg = configureError(new Probe(), col("AU01", StringCell.TYPE), col("Prediction (AU01)", IntCell.TYPE));
        assertTrue(msg.contains("Truth column \"AU01\" holds") && msg.contains("0/1"), msg);
        msg = configureError(new Probe(), col("AU01", IntCell.TYPE), col("Prediction (AU01)", StringCell.TYPE));
        assertTrue(msg.contains("Prediction column \"Prediction (AU01)\" holds"), msg);
        msg = configureError(new Probe(), col("AU01", IntCell.TYPE), col("P (AU01=1)", DoubleCell.TYPE));
        assertTrue(msg.contains("no Prediction columns") && msg.contains("Prediction (AU01)"), msg);
    }

    @Test
    void chosenColumnsArePairedByTheirAuAndWrongTypesAreRefusedNamingTheColumn() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("true AU2", IntCell.TYPE), col("pred AU02", IntCell.TYPE),
            col("AU02 label", StringCell.TYPE));
        final Probe m = new Probe().choose(AuScorerNodeModel.createTruthColumnsSettingsModel(), spec, "true AU2")
            .choose(AuScorerNodeModel.createPredictionColumnsSettingsModel(), spec, "pred AU02");
        final BufferedDataTable out = run(m, table(spec, new DataCell[]{i(1), i(0), new StringCell("x")}));
        assertEquals("AU02", string(out, rows(out).get(0), "AU"));
        assertEquals(1, integer(out, rows(out).get(0), "FN"));

        // the chosen truth column holds text in a later table: refused at configure time, naming it
        final DataTableSpec changed = new DataTableSpec(col("true AU2", StringCell.TYPE), col("pred AU02",
            IntCell.TYPE));
        final String msg = configureError(m, changed.getColumnSpec(0), changed.getColumnSpec(1));
        assertTrue(msg.contains("Truth column \"true AU2\" holds") && msg.contains("0/1"), msg);
        // one column as truth and prediction
        final Probe both = new Probe().choose(AuScorerNodeModel.createTruthColumnsSettingsModel(), spec, "true AU2")
            .choose(AuScorerNodeModel.createPredictionColumnsSettingsModel(), spec, "true AU2");
        assertTrue(configureError(both, spec.getColumnSpec(0), spec.getColumnSpec(1)).contains("both as a truth"));
    }

    @Test
    void expressionAccuracyIsScoredAndPushedWithThePrefix() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("AU01", IntCell.TYPE), col("expression", StringCell.TYPE),
            col("Prediction (AU01)", IntCell.TYPE), col("Prediction (expression)", StringCell.TYPE));
        final DataCell happy = new StringCell("happiness");
        final DataCell sad = new StringCell("sadness");
        // expressions: hit, miss, hit, missing truth (not counted): 2 of 3
        final BufferedDataTable in = table(spec, new DataCell[]{i(1), happy, i(1), happy},
            new DataCell[]{i(0), happy, i(0), sad}, new DataCell[]{i(1), sad, i(0), sad},
            new DataCell[]{i(0), NA, i(0), sad});
        final Probe m = new Probe().set("flow_variable_prefix", "fold1 ");
        m.configure(new DataTableSpec[]{spec});
        // configure pushes placeholders so that downstream nodes can be configured, as KNIME's scorers do
        assertEquals(0.0, m.variable("fold1 expression accuracy"));
        final BufferedDataTable out = run(m, in);
        assertEquals(2.0 / 3, m.variable("fold1 expression accuracy"), 1e-12);
        // AU01: TP 1, FN 1, TN 2: F1 = 2 / (2 + 1) = 2/3
        assertEquals(number(out, rows(out).get(1), "F1"), m.variable("fold1 mean AU F1"), 1e-12);
        assertEquals(2.0 / 3, m.variable("fold1 mean AU F1"), 1e-12);

        // the columns were chosen automatically; a chosen one that holds numbers later is refused naming it
        final NodeSettings s = new NodeSettings("model");
        m.settings().save(s);
        assertEquals("expression", s.getString("expression_truth_column"));
        assertEquals("Prediction (expression)", s.getString("expression_prediction_column"));
        final String msg = configureError(m, col("AU01", IntCell.TYPE), col("expression", IntCell.TYPE),
            col("Prediction (AU01)", IntCell.TYPE), col("Prediction (expression)", StringCell.TYPE));
        assertTrue(msg.contains("Expression truth column \"expression\" holds"), msg);
        // one of the two chosen is not enough
        final Probe half = new Probe().set("expression_truth_column", "expression");
        half.set("expression_prediction_column", null);
        assertTrue(configureError(half, spec.getColumnSpec(0), spec.getColumnSpec(1), spec.getColumnSpec(2),
            spec.getColumnSpec(3)).contains("Choose both"));
    }

    @Test
    void aValueOtherThanZeroOrOneStopsExecutionNamingRowAndColumn() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("AU01", IntCell.TYPE), col("Prediction (AU01)",
            DoubleCell.TYPE));
        final Probe m = new Probe();
        m.configure(new DataTableSpec[]{spec});
        final Exception e = assertThrows(IllegalArgumentException.class, () -> m.execute(
            new BufferedDataTable[]{table(spec, new DataCell[]{i(1), d(0.7)})}, exec()));
        assertTrue(e.getMessage().contains("Row0") && e.getMessage().contains("Prediction (AU01)"), e.getMessage());
    }

    @Test
    void settingsOfRelease01LoadAndTheirPatternsBecomeTheFiltersChoice() throws Exception {
        // the AU Scorer of workflow 1 as release 0.1 saved it: truth AU01, prediction "AU01 label"
        final NodeSettingsRO old = Fixtures.modelSettings("MAL_Demo_Synthetic/AU Scorer (#8)");
        final Probe m = new Probe();
        NodeTesting.reload(m.settings(), old);
        final DataTableSpec spec = new DataTableSpec(col("AU01", IntCell.TYPE), col("AU01 label", IntCell.TYPE),
            col("Prediction (AU01)", IntCell.TYPE), col("expression", StringCell.TYPE),
            col("Prediction (expression)", StringCell.TYPE));
        final BufferedDataTable out = run(m, table(spec, new DataCell[]{i(1), i(1), i(0), NA, NA}));
        assertEquals(1, integer(out, rows(out).get(0), "TP"), "the old pattern's column \"AU01 label\" is scored");
        assertThrows(NoSuchElementException.class, () -> m.variable("expression accuracy"),
            "old workflows scored no expressions");
        final NodeSettings saved = new NodeSettings("model");
        m.settings().save(saved);
        assertArrayEquals(new String[]{"AU01 label"},
            saved.getNodeSettings("prediction_columns").getStringArray("included_names"));
        assertFalse(saved.containsKey("prediction_suffix"), "the patterns became the filters' choice");

        // the same patterns for truth and prediction cannot work
        final NodeSettings same = new NodeSettings("model");
        for (final String k : new String[]{"truth_prefix", "truth_suffix", "prediction_prefix", "prediction_suffix"}) {
            same.addString(k, "");
        }
        final Probe p = new Probe();
        p.settings().validate(same);
        p.settings().load(same);
        assertTrue(configureError(p, col("AU01", IntCell.TYPE)).contains("same prefix"));
    }

    @Test
    void settingsRoundTripAndEveryOptionAndPortIsDescribed() throws Exception {
        final Probe from = new Probe().set("flow_variable_prefix", "x_").set("expression_truth_column", "emotion");
        final NodeSettings saved = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals("emotion", saved.getString("expression_truth_column"));
        assertEquals(5, saved.keySet().stream().filter(k -> !k.endsWith("_Internals")).count());
        final javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        final org.w3c.dom.Document doc;
        try (java.io.InputStream in = AuScorerNodeFactory.class.getResourceAsStream("AuScorerNodeFactory.xml")) {
            doc = f.newDocumentBuilder().parse(in);
        }
        assertEquals(5, doc.getElementsByTagNameNS("*", "option").getLength());
        assertEquals(1, doc.getElementsByTagNameNS("*", "inPort").getLength());
        assertEquals(1, doc.getElementsByTagNameNS("*", "outPort").getLength());
    }
}
