package org.malau.knime.fereader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.image;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;
import static org.malau.knime.testing.NodeTesting.write;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.malau.knime.common.DatasetSettings;
import org.malau.knime.testing.NodeTesting;

class ExpressionDatasetReaderNodeModelTest {
    private static final String[] COLUMNS = {"image", "subject", "id", "expression", "corruption"};
    private static final String AFFECTNET_HEADER =
        "subDirectory_filePath,face_x,face_y,face_width,face_height,facial_landmarks,expression,valence,arousal";

    @TempDir
    Path dir;

    /** The model with access to its warning, which NodeModel keeps protected. */
    static final class Probe extends ExpressionDatasetReaderNodeModel {
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

    /** Settings with every option; {@code more} = partition, image pattern, missing policy, keep, PNG folder. */
    private static NodeSettings settings(final String format, final Path location, final String partition,
        final String pattern, final String missing, final boolean keep, final String pngFolder) {
        final NodeSettings s = new NodeSettings("model");
        set(ExpressionDatasetReaderNodeModel.createFormatSettingsModel(), format, s);
        set(ExpressionDatasetReaderNodeModel.createLocationSettingsModel(), location == null ? "" : location.toString(), s);
        set(ExpressionDatasetReaderNodeModel.createPartitionSettingsModel(), partition, s);
        set(ExpressionDatasetReaderNodeModel.createImagePatternSettingsModel(), pattern, s);
        set(ExpressionDatasetReaderNodeModel.createMissingImagesSettingsModel(), missing, s);
        final SettingsModelBoolean b = ExpressionDatasetReaderNodeModel.createKeepNonExpressionsSettingsModel();
        b.setBooleanValue(keep);
        b.saveSettingsTo(s);
        set(ExpressionDatasetReaderNodeModel.createPngFolderSettingsModel(), pngFolder, s);
        return s;
    }

    private static NodeSettings settings(final String format, final Path location, final String partition) {
        return settings(format, location, partition, "", DatasetSettings.MISSING_FAIL, false, "");
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
        assertArrayEquals(COLUMNS, java.util.Arrays.copyOf(specs[0].getColumnNames(), COLUMNS.length));
        final BufferedDataTable out = m.execute(new BufferedDataTable[0],
            NodeTesting.exec(new ExpressionDatasetReaderNodeFactory(), monitor))[0];
        assertEquals(specs[0], out.getDataTableSpec(), "execute's table has configure's spec");
        return out;
    }

    private static List<String> column(final BufferedDataTable t, final String name) {
        return rows(t).stream().map(r -> string(t, r, name)).toList();
    }

    private void rafdb() {
        write(dir.resolve("EmoLabel/list_patition_label.txt"), "train_00001.jpg 4", "train_00002.jpg 1", "test_0001.jpg 7");
        image(dir.resolve("Image/aligned/train_00001_aligned.jpg"));
        image(dir.resolve("Image/aligned/train_00002_aligned.jpg"));
        image(dir.resolve("Image/aligned/test_0001_aligned.jpg"));
    }

    @Test
    void rafDbMapsClassesAndReadsAPartition() throws Exception {
        rafdb();
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        final Probe all = model(settings("RAF-DB", dir, ""));
        final BufferedDataTable t = run(all, monitor);
        assertEquals(List.of("train_00001", "train_00002", "test_0001"), column(t, "id"));
        assertEquals(COLUMNS.length, t.getDataTableSpec().getNumColumns(), "landmarks only for AffectNet");
        assertEquals(List.of("happiness", "surprise", "neutral"), column(t, "expression"));
        assertEquals(dir.resolve("Image/aligned/train_00001_aligned.jpg").toString(), column(t, "image").get(0));
        assertTrue(column(t, "subject").stream().allMatch(s -> s == null), "RAF-DB has no subject ids: missing cells");
        assertTrue(column(t, "corruption").stream().allMatch(s -> s == null));
        assertTrue(all.warning().contains("no subject ids"), all.warning());
        assertEquals(1.0, monitor.getProgress(), 1e-9);

        // partitions are matched ignoring case, as users copy them from papers
        final Probe test = model(settings("RAF-DB", dir, "Test"));
        assertEquals(List.of("test_0001"), column(run(test, new DefaultNodeProgressMonitor()), "id"));
    }

    @Test
    void affectNetSkipsNonExpressionsWithCountsOrKeepsThemMissing() throws Exception {
        final String lm = IntStream.range(0, 68).mapToObj(i -> (10 + i) + ";" + (20 + i)).collect(Collectors.joining(";"));
        write(dir.resolve("training.csv"), AFFECTNET_HEADER, "1/a.jpg,1,2,100,100," + lm + ",1,0.5,0.1",
            "1/b.jpg,1,2,100,100," + lm + ",9,0.5,0.1", "1/c.jpg,1,2,100,100," + lm + ",7,0.5,0.1");
        image(dir.resolve("Manually_Annotated_Images/1/a.jpg"));
        image(dir.resolve("Manually_Annotated_Images/1/b.jpg"));
        image(dir.resolve("Manually_Annotated_Images/1/c.jpg"));

        final Probe skipping = model(settings("AffectNet", dir, "training"));
        final BufferedDataTable t = run(skipping, new DefaultNodeProgressMonitor());
        assertEquals(List.of("happiness", "contempt"), column(t, "expression"));
        assertEquals("training/1/a.jpg", column(t, "id").get(0));
        assertEquals("landmarks", t.getDataTableSpec().getColumnSpec(COLUMNS.length).getName());
        assertTrue(column(t, "landmarks").get(0).startsWith("10.0;20.0;11.0;21.0;"), column(t, "landmarks").get(0));
        assertEquals(136, column(t, "landmarks").get(1).split(";").length);
        assertTrue(skipping.warning().contains("1 sample(s) skipped"), skipping.warning());

        final Probe keeping = model(settings("AffectNet", dir, "", "", DatasetSettings.MISSING_FAIL, true, ""));
        final BufferedDataTable k = run(keeping, new DefaultNodeProgressMonitor());
        assertEquals(java.util.Arrays.asList("happiness", null, "contempt"), column(k, "expression"));
        assertTrue(keeping.warning().contains("1 face(s) have no expression label"), keeping.warning());
    }

    /** Pixel i of row r is (i + r) mod 256. */
    private static String pixels(final int r) {
        return IntStream.range(0, 48 * 48).mapToObj(i -> Integer.toString((i + r) % 256)).collect(Collectors.joining(" "));
    }

    @Test
    void fer2013FacesAreWrittenAsLosslessPngsAndPointedAt() throws Exception {
        final Path csv = write(dir.resolve("fer/fer2013.csv"), "emotion,pixels,Usage", "3," + pixels(0) + ",Training",
            "6," + pixels(1) + ",PublicTest");
        final Path out = dir.resolve("pngs");
        final Probe m = model(settings("FER2013", csv, "", "", DatasetSettings.MISSING_FAIL, false, out.toString()));
        final BufferedDataTable t = run(m, new DefaultNodeProgressMonitor());
        assertEquals(List.of("happiness", "neutral"), column(t, "expression"));
        final Path second = out.resolve("PublicTest_00002.png");
        assertEquals(List.of(out.resolve("Training_00001.png").toString(), second.toString()), column(t, "image"));
        final BufferedImage img = ImageIO.read(second.toFile());
        assertEquals(48, img.getWidth());
        assertEquals(48, img.getHeight());
        for (final int i : new int[]{0, 1, 254, 255, 2303}) {
            assertEquals((i + 1) % 256, img.getRaster().getSample(i % 48, i / 48, 0), "pixel " + i);
        }
        assertTrue(m.warning().contains("written as PNG files to " + out), m.warning());

        // without a folder setting the PNGs go beside the CSV, and a partition selects Usage
        final Probe beside = model(settings("FER2013", csv.getParent(), "PublicTest"));
        final BufferedDataTable b = run(beside, new DefaultNodeProgressMonitor());
        assertEquals(List.of(csv.resolveSibling("fer2013_png/PublicTest_00002.png").toString()), column(b, "image"));
        assertTrue(Files.isRegularFile(csv.resolveSibling("fer2013_png/PublicTest_00002.png")));
    }

    @Test
    void genericCsvReadsNamesAndUnknowns() throws Exception {
        final Path csv = write(dir.resolve("set.csv"), "image,subject,expression,corruption", "a.png,S1,Fear,label_noise",
            "b.png,S2,unknown,none");
        image(dir.resolve("a.png"));
        image(dir.resolve("b.png"));
        final BufferedDataTable t = run(model(settings("Generic CSV", csv, "")), new DefaultNodeProgressMonitor());
        assertEquals(java.util.Arrays.asList("fear", null), column(t, "expression"));
        assertEquals(List.of("S1", "S2"), column(t, "subject"));
        assertEquals(List.of("label_noise", "none"), column(t, "corruption"));
    }

    @Test
    void badSettingsAreRejectedInConfigureNamingTheValue() throws Exception {
        rafdb();
        assertMessage("'val'", settings("RAF-DB", dir, "val"));
        assertMessage("no partitions", settings("Generic CSV", write(dir.resolve("x.csv"), "path,expression"), "train"));
        assertMessage("No data set location", settings("RAF-DB", null, ""));
        assertMessage(dir.resolve("missing").toString(), settings("AffectNet", dir.resolve("missing"), ""));
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new Probe().validateSettings(settings("BP4D", dir, "")));
        assertTrue(e.getMessage().contains("BP4D"), e.getMessage());
    }

    private static void assertMessage(final String expected, final NodeSettings s) {
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> {
            final Probe m = new Probe();
            m.loadValidatedSettingsFrom(s);
            m.configure(new DataTableSpec[0]);
        });
        assertTrue(e.getMessage().contains(expected), () -> "'" + expected + "' not in: " + e.getMessage());
    }

    @Test
    void missingImagesFailOrAreSkippedWithCounts() throws Exception {
        rafdb();
        Files.delete(dir.resolve("Image/aligned/train_00002_aligned.jpg"));
        final Probe failing = model(settings("RAF-DB", dir, "", "Image/aligned/{stem}_aligned.jpg",
            DatasetSettings.MISSING_FAIL, false, ""));
        final IOException e = assertThrows(IOException.class, () -> run(failing, new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().contains("train_00002_aligned.jpg"), e.getMessage());

        final Probe skipping = model(settings("RAF-DB", dir, "", "Image/aligned/{stem}_aligned.jpg",
            DatasetSettings.MISSING_SKIP, false, ""));
        final BufferedDataTable t = run(skipping, new DefaultNodeProgressMonitor());
        assertEquals(List.of("train_00001", "test_0001"), column(t, "id"));
        assertTrue(skipping.warning().contains("1 sample(s) skipped because the image file does not exist"),
            skipping.warning());
    }

    @Test
    void unreadableLabelsFailNamingFileAndLine() throws Exception {
        final Path csv = write(dir.resolve("fer2013.csv"), "emotion,pixels,Usage", "3,1 2 3,Training");
        final Probe m = model(settings("FER2013", csv, ""));
        final IOException e = assertThrows(IOException.class, () -> run(m, new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().contains("fer2013.csv:2") && e.getMessage().contains("2304"), e.getMessage());
    }

    @Test
    void cancelStopsExecution() throws Exception {
        rafdb();
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> run(model(settings("RAF-DB", dir, "")), monitor));
    }

    @Test
    void settingsRoundTripKeepsEveryValue() throws Exception {
        final Probe a = model(settings("AffectNet", dir, "validation", "{path}", DatasetSettings.MISSING_SKIP, true,
            dir.resolve("png").toString()));
        final NodeSettings saved = NodeTesting.roundTrip(a.settings(), new Probe().settings());
        assertEquals("AFFECTNET", saved.getString("format"));
        assertEquals("validation", saved.getString("partition"));
        assertEquals("{path}", saved.getString("image_pattern"));
        assertTrue(saved.getBoolean("keep_non_expression_labels"));
        assertEquals(dir.resolve("png").toString(), saved.getString("pixel_image_folder"));
        final NodeSettings defaults = NodeTesting.roundTrip(new Probe().settings(), new Probe().settings());
        assertEquals("RAFDB", defaults.getString("format"));
        NodeTesting.assertDescribed(ExpressionDatasetReaderNodeFactory.class, defaults, new Probe().outPorts());
    }

    @Test
    void dialogOpensOnTheModelsSettings() throws Exception {
        final ExpressionDatasetReaderNodeDialog d = new ExpressionDatasetReaderNodeDialog();
        final NodeSettings in = settings("FER2013", dir, "Training", "", DatasetSettings.MISSING_SKIP, false, "x");
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
