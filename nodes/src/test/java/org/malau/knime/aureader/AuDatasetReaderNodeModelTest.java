package org.malau.knime.aureader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.image;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;
import static org.malau.knime.testing.NodeTesting.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.malau.knime.common.DatasetSettings;
import org.malau.knime.testing.NodeTesting;

class AuDatasetReaderNodeModelTest {
    /** BP4D's header: frame column, then AU numbers, including AU 27 outside the 12-AU protocol. */
    private static final String BP4D_HEADER = "0,1,2,4,6,7,10,12,14,15,17,23,24,27";
    private static final int[] BP4D_12 = {1, 2, 4, 6, 7, 10, 12, 14, 15, 17, 23, 24};
    private static final int[] DISFA_12 = {1, 2, 4, 5, 6, 9, 12, 15, 17, 20, 25, 26};

    @TempDir
    Path dir;

    /** The model with access to its warning, which NodeModel keeps protected. */
    static final class Probe extends AuDatasetReaderNodeModel {
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

    private static NodeSettings settings(final String format, final Path location, final String auCodes,
        final boolean intensities, final String pattern, final String missing) {
        final NodeSettings s = new NodeSettings("model");
        set(AuDatasetReaderNodeModel.createFormatSettingsModel(), format, s);
        set(AuDatasetReaderNodeModel.createLocationSettingsModel(), location == null ? "" : location.toString(), s);
        set(AuDatasetReaderNodeModel.createAuCodesSettingsModel(), auCodes, s);
        final SettingsModelBoolean b = AuDatasetReaderNodeModel.createAuIntensitiesSettingsModel();
        b.setBooleanValue(intensities);
        b.saveSettingsTo(s);
        set(AuDatasetReaderNodeModel.createImagePatternSettingsModel(), pattern, s);
        set(AuDatasetReaderNodeModel.createMissingImagesSettingsModel(), missing, s);
        return s;
    }

    private static void set(final SettingsModelString m, final String value, final NodeSettings s) {
        m.setStringValue(value);
        m.saveSettingsTo(s);
    }

    private static Probe model(final NodeSettings s) throws InvalidSettingsException {
        final Probe m = new Probe();
        m.validateSettings(s);
        m.loadValidatedSettingsFrom(s);
        return m;
    }

    private static BufferedDataTable run(final Probe m, final DefaultNodeProgressMonitor monitor) throws Exception {
        final DataTableSpec[] specs = m.configure(new DataTableSpec[0]);
        final BufferedDataTable out = m.execute(new BufferedDataTable[0],
            NodeTesting.exec(new AuDatasetReaderNodeFactory(), monitor))[0];
        assertEquals(specs[0], out.getDataTableSpec(), "execute's table has configure's spec");
        return out;
    }

    private void bp4d() {
        write(dir.resolve("AUCoding/AU_OCC/F001_T1.csv"), BP4D_HEADER,
            "2440,1,0,9,0,0,0,1,0,0,0,0,1,9",
            "2441,0,0,0,1,1,1,0,0,0,0,0,0,0");
        write(dir.resolve("AUCoding/AU_OCC/M002_T8.csv"), BP4D_HEADER, "12,1,1,1,1,1,1,1,1,1,1,1,1,1");
        image(dir.resolve("BP4D-training/F001/T1/2440.jpg"));
        image(dir.resolve("BP4D-training/F001/T1/2441.jpg"));
        image(dir.resolve("BP4D-training/M002/T8/12.jpg"));
    }

    private static String[] columnNames(final String... auAndMore) {
        return auAndMore;
    }

    @Test
    void bp4dSpecComesFromSettingsAloneAndMatchesTheTable() throws Exception {
        bp4d();
        final Probe m = model(settings("BP4D", dir, "", false, "", DatasetSettings.MISSING_FAIL));
        final DataTableSpec spec = m.configure(new DataTableSpec[0])[0];
        final String[] expected = new String[3 + BP4D_12.length + 2];
        expected[0] = "image";
        expected[1] = "subject";
        expected[2] = "id";
        for (int i = 0; i < BP4D_12.length; i++) {
            expected[3 + i] = String.format("AU%02d", BP4D_12[i]);
            assertEquals(IntCell.TYPE, spec.getColumnSpec(3 + i).getType());
        }
        expected[expected.length - 2] = "expression";
        expected[expected.length - 1] = "corruption";
        assertArrayEquals(expected, spec.getColumnNames());
        assertEquals(StringCell.TYPE, spec.getColumnSpec("image").getType());
    }

    @Test
    void bp4dRowsKeepUnknownLabelsMissingAndReportThem() throws Exception {
        bp4d();
        final Probe m = model(settings("BP4D", dir, "", false, "", DatasetSettings.MISSING_FAIL));
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        final BufferedDataTable t = run(m, monitor);
        final List<DataRow> rows = rows(t);
        assertEquals(3, rows.size());
        final DataRow first = rows.get(0);
        assertEquals(dir.resolve("BP4D-training/F001/T1/2440.jpg").toString(), string(t, first, "image"));
        assertEquals("F001", string(t, first, "subject"));
        assertEquals("F001_T1_2440", string(t, first, "id"));
        assertEquals(1, integer(t, first, "AU01"));
        assertEquals(0, integer(t, first, "AU02"));
        assertNull(integer(t, first, "AU04"), "BP4D code 9 must stay unknown, not 0");
        assertEquals(1, integer(t, first, "AU24"));
        assertNull(string(t, first, "expression"));
        assertNull(string(t, first, "corruption"));
        assertEquals(1, integer(t, rows.get(1), "AU06"));
        assertEquals("M002", string(t, rows.get(2), "subject"));
        assertTrue(m.warning().contains("1 AU label(s) are unknown"), m.warning());
        assertEquals(1.0, monitor.getProgress(), 1e-9);
    }

    @Test
    void aFileUrlIsAcceptedAsLocation() throws Exception {
        bp4d();
        final NodeSettings s = settings("BP4D", null, "", false, "", DatasetSettings.MISSING_FAIL);
        final SettingsModelString location = AuDatasetReaderNodeModel.createLocationSettingsModel();
        location.setStringValue(dir.toUri().toString());
        location.saveSettingsTo(s);
        assertTrue(s.getString("location").startsWith("file:"), s.getString("location"));
        assertEquals(3, run(model(s), new DefaultNodeProgressMonitor()).size());
    }

    @Test
    void disfaHasIntensityColumnsAndReadsAChosenAuList() throws Exception {
        for (final int au : DISFA_12) {
            // frame 1: AU intensity = AU index mod 6; frame 2 is absent from AU 26's file
            final int v = java.util.Arrays.binarySearch(DISFA_12, au) % 6;
            if (au == 26) {
                write(dir.resolve("ActionUnit_Labels/SN001/SN001_au" + au + ".txt"), "1," + v);
            } else {
                write(dir.resolve("ActionUnit_Labels/SN001/SN001_au" + au + ".txt"), "1," + v, "2,5");
            }
        }
        image(dir.resolve("Images/SN001/1.jpg"));
        image(dir.resolve("Images/SN001/2.jpg"));
        final Probe m = model(settings("DISFA", dir, "AU02, 4 26", false, "", DatasetSettings.MISSING_FAIL));
        final BufferedDataTable t = run(m, new DefaultNodeProgressMonitor());
        assertArrayEquals(columnNames("image", "subject", "id", "AU02", "AU04", "AU26", "AU02 intensity",
            "AU04 intensity", "AU26 intensity", "expression", "corruption"), t.getDataTableSpec().getColumnNames());
        assertEquals(DoubleCell.TYPE, t.getDataTableSpec().getColumnSpec("AU04 intensity").getType());
        final List<DataRow> rows = rows(t);
        assertEquals(2, rows.size());
        final DataRow f1 = rows.get(0);
        assertEquals(0, integer(t, f1, "AU02"), "intensity 1 is below the occurrence threshold 2");
        assertEquals(1, integer(t, f1, "AU04"), "intensity 2 counts as present");
        final DataCell i4 = NodeTesting.cell(t, f1, "AU04 intensity");
        assertEquals(2.0, ((DoubleValue)i4).getDoubleValue(), 0.0);
        final DataRow f2 = rows.get(1);
        assertEquals(1, integer(t, f2, "AU02"));
        assertNull(integer(t, f2, "AU26"), "a frame missing from AU 26's file is unknown, not absent");
        assertTrue(NodeTesting.cell(t, f2, "AU26 intensity").isMissing());
    }

    @Test
    void genericCsvNeedsItsAuListInConfigureThenReadsUnknownsAsMissing() throws Exception {
        final Path csv = write(dir.resolve("labels.csv"), "path,subject,AU01,AU12,expression",
            "a.png,S1,1,NA,happiness", "b.png,,0,1,");
        image(dir.resolve("a.png"));
        image(dir.resolve("b.png"));
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> model(settings("Generic CSV", csv, "", false, "", DatasetSettings.MISSING_FAIL))
                .configure(new DataTableSpec[0]));
        assertTrue(e.getMessage().contains("AU codes"), e.getMessage());

        final Probe m = model(settings("Generic CSV", csv, "1,12", false, "", DatasetSettings.MISSING_FAIL));
        final BufferedDataTable t = run(m, new DefaultNodeProgressMonitor());
        final List<DataRow> rows = rows(t);
        assertEquals(2, rows.size());
        assertEquals(1, integer(t, rows.get(0), "AU01"));
        assertNull(integer(t, rows.get(0), "AU12"));
        assertEquals("happiness", string(t, rows.get(0), "expression"));
        assertNull(string(t, rows.get(1), "subject"), "an empty subject is unknown");
        assertNull(string(t, rows.get(1), "expression"));
        assertEquals(1, integer(t, rows.get(1), "AU12"));
    }

    @Test
    void genericCsvIntensitiesAddIntensityColumns() throws Exception {
        final Path csv = write(dir.resolve("labels.csv"), "path,AU01", "a.png,3");
        image(dir.resolve("a.png"));
        final Probe m = model(settings("Generic CSV", csv, "1", true, "", DatasetSettings.MISSING_FAIL));
        final BufferedDataTable t = run(m, new DefaultNodeProgressMonitor());
        final DataRow r = rows(t).get(0);
        assertEquals(1, integer(t, r, "AU01"));
        assertEquals(3.0, ((DoubleValue)NodeTesting.cell(t, r, "AU01 intensity")).getDoubleValue(), 0.0);
    }

    @Test
    void badSettingsAreRejectedInConfigureNamingTheValue() throws Exception {
        bp4d();
        assertMessage("No data set location", settings("BP4D", null, "", false, "", DatasetSettings.MISSING_FAIL));
        assertMessage(dir.resolve("nope").toString(),
            settings("BP4D", dir.resolve("nope"), "", false, "", DatasetSettings.MISSING_FAIL));
        assertMessage("AU 7", settings("DISFA", dir, "1,7", false, "", DatasetSettings.MISSING_FAIL));
        assertMessage("reads a CSV file", settings("Generic CSV", dir, "1", false, "", DatasetSettings.MISSING_FAIL));
        final Path file = write(dir.resolve("x.csv"), "path,AU01");
        assertMessage("reads a data set folder", settings("BP4D", file, "", false, "", DatasetSettings.MISSING_FAIL));
    }

    private static void assertMessage(final String expected, final NodeSettings s) throws InvalidSettingsException {
        final Probe m = model(s);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new DataTableSpec[0]));
        assertTrue(e.getMessage().contains(expected), () -> "'" + expected + "' not in: " + e.getMessage());
    }

    @Test
    void settingsThatCanNeverWorkFailValidation() {
        final Probe m = new Probe();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.validateSettings(settings("RAF-DB", dir, "", false, "", DatasetSettings.MISSING_FAIL)));
        assertTrue(e.getMessage().contains("RAF-DB"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> m.validateSettings(settings("BP4D", dir, "1, x", false, "", DatasetSettings.MISSING_FAIL)));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> m.validateSettings(settings("BP4D", dir, "1, 1", false, "", DatasetSettings.MISSING_FAIL)));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> m.validateSettings(settings("BP4D", dir, "", false, "", "maybe")));
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> m.validateSettings(new NodeSettings("empty")));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
    }

    @Test
    void missingImageFailsNamingItOrIsSkippedWithACount() throws Exception {
        bp4d();
        java.nio.file.Files.delete(dir.resolve("BP4D-training/F001/T1/2441.jpg"));
        final Probe failing = model(settings("BP4D", dir, "", false, "BP4D-training/{subject}/{task}/{frame}.jpg",
            DatasetSettings.MISSING_FAIL));
        final IOException e = assertThrows(IOException.class, () -> run(failing, new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().contains("2441.jpg") && e.getMessage().contains("F001_T1.csv"), e.getMessage());

        final Probe skipping = model(settings("BP4D", dir, "", false, "BP4D-training/{subject}/{task}/{frame}.jpg",
            DatasetSettings.MISSING_SKIP));
        final BufferedDataTable t = run(skipping, new DefaultNodeProgressMonitor());
        assertEquals(List.of("F001_T1_2440", "M002_T8_12"), rows(t).stream().map(r -> string(t, r, "id")).toList());
        assertTrue(skipping.warning().contains("1 sample(s) skipped because the image file does not exist"),
            skipping.warning());
    }

    @Test
    void anImagePatternWithAnUnknownPlaceholderIsASettingsError() throws Exception {
        bp4d();
        final Probe m = model(settings("BP4D", dir, "", false, "{subject}/{frames}.jpg", DatasetSettings.MISSING_FAIL));
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> run(m, new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().startsWith("BP4D: ") && e.getMessage().contains("frames"), e.getMessage());
    }

    @Test
    void aFolderWithoutTheLayoutFailsWithAClearMessage() throws Exception {
        final Probe m = model(settings("BP4D", dir, "", false, "", DatasetSettings.MISSING_FAIL));
        final IOException e = assertThrows(IOException.class, () -> run(m, new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().startsWith("BP4D data set: ") && e.getMessage().contains("AUCoding"), e.getMessage());
    }

    @Test
    void aBadLabelValueFailsNamingFileAndLine() throws Exception {
        bp4d();
        write(dir.resolve("AUCoding/AU_OCC/F001_T1.csv"), BP4D_HEADER, "2440,1,0,9,0,0,0,1,0,0,0,0,1,9",
            "2441,0,7,0,1,1,1,0,0,0,0,0,0,0");
        final Probe m = model(settings("BP4D", dir, "", false, "", DatasetSettings.MISSING_FAIL));
        final IOException e = assertThrows(IOException.class, () -> run(m, new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().contains("F001_T1.csv:3"), e.getMessage());
    }

    @Test
    void genericCsvWithAByteOrderMarkCrlfAndAQuotedCommaIsRead() throws Exception {
        final Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "\uFEFFpath,AU01\r\n\"a, b.png\",1\r\n");
        image(dir.resolve("a, b.png"));
        final BufferedDataTable t = run(model(settings("Generic CSV", csv, "1", false, "", DatasetSettings.MISSING_FAIL)),
            new DefaultNodeProgressMonitor());
        assertEquals(1, t.size());
        assertEquals(1, integer(t, rows(t).get(0), "AU01"));
    }

    @Test
    void genericCsvWithADuplicatedColumnFailsNamingIt() throws Exception {
        final Path csv = write(dir.resolve("labels.csv"), "path,AU01,AU01", "a.png,1,0");
        image(dir.resolve("a.png"));
        final Exception e = assertThrows(Exception.class,
            () -> run(model(settings("Generic CSV", csv, "1", false, "", DatasetSettings.MISSING_FAIL)), new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().contains("labels.csv") && e.getMessage().contains("'AU01' appears twice"), e.getMessage());
    }

    @Test
    void genericCsvInLatin1FailsSayingItIsNotUtf8() throws Exception {
        final Path csv = dir.resolve("labels.csv");
        Files.write(csv, "path,AU01\ncaf\u00e9.png,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        final Exception e = assertThrows(Exception.class,
            () -> run(model(settings("Generic CSV", csv, "1", false, "", DatasetSettings.MISSING_FAIL)), new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().contains("labels.csv") && e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void anEmptyDataSetGivesAnEmptyTableAndAWarning() throws Exception {
        final Path csv = write(dir.resolve("labels.csv"), "path,AU01");
        final Probe m = model(settings("Generic CSV", csv, "1", false, "", DatasetSettings.MISSING_FAIL));
        final BufferedDataTable t = run(m, new DefaultNodeProgressMonitor());
        assertEquals(0, t.size());
        assertTrue(m.warning().contains("No faces read"), m.warning());
    }

    @Test
    void cancelStopsExecution() throws Exception {
        bp4d();
        final Probe m = model(settings("BP4D", dir, "", false, "", DatasetSettings.MISSING_FAIL));
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> run(m, monitor));
    }

    @Test
    void settingsRoundTripKeepsEveryValue() throws Exception {
        final Probe a = model(settings("DISFA", dir, "1, 2, 4", true, "Images/{subject}/{frame}.png",
            DatasetSettings.MISSING_SKIP));
        final Probe b = new Probe();
        final NodeSettings saved = NodeTesting.roundTrip(a.settings(), b.settings());
        assertEquals("DISFA", saved.getString("format"));
        assertEquals("1, 2, 4", saved.getString("au_codes"));
        assertEquals(DatasetSettings.MISSING_SKIP, saved.getString("missing_images"));
        assertTrue(saved.getBoolean("au_intensities"));
        // the loaded model acts on the values, not just stores them
        assertArrayEquals(columnNames("image", "subject", "id", "AU01", "AU02", "AU04", "AU01 intensity",
            "AU02 intensity", "AU04 intensity", "expression", "corruption"),
            b.configure(new DataTableSpec[0])[0].getColumnNames());
    }

    @Test
    void defaultsOfAFreshModelRoundTrip() throws Exception {
        final NodeSettings saved = NodeTesting.roundTrip(new Probe().settings(), new Probe().settings());
        assertEquals("BP4D", saved.getString("format"));
        NodeTesting.assertDescribed(AuDatasetReaderNodeFactory.class, saved, new Probe().outPorts());
        assertEquals(DatasetSettings.MISSING_FAIL, saved.getString("missing_images"));
    }

    @Test
    void dialogOpensOnTheModelsSettings() throws Exception {
        final AuDatasetReaderNodeDialog d = new AuDatasetReaderNodeDialog();
        final NodeSettings in = settings("DISFA", dir, "1", false, "", DatasetSettings.MISSING_SKIP);
        d.loadSettingsFrom(in, new org.knime.core.node.port.PortObjectSpec[0]);
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        // the dialog may order entries differently; what counts is that the model reads back the same values
        final NodeSettings fromIn = new NodeSettings("model");
        model(in).saveSettingsTo(fromIn);
        final NodeSettings fromDialog = new NodeSettings("model");
        model(out).saveSettingsTo(fromDialog);
        assertEquals(fromIn.toString(), fromDialog.toString());
    }
}
