package org.malau.knime.scorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.cell;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;

import java.util.List;

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
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.malau.knime.testing.NodeTesting;

class AuScorerNodeModelTest {
    private static final String[] OUT_COLUMNS = {"AU", "TP", "FP", "FN", "TN", "precision", "recall", "F1",
        "support", "labelled", "unknown truth skipped", "missing predictions skipped"};

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
        col("AU12 label", DoubleCell.TYPE), col("AU01 label", BooleanCell.TYPE));

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
            integer(out, r.get(0), "support"), integer(out, r.get(0), "labelled"),
            integer(out, r.get(0), "unknown truth skipped"), integer(out, r.get(0), "missing predictions skipped")));
        assertEquals(0.5, number(out, r.get(0), "precision"), 1e-12);
        assertEquals(0.5, number(out, r.get(0), "recall"), 1e-12);
        assertEquals(0.5, number(out, r.get(0), "F1"), 1e-12);

        assertEquals("AU12", string(out, r.get(1), "AU"));
        assertEquals(List.of(0, 1, 0, 6, 0, 7, 0, 0), List.of(integer(out, r.get(1), "TP"),
            integer(out, r.get(1), "FP"), integer(out, r.get(1), "FN"), integer(out, r.get(1), "TN"),
            integer(out, r.get(1), "support"), integer(out, r.get(1), "labelled"),
            integer(out, r.get(1), "unknown truth skipped"), integer(out, r.get(1), "missing predictions skipped")));
        assertEquals(0.0, number(out, r.get(1), "precision"), 1e-12);
        assertNull(number(out, r.get(1), "recall"), "no labelled positives: recall undefined");
        assertEquals(0.0, number(out, r.get(1), "F1"), 1e-12);

        assertEquals("average", r.get(2).getKey().getString());
        assertEquals(0.25, number(out, r.get(2), "F1"), 1e-12);
        assertNull(integer(out, r.get(2), "TP"));
        assertTrue(m.warning().contains("1 missing prediction"), m.warning());
        assertTrue(m.warning().contains("AU04"), m.warning());
    }

    @Test
    void emptyTableGivesMissingScoresAndAWarning() throws Exception {
        final Probe m = new Probe();
        final BufferedDataTable out = run(m, table(SPEC));
        final List<DataRow> r = rows(out);
        assertEquals(3, r.size());
        assertEquals(0, integer(out, r.get(0), "labelled"));
        assertNull(number(out, r.get(0), "F1"));
        assertNull(number(out, r.get(2), "F1"));
        assertTrue(m.warning().contains("empty"), m.warning());
    }

    @Test
    void noIssueGivesNoWarning() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("AU01", IntCell.TYPE), col("AU01 label", IntCell.TYPE));
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
        final Probe m = new Probe();
        String msg = configureError(m, col("AU01", IntCell.TYPE), col("AU01 label", IntCell.TYPE),
            col("AU06 label", IntCell.TYPE));
        assertTrue(msg.contains("AU06 label"), msg);
        msg = configureError(m, col("AU01", StringCell.TYPE), col("AU01 label", IntCell.TYPE));
        assertTrue(msg.contains("\"AU01\"") && msg.contains("Truth"), msg);
        msg = configureError(m, col("AU01", IntCell.TYPE), col("AU01 label", StringCell.TYPE));
        assertTrue(msg.contains("\"AU01 label\"") && msg.contains("Prediction"), msg);
        msg = configureError(m, col("AU01", IntCell.TYPE), col("AU01 probability", DoubleCell.TYPE));
        assertTrue(msg.contains("no prediction column") && msg.contains("AU01 label"), msg);
    }

    @Test
    void samePatternForTruthAndPredictionIsRejected() throws Exception {
        final Probe m = new Probe();
        final NodeSettings s = new NodeSettings("model");
        m.settings().save(s);
        final SettingsModelString suffix = AuScorerNodeModel.createPredictionSuffixSettingsModel();
        suffix.setStringValue("");
        suffix.saveSettingsTo(s);
        m.settings().load(s);
        final String msg = configureError(m, col("AU01", IntCell.TYPE));
        assertTrue(msg.contains("same prefix"), msg);
    }

    @Test
    void configurablePrefixAndSuffixMatchOtherNames() throws Exception {
        final Probe m = new Probe();
        final NodeSettings s = new NodeSettings("model");
        m.settings().save(s);
        final SettingsModelString tp = AuScorerNodeModel.createTruthPrefixSettingsModel();
        tp.setStringValue("true ");
        tp.saveSettingsTo(s);
        final SettingsModelString pp = AuScorerNodeModel.createPredictionPrefixSettingsModel();
        pp.setStringValue("pred ");
        pp.saveSettingsTo(s);
        final SettingsModelString ps = AuScorerNodeModel.createPredictionSuffixSettingsModel();
        ps.setStringValue("");
        ps.saveSettingsTo(s);
        m.settings().validate(s);
        m.settings().load(s);
        final DataTableSpec spec = new DataTableSpec(col("true AU2", IntCell.TYPE), col("pred AU02", IntCell.TYPE),
            col("AU02 label", StringCell.TYPE));
        final BufferedDataTable out = run(m, table(spec, new DataCell[]{i(1), i(0), new StringCell("x")}));
        assertEquals("AU02", string(out, rows(out).get(0), "AU"));
        assertEquals(1, integer(out, rows(out).get(0), "FN"));
    }

    @Test
    void aValueOtherThanZeroOrOneStopsExecutionNamingRowAndColumn() throws Exception {
        final DataTableSpec spec = new DataTableSpec(col("AU01", IntCell.TYPE), col("AU01 label", DoubleCell.TYPE));
        final Probe m = new Probe();
        m.configure(new DataTableSpec[]{spec});
        final Exception e = assertThrows(IllegalArgumentException.class, () -> m.execute(
            new BufferedDataTable[]{table(spec, new DataCell[]{i(1), d(0.7)})}, exec()));
        assertTrue(e.getMessage().contains("Row0") && e.getMessage().contains("AU01 label"), e.getMessage());
    }

    @Test
    void settingsRoundTripAndEveryOptionAndPortIsDescribed() throws Exception {
        final Probe from = new Probe();
        final NodeSettings s = new NodeSettings("model");
        from.settings().save(s);
        final SettingsModelString ts = AuScorerNodeModel.createTruthSuffixSettingsModel();
        ts.setStringValue(" truth");
        ts.saveSettingsTo(s);
        from.settings().load(s);
        final NodeSettings saved = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals(4, saved.keySet().stream().filter(k -> !k.endsWith("_Internals")).count());
        final javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        final org.w3c.dom.Document doc;
        try (java.io.InputStream in = AuScorerNodeFactory.class.getResourceAsStream("AuScorerNodeFactory.xml")) {
            doc = f.newDocumentBuilder().parse(in);
        }
        assertEquals(4, doc.getElementsByTagNameNS("*", "option").getLength());
        assertEquals(1, doc.getElementsByTagNameNS("*", "inPort").getLength());
        assertEquals(1, doc.getElementsByTagNameNS("*", "outPort").getLength());
    }
}
