package org.malau.knime.aligner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.cell;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.data.synth.PngEncoder;
import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthFace;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;
import org.malau.knime.testing.NodeTesting;

class FaceAlignerNodeModelTest {
    private static final String[] EYE_COLUMNS = {"eye_imgleft_x", "eye_imgleft_y", "eye_imgright_x", "eye_imgright_y"};
    private static final String[] APPENDED = {"aligned face", "face status", "face message", "face index", "face x",
        "face y", "face width", "face height", "eye left x", "eye left y", "eye right x", "eye right y", "roll",
        "scale"};

    static final class Probe extends FaceAlignerNodeModel {
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

    /** Settings as the dialog would write them, starting from the defaults. */
    private static final class Settings {
        String image = "image";
        String base = "";
        String source = FaceAlignerNodeModel.SOURCE_DETECT;
        String landmarks = "landmarks";
        String[] eyes = EYE_COLUMNS.clone();
        int size = 112;
        boolean grey;
        String mode = FaceAlignerNodeModel.MODE_LARGEST;
        String model = "";
        boolean filter;
        /** Null: saved without the eye options, as workflows saved before they existed. */
        String eyeMethod;
        boolean with68;

        NodeSettings save() {
            final NodeSettings s = new NodeSettings("model");
            string(FaceAlignerNodeModel.createImageColumnSettingsModel(), image, s);
            string(FaceAlignerNodeModel.createBaseFolderSettingsModel(), base, s);
            string(FaceAlignerNodeModel.createLandmarkSourceSettingsModel(), source, s);
            string(FaceAlignerNodeModel.createLandmarksColumnSettingsModel(), landmarks, s);
            string(FaceAlignerNodeModel.createEyeLeftXSettingsModel(), eyes[0], s);
            string(FaceAlignerNodeModel.createEyeLeftYSettingsModel(), eyes[1], s);
            string(FaceAlignerNodeModel.createEyeRightXSettingsModel(), eyes[2], s);
            string(FaceAlignerNodeModel.createEyeRightYSettingsModel(), eyes[3], s);
            final SettingsModelIntegerBounded sz = FaceAlignerNodeModel.createSizeSettingsModel();
            sz.setIntValue(size);
            sz.saveSettingsTo(s);
            bool(FaceAlignerNodeModel.createGreySettingsModel(), grey, s);
            string(FaceAlignerNodeModel.createModeSettingsModel(), mode, s);
            string(FaceAlignerNodeModel.createDnnModelSettingsModel(), model, s);
            bool(FaceAlignerNodeModel.createFilterNoFaceSettingsModel(), filter, s);
            if (eyeMethod != null) {
                string(FaceAlignerNodeModel.createEyeMethodSettingsModel(), eyeMethod, s);
                bool(FaceAlignerNodeModel.createLandmarks68SettingsModel(), with68, s);
            }
            return s;
        }

        Probe model() throws InvalidSettingsException {
            final Probe m = new Probe();
            final NodeSettings s = save();
            m.validateSettings(s);
            m.loadValidatedSettingsFrom(s);
            return m;
        }

        private static void string(final SettingsModelString m, final String v, final NodeSettings s) {
            m.setStringValue(v);
            m.saveSettingsTo(s);
        }

        private static void bool(final SettingsModelBoolean m, final boolean v, final NodeSettings s) {
            m.setBooleanValue(v);
            m.saveSettingsTo(s);
        }
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    private static DataTableSpec pngSpec(final boolean eyes, final boolean landmarks) {
        final List<DataColumnSpec> cols = new ArrayList<>(List.of(col("image", PNGImageCellFactory.TYPE),
            col("id", StringCell.TYPE)));
        if (eyes) {
            for (final String e : EYE_COLUMNS) {
                cols.add(col(e, DoubleCell.TYPE));
            }
        }
        if (landmarks) {
            cols.add(col("landmarks", StringCell.TYPE));
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private static DataTableSpec pathSpec() {
        return new DataTableSpec(col("image", StringCell.TYPE));
    }

    private static ExecutionContext exec(final DefaultNodeProgressMonitor monitor) {
        return NodeTesting.exec(new FaceAlignerNodeFactory(), monitor);
    }

    private static BufferedDataTable table(final DataTableSpec spec, final List<DataCell[]> rows) {
        final BufferedDataContainer c = exec(new DefaultNodeProgressMonitor()).createDataContainer(spec);
        for (int i = 0; i < rows.size(); i++) {
            c.addRowToTable(new DefaultRow("Row" + i, rows.get(i)));
        }
        c.close();
        return c.getTable();
    }

    private static BufferedDataTable run(final Probe m, final BufferedDataTable in,
        final DefaultNodeProgressMonitor monitor)
        throws Exception {
        final DataTableSpec spec = m.configure(new DataTableSpec[]{in.getDataTableSpec()})[0];
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{in}, exec(monitor))[0];
        assertEquals(spec, out.getDataTableSpec());
        return out;
    }

    private static double number(final BufferedDataTable t, final DataRow r, final String column) {
        return ((DoubleValue)cell(t, r, column)).getDoubleValue();
    }

    private static BufferedImage crop(final BufferedDataTable t, final DataRow r) {
        return (BufferedImage)((PNGImageValue)cell(t, r, "aligned face")).getImageContent().getImage();
    }

    private static List<SynthFace> synthFaces(final int n) {
        final SynthGenerator g = new SynthGenerator(SynthConfig.builder().seed(11).auSubjects(1).feSubjects(0)
            .perSubject(n).size(128).build());
        final List<SynthFace> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            faces.add(g.face(SynthSet.AU, i));
        }
        return faces;
    }

    private static Path photo(final String name) {
        return NodeTesting.sharedDir().resolve("data/faces").resolve(name);
    }

    // ---- configure ----

    @Test
    void specAppendsTheAlignmentColumnsToAPngTable() throws Exception {
        final DataTableSpec in = pngSpec(false, false);
        final DataTableSpec out = new Settings().model().configure(new DataTableSpec[]{in})[0];
        final List<String> names = Arrays.asList(out.getColumnNames());
        assertEquals(List.of("image", "id"), names.subList(0, 2));
        assertEquals(Arrays.asList(APPENDED), names.subList(2, names.size()));
        assertEquals(PNGImageCellFactory.TYPE, out.getColumnSpec("aligned face").getType());
        assertEquals(StringCell.TYPE, out.getColumnSpec("face status").getType());
        assertEquals(IntCell.TYPE, out.getColumnSpec("face index").getType());
        assertEquals(DoubleCell.TYPE, out.getColumnSpec("roll").getType());
    }

    @Test
    void specOfAPathTableAndOfBothLandmarkSourcesIsTheSameLayout() throws Exception {
        final DataTableSpec paths = new Settings().model().configure(new DataTableSpec[]{pathSpec()})[0];
        assertEquals(1 + APPENDED.length, paths.getNumColumns());
        final Settings eyes = new Settings();
        eyes.source = FaceAlignerNodeModel.SOURCE_EYES;
        final DataTableSpec withEyes = pngSpec(true, true);
        assertEquals(withEyes.getNumColumns() + APPENDED.length,
            eyes.model().configure(new DataTableSpec[]{withEyes})[0].getNumColumns());
        final Settings lm = new Settings();
        lm.source = FaceAlignerNodeModel.SOURCE_LANDMARKS;
        assertEquals(pngSpec(false, true).getNumColumns() + APPENDED.length,
            lm.model().configure(new DataTableSpec[]{pngSpec(false, true)})[0].getNumColumns());
    }

    @Test
    void anInputColumnWithAnAppendedNameKeepsItsNameAndTheNewOneGetsASuffix() throws Exception {
        final DataTableSpec in = new DataTableSpec(col("image", StringCell.TYPE), col("roll", StringCell.TYPE));
        final DataTableSpec out = new Settings().model().configure(new DataTableSpec[]{in})[0];
        assertEquals(StringCell.TYPE, out.getColumnSpec("roll").getType());
        assertEquals(DoubleCell.TYPE, out.getColumnSpec("roll (#1)").getType());
    }

    @Test
    void configureRejectsAMissingOrWrongTypedImageColumnNamingIt() throws Exception {
        final Settings s = new Settings();
        s.image = "picture";
        final InvalidSettingsException missing = assertThrows(InvalidSettingsException.class,
            () -> s.model().configure(new DataTableSpec[]{pngSpec(false, false)}));
        assertTrue(missing.getMessage().contains("\"picture\""), missing.getMessage());

        final DataTableSpec ints = new DataTableSpec(col("image", IntCell.TYPE));
        final InvalidSettingsException wrong = assertThrows(InvalidSettingsException.class,
            () -> new Settings().model().configure(new DataTableSpec[]{ints}));
        assertTrue(wrong.getMessage().contains("\"image\"") && wrong.getMessage().contains("PNG"), wrong.getMessage());
    }

    @Test
    void configureRejectsMissingOrWrongTypedLandmarkColumnsNamingThem() throws Exception {
        final Settings eyes = new Settings();
        eyes.source = FaceAlignerNodeModel.SOURCE_EYES;
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> eyes.model().configure(new DataTableSpec[]{pngSpec(false, true)}));
        assertTrue(e.getMessage().contains("\"eye_imgleft_x\""), e.getMessage());

        eyes.eyes[3] = "id";
        final InvalidSettingsException typed = assertThrows(InvalidSettingsException.class,
            () -> eyes.model().configure(new DataTableSpec[]{pngSpec(true, false)}));
        assertTrue(typed.getMessage().contains("\"id\"") && typed.getMessage().contains("numbers"), typed.getMessage());

        final Settings lm = new Settings();
        lm.source = FaceAlignerNodeModel.SOURCE_LANDMARKS;
        final InvalidSettingsException l = assertThrows(InvalidSettingsException.class,
            () -> lm.model().configure(new DataTableSpec[]{pngSpec(true, false)}));
        assertTrue(l.getMessage().contains("\"landmarks\""), l.getMessage());
    }

    @Test
    void configureRejectsAMissingDetectorModelFileAndARelativeBaseFolder() throws Exception {
        final Settings s = new Settings();
        s.model = "/no/such/yunet.onnx";
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> s.model().configure(new DataTableSpec[]{pathSpec()}));
        assertTrue(e.getMessage().contains("/no/such/yunet.onnx"), e.getMessage());
        final Settings b = new Settings();
        b.base = "relative/folder";
        assertThrows(InvalidSettingsException.class, () -> b.model().configure(new DataTableSpec[]{pathSpec()}));
    }

    @Test
    void withoutAConfiguredColumnTheFirstPngColumnIsChosen() throws Exception {
        final Settings s = new Settings();
        s.image = "";
        final DataTableSpec in =
            new DataTableSpec(col("path", StringCell.TYPE), col("picture", PNGImageCellFactory.TYPE));
        final Probe m = s.model();
        m.configure(new DataTableSpec[]{in});
        final NodeSettings saved = new NodeSettings("model");
        m.saveSettingsTo(saved);
        assertEquals("picture", saved.getString("image_column"));
        assertTrue(m.warning().contains("picture"), m.warning());
        assertThrows(InvalidSettingsException.class,
            () -> s.model().configure(new DataTableSpec[]{new DataTableSpec(col("n", IntCell.TYPE))}));
    }

    // ---- bad input (issue 15) ----

    @Test
    void coincidingOrHugeEyeColumnsAreNamedInTheMessageAndLeftToTheDetector() throws Exception {
        final SynthFace f = synthFaces(1).get(0);
        final List<DataCell[]> rows = new ArrayList<>();
        rows.add(new DataCell[]{PNGImageCellFactory.create(PngEncoder.encode(f.image())), new StringCell("same"),
            new DoubleCell(30), new DoubleCell(30), new DoubleCell(30), new DoubleCell(30)});
        rows.add(new DataCell[]{PNGImageCellFactory.create(PngEncoder.encode(f.image())), new StringCell("huge"),
            new DoubleCell(30), new DoubleCell(30), new DoubleCell(1e300), new DoubleCell(30)});
        final Settings s = new Settings();
        s.source = FaceAlignerNodeModel.SOURCE_EYES;
        s.size = 64;
        final BufferedDataTable out = run(s.model(), table(pngSpec(true, false), rows), new DefaultNodeProgressMonitor());
        final List<DataRow> r = rows(out);
        assertEquals(2, r.size());
        for (final DataRow row : r) {
            // Unusable eyes are never warped (no NaN box, no black crop): the row goes to the detector instead.
            assertFalse(Double.isNaN(number(out, row, "eye left x")), "detector's eyes");
            final String message = string(out, row, "face message");
            assertFalse(message.contains("Exception"), message);
        }
        assertTrue(string(out, r.get(0), "face message").contains("less than a pixel apart"), string(out, r.get(0), "face message"));
        assertTrue(string(out, r.get(1), "face message").contains("no pixel coordinate"), string(out, r.get(1), "face message"));
    }

    // ---- execute: landmark route on synthetic faces ----

    @Test
    void synthFacesWithEyeColumnsAreAllOkWithTheGivenEyes() throws Exception {
        final List<SynthFace> faces = synthFaces(4);
        final List<DataCell[]> rows = new ArrayList<>();
        for (final SynthFace f : faces) {
            final float[] e = f.eyeCentres();
            rows.add(new DataCell[]{PNGImageCellFactory.create(PngEncoder.encode(f.image())), new StringCell(f.id()),
                new DoubleCell(e[0]), new DoubleCell(e[1]), new DoubleCell(e[2]), new DoubleCell(e[3])});
        }
        final Settings s = new Settings();
        s.source = FaceAlignerNodeModel.SOURCE_EYES;
        s.size = 64;
        s.grey = true;
        final Probe m = s.model();
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        final BufferedDataTable out = run(m, table(pngSpec(true, false), rows), monitor);
        assertEquals(4, out.size());
        assertEquals(1.0, monitor.getProgress(), 1e-9);
        assertNull(m.warning(), "every image OK: no warning");
        final List<DataRow> outRows = rows(out);
        for (int i = 0; i < 4; i++) {
            final DataRow r = outRows.get(i);
            final float[] e = faces.get(i).eyeCentres();
            assertEquals("Row" + i, r.getKey().getString());
            assertEquals("OK", string(out, r, "face status"));
            assertEquals(0, integer(out, r, "face index"));
            assertEquals(e[0], number(out, r, "eye left x"), 1e-3);
            assertEquals(e[1], number(out, r, "eye left y"), 1e-3);
            assertEquals(e[2], number(out, r, "eye right x"), 1e-3);
            assertEquals(e[3], number(out, r, "eye right y"), 1e-3);
            final double roll = Math.toDegrees(Math.atan2(e[3] - e[1], e[2] - e[0]));
            assertEquals(roll, number(out, r, "roll"), 0.5);
            final BufferedImage crop = crop(out, r);
            assertEquals(64, crop.getWidth());
            assertEquals(64, crop.getHeight());
            assertEquals(1, crop.getRaster().getNumBands(), "grey crops");
            assertEquals(faces.get(i).id(), string(out, r, "id"), "input columns are kept");
        }
    }

    @Test
    void synthFacesWithA68PointLandmarksColumnAreOkAndMissingLandmarksFallBackToTheDetector() throws Exception {
        final List<SynthFace> faces = synthFaces(3);
        final List<DataCell[]> rows = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            final SynthFace f = faces.get(i);
            final StringBuilder lm = new StringBuilder();
            for (final float v : f.landmarks()) {
                lm.append(lm.length() == 0 ? "" : ";").append(v);
            }
            rows.add(new DataCell[]{PNGImageCellFactory.create(PngEncoder.encode(f.image())), new StringCell(f.id()),
                i == 2 ? DataType.getMissingCell() : new StringCell(lm.toString())});
        }
        final Settings s = new Settings();
        s.source = FaceAlignerNodeModel.SOURCE_LANDMARKS;
        final Probe m = s.model();
        final BufferedDataTable out = run(m, table(pngSpec(false, true), rows), new DefaultNodeProgressMonitor());
        final List<DataRow> outRows = rows(out);
        assertEquals(3, outRows.size());
        for (int i = 0; i < 2; i++) {
            final float[] e = faces.get(i).eyeCentres();
            assertEquals("OK", string(out, outRows.get(i), "face status"));
            assertEquals(e[0], number(out, outRows.get(i), "eye left x"), 1e-3);
            assertEquals(e[3], number(out, outRows.get(i), "eye right y"), 1e-3);
            assertEquals(3, crop(out, outRows.get(i)).getRaster().getNumBands(), "colour crops by default");
        }
        assertNotNull(string(out, outRows.get(2), "face status"));
        assertTrue(m.warning().contains("1 row without usable landmarks"), m.warning());
    }

    // ---- execute: detector route on real photos ----

    @Test
    void twoPeopleInAllModeGiveTwoRowsWithDerivedKeys() throws Exception {
        final Settings s = new Settings();
        s.mode = FaceAlignerNodeModel.MODE_ALL;
        final BufferedDataTable in = table(pathSpec(), List.<DataCell[]>of(
            new DataCell[]{new StringCell(photo("usgov_two_people.jpg").toString())},
            new DataCell[]{new StringCell(photo("usgov_obama.jpg").toString())}));
        final BufferedDataTable out = run(s.model(), in, new DefaultNodeProgressMonitor());
        final List<DataRow> r = rows(out);
        assertEquals(List.of("Row0_face0", "Row0_face1", "Row1_face0"),
            r.stream().map(x -> x.getKey().getString()).toList());
        assertEquals(0, integer(out, r.get(0), "face index"));
        assertEquals(1, integer(out, r.get(1), "face index"));
        // largest first, and two different faces
        assertTrue(number(out, r.get(0), "face width") >= number(out, r.get(1), "face width"));
        assertTrue(Math.abs(number(out, r.get(0), "face x") - number(out, r.get(1), "face x")) > 50);
        for (final DataRow row : r) {
            assertTrue(List.of("OK", "EYES_ESTIMATED").contains(string(out, row, "face status")));
            assertTrue(number(out, row, "eye left x") < number(out, row, "eye right x"));
            assertEquals(112, crop(out, row).getWidth());
        }
    }

    /** The default eye location: the 68-point network, whose points the optional column gives in the reader's format. */
    @Test
    void landmarkEyesComeFromTheEyeContoursOfTheAppendedLandmarks() throws Exception {
        final Settings s = new Settings();
        s.eyeMethod = FaceAlignerNodeModel.EYES_LANDMARKS;
        s.with68 = true;
        final BufferedDataTable in = table(pathSpec(), List.<DataCell[]>of(
            new DataCell[]{new StringCell(photo("usgov_obama.jpg").toString())}));
        final BufferedDataTable out = run(s.model(), in, new DefaultNodeProgressMonitor());
        final DataRow row = rows(out).get(0);
        assertEquals("OK", string(out, row, "face status"));
        final String[] v = string(out, row, FaceAlignerNodeModel.LANDMARKS68_COLUMN).split(";");
        assertEquals(136, v.length);
        double lx = 0;
        double ly = 0;
        double rx = 0;
        for (int k = 0; k < 6; k++) {
            lx += Double.parseDouble(v[2 * (36 + k)]) / 6;
            ly += Double.parseDouble(v[2 * (36 + k) + 1]) / 6;
            rx += Double.parseDouble(v[2 * (42 + k)]) / 6;
        }
        // the column holds the points rounded to 0.1 px; the eyes are the means of the unrounded contours
        assertEquals(lx, number(out, row, "eye left x"), 0.1);
        assertEquals(ly, number(out, row, "eye left y"), 0.1);
        assertEquals(rx, number(out, row, "eye right x"), 0.1);
        // the jaw spans the face: wider than the eyes' distance
        final double jaw = Double.parseDouble(v[32]) - Double.parseDouble(v[0]);
        assertTrue(jaw > 1.5 * (rx - lx), "jaw " + jaw + " against eye distance " + (rx - lx));
    }

    @Test
    void workflowsSavedBeforeTheEyeOptionKeepTheCascadesAndGetNoLandmarkColumn() throws Exception {
        final Probe m = new Settings().model();
        final NodeSettings saved = new NodeSettings("model");
        m.saveSettingsTo(saved);
        assertEquals(FaceAlignerNodeModel.EYES_CASCADE, saved.getString("eye_method"));
        assertFalse(saved.getBoolean("append_landmarks68"));
        final DataTableSpec out = m.configure(new DataTableSpec[]{pathSpec()})[0];
        assertFalse(out.containsName(FaceAlignerNodeModel.LANDMARKS68_COLUMN));
        assertEquals(FaceAlignerNodeModel.EYES_LANDMARKS,
            FaceAlignerNodeModel.createEyeMethodSettingsModel().getStringValue(), "new nodes use the landmark network");
    }

    @Test
    void largestModeKeepsTheKeyAndRelativePathsNeedTheBaseFolder() throws Exception {
        final Settings s = new Settings();
        s.base = photo("").toString();
        final BufferedDataTable in = table(pathSpec(), List.<DataCell[]>of(
            new DataCell[]{new StringCell("usgov_two_people.jpg")},
            new DataCell[]{new StringCell(photo("usgov_obama_small.jpg").toString())}));
        final BufferedDataTable out = run(s.model(), in, new DefaultNodeProgressMonitor());
        final List<DataRow> r = rows(out);
        assertEquals(List.of("Row0", "Row1"), r.stream().map(x -> x.getKey().getString()).toList());
        for (final DataRow row : r) {
            assertTrue(List.of("OK", "EYES_ESTIMATED").contains(string(out, row, "face status")),
                string(out, row, "face status"));
        }

        final Probe noBase = new Settings().model();
        final BufferedDataTable out2 = run(noBase, in, new DefaultNodeProgressMonitor());
        final DataRow rel = rows(out2).get(0);
        assertEquals("UNREADABLE", string(out2, rel, "face status"));
        assertTrue(string(out2, rel, "face message").contains("no base folder"), string(out2, rel, "face message"));
        assertTrue(cell(out2, rel, "aligned face").isMissing());
        assertTrue(noBase.warning().contains("1 UNREADABLE"), noBase.warning());
    }

    // ---- execute: bad inputs ----

    @Test
    void missingCellsUnreadableFilesAndFacelessImagesKeepTheirRowsAndAreCounted(@TempDir final Path dir)
        throws Exception {
        final Path garbage = NodeTesting.write(dir.resolve("broken.jpg"), "this is no JPEG");
        final Path blank = NodeTesting.image(dir.resolve("blank.png"));
        final BufferedDataTable in = table(pathSpec(), List.<DataCell[]>of(
            new DataCell[]{DataType.getMissingCell()},
            new DataCell[]{new StringCell(garbage.toString())},
            new DataCell[]{new StringCell(dir.resolve("absent.jpg").toString())},
            new DataCell[]{new StringCell(blank.toString())},
            new DataCell[]{new StringCell(photo("usgov_obama_small.jpg").toString())}));
        final Probe m = new Settings().model();
        final BufferedDataTable out = run(m, in, new DefaultNodeProgressMonitor());
        final List<DataRow> r = rows(out);
        assertEquals(5, r.size(), "no row is dropped");
        assertEquals("UNREADABLE", string(out, r.get(0), "face status"));
        assertTrue(string(out, r.get(0), "face message").contains("missing"), string(out, r.get(0), "face message"));
        assertEquals("UNREADABLE", string(out, r.get(1), "face status"));
        assertTrue(string(out, r.get(1), "face message").contains("broken.jpg"), string(out, r.get(1), "face message"));
        assertEquals("UNREADABLE", string(out, r.get(2), "face status"));
        assertTrue(string(out, r.get(2), "face message").contains("absent.jpg"), string(out, r.get(2), "face message"));
        assertEquals("NO_FACE", string(out, r.get(3), "face status"));
        for (int i = 0; i < 4; i++) {
            assertTrue(cell(out, r.get(i), "aligned face").isMissing());
            assertTrue(cell(out, r.get(i), "face index").isMissing());
            assertTrue(cell(out, r.get(i), "roll").isMissing());
        }
        assertFalse(cell(out, r.get(4), "aligned face").isMissing());
        assertTrue(m.warning().startsWith("5 images: "), m.warning());
        assertTrue(m.warning().contains("3 UNREADABLE") && m.warning().contains("1 NO_FACE"), m.warning());

        final Settings filter = new Settings();
        filter.filter = true;
        final Probe f = filter.model();
        final BufferedDataTable filtered = run(f, in, new DefaultNodeProgressMonitor());
        assertEquals(4, filtered.size(), "only the NO_FACE row goes; UNREADABLE rows stay");
        assertTrue(rows(filtered).stream().noneMatch(x -> x.getKey().getString().equals("Row3")));
        assertTrue(f.warning().contains("1 row without a face filtered out"), f.warning());
    }

    @Test
    void missingPngCellsAndMissingEyeCellsAreHandledPerRow() throws Exception {
        final SynthFace face = synthFaces(1).get(0);
        final DataCell png = PNGImageCellFactory.create(PngEncoder.encode(face.image()));
        final DataCell missing = DataType.getMissingCell();
        final BufferedDataTable in = table(pngSpec(true, false), List.<DataCell[]>of(
            new DataCell[]{missing, new StringCell("a"), new DoubleCell(1), new DoubleCell(1), new DoubleCell(9),
                new DoubleCell(1)},
            new DataCell[]{png, new StringCell("b"), missing, missing, missing, missing}));
        final Settings s = new Settings();
        s.source = FaceAlignerNodeModel.SOURCE_EYES;
        final Probe m = s.model();
        final BufferedDataTable out = run(m, in, new DefaultNodeProgressMonitor());
        final List<DataRow> r = rows(out);
        assertEquals(2, r.size());
        assertEquals("UNREADABLE", string(out, r.get(0), "face status"));
        assertTrue(m.warning().contains("1 row without usable landmarks"), m.warning());
    }

    @Test
    void unusableLandmarkStringsFallBackToTheDetectorWithTheReasonInTheMessage() throws Exception {
        final SynthFace face = synthFaces(1).get(0);
        final DataCell png = PNGImageCellFactory.create(PngEncoder.encode(face.image()));
        final BufferedDataTable in = table(pngSpec(false, true), List.<DataCell[]>of(
            new DataCell[]{png, new StringCell("odd"), new StringCell("1;2;3")},
            new DataCell[]{png, new StringCell("three points"), new StringCell("1;2;3;4;5;6")},
            new DataCell[]{png, new StringCell("text"), new StringCell("a;b;c;d")}));
        final Settings s = new Settings();
        s.source = FaceAlignerNodeModel.SOURCE_LANDMARKS;
        final Probe m = s.model();
        final BufferedDataTable out = run(m, in, new DefaultNodeProgressMonitor());
        final List<DataRow> r = rows(out);
        assertTrue(string(out, r.get(0), "face message").contains("odd number"), string(out, r.get(0), "face message"));
        assertTrue(string(out, r.get(1), "face message").contains("3 points"), string(out, r.get(1), "face message"));
        assertTrue(string(out, r.get(2), "face message").contains("no point"), string(out, r.get(2), "face message"));
        assertTrue(m.warning().contains("3 rows without usable landmarks"), m.warning());
    }

    @Test
    void aDetectorModelOpenCvCannotLoadStopsExecutionNamingTheFile(@TempDir final Path dir) throws Exception {
        final Path model = NodeTesting.write(dir.resolve("fake-yunet.onnx"), "not an ONNX model");
        final Settings s = new Settings();
        s.model = model.toString();
        final Probe m = s.model();
        final BufferedDataTable in = table(pathSpec(), List.<DataCell[]>of(
            new DataCell[]{new StringCell(photo("usgov_obama_small.jpg").toString())}));
        m.configure(new DataTableSpec[]{in.getDataTableSpec()});
        final Exception e = assertThrows(Exception.class,
            () -> m.execute(new BufferedDataTable[]{in}, exec(new DefaultNodeProgressMonitor())));
        assertTrue(String.valueOf(e.getMessage()).contains("fake-yunet.onnx"), String.valueOf(e.getMessage()));
    }

    @Test
    void anEmptyTableGivesAnEmptyTableAndAWarning() throws Exception {
        final Probe m = new Settings().model();
        final BufferedDataTable out = run(m, table(pathSpec(), List.of()), new DefaultNodeProgressMonitor());
        assertEquals(0, out.size());
        assertTrue(m.warning().contains("empty"), m.warning());
    }

    @Test
    void cancelStopsExecution() throws Exception {
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        monitor.setExecuteCanceled();
        final BufferedDataTable in = table(pathSpec(), List.<DataCell[]>of(
            new DataCell[]{new StringCell(photo("usgov_obama_small.jpg").toString())}));
        assertThrows(CanceledExecutionException.class, () -> run(new Settings().model(), in, monitor));
    }

    // ---- settings and dialog ----

    @Test
    void settingsRoundTripKeepsEveryValueAndEveryOneIsDocumented() throws Exception {
        final Settings s = new Settings();
        s.image = "picture";
        s.base = "/data/photos";
        s.source = FaceAlignerNodeModel.SOURCE_EYES;
        s.landmarks = "lm";
        s.eyes = new String[]{"a", "b", "c", "d"};
        s.size = 96;
        s.grey = true;
        s.mode = FaceAlignerNodeModel.MODE_ALL;
        s.model = "/models/yunet.onnx";
        s.filter = true;
        s.eyeMethod = FaceAlignerNodeModel.EYES_CASCADE;
        s.with68 = true;
        final Probe to = new Probe();
        final NodeSettings saved = NodeTesting.roundTrip(s.model().settings(), to.settings());
        assertEquals("picture", saved.getString("image_column"));
        assertEquals("/data/photos", saved.getString("base_folder"));
        assertEquals(FaceAlignerNodeModel.SOURCE_EYES, saved.getString("landmark_source"));
        assertEquals("lm", saved.getString("landmarks_column"));
        assertArrayEquals(new String[]{"a", "b", "c", "d"}, new String[]{saved.getString("eye_left_x_column"),
            saved.getString("eye_left_y_column"), saved.getString("eye_right_x_column"),
            saved.getString("eye_right_y_column")});
        assertEquals(96, saved.getInt("crop_size"));
        assertTrue(saved.getBoolean("grey"));
        assertEquals(FaceAlignerNodeModel.MODE_ALL, saved.getString("face_mode"));
        assertEquals("/models/yunet.onnx", saved.getString("dnn_model"));
        assertTrue(saved.getBoolean("filter_no_face"));
        assertEquals(FaceAlignerNodeModel.EYES_CASCADE, saved.getString("eye_method"));
        assertTrue(saved.getBoolean("append_landmarks68"));
        assertDescribed(saved, to);
    }

    /** One option per setting and one port entry per port, so nothing added later goes undocumented. */
    private static void assertDescribed(final NodeSettings saved, final Probe model) throws Exception {
        final javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        final org.w3c.dom.Document doc;
        try (java.io.InputStream in = FaceAlignerNodeFactory.class.getResourceAsStream("FaceAlignerNodeFactory.xml")) {
            doc = f.newDocumentBuilder().parse(in);
        }
        final long settings = saved.keySet().stream().filter(k -> !k.endsWith("_Internals")).count();
        assertEquals(15, settings);
        assertEquals(settings, doc.getElementsByTagNameNS("*", "option").getLength());
        assertEquals(model.inPorts(), doc.getElementsByTagNameNS("*", "inPort").getLength());
        assertEquals(model.outPorts(), doc.getElementsByTagNameNS("*", "outPort").getLength());
    }

    @Test
    void outOfRangeCropSizesAndUnknownChoicesFailValidation() {
        final NodeSettings small = new Settings().save();
        small.addInt("crop_size", 8);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new Probe().validateSettings(small));
        assertTrue(e.getMessage().contains("8"), e.getMessage());
        final NodeSettings source = new Settings().save();
        source.addString("landmark_source", "guess");
        assertThrows(InvalidSettingsException.class, () -> new Probe().validateSettings(source));
        final NodeSettings mode = new Settings().save();
        mode.addString("face_mode", "some");
        assertThrows(InvalidSettingsException.class, () -> new Probe().validateSettings(mode));
    }

    @Test
    void dialogOpensOnTheModelsSettingsAndSavesThemUnchanged() throws Exception {
        final Settings s = new Settings();
        s.source = FaceAlignerNodeModel.SOURCE_EYES;
        s.size = 80;
        s.grey = true;
        s.mode = FaceAlignerNodeModel.MODE_ALL;
        s.filter = true;
        final NodeSettings in = s.save();
        final FaceAlignerNodeDialog d = new FaceAlignerNodeDialog();
        d.loadSettingsFrom(in, new PortObjectSpec[]{pngSpec(true, true)});
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        final Probe fromDialog = new Probe();
        fromDialog.validateSettings(out);
        fromDialog.loadValidatedSettingsFrom(out);
        final NodeSettings a = new NodeSettings("model");
        s.model().saveSettingsTo(a);
        final NodeSettings b = new NodeSettings("model");
        fromDialog.saveSettingsTo(b);
        for (final String key : List.of("image_column", "landmark_source", "landmarks_column", "eye_left_x_column",
            "eye_right_y_column", "face_mode", "dnn_model", "base_folder")) {
            assertEquals(a.getString(key), b.getString(key), key);
        }
        assertEquals(80, b.getInt("crop_size"));
        assertTrue(b.getBoolean("grey") && b.getBoolean("filter_no_face"));
        // the dialog's result configures the same output as the original settings
        assertEquals(s.model().configure(new DataTableSpec[]{pngSpec(true, true)})[0],
            fromDialog.configure(new DataTableSpec[]{pngSpec(true, true)})[0]);
    }

    @Test
    void dialogEnablesOnlyTheColumnsOfTheChosenLandmarkSource() throws Exception {
        final FaceAlignerNodeDialog d = new FaceAlignerNodeDialog();
        assertFalse(d.m_landmarks.isEnabled());
        assertTrue(Arrays.stream(d.m_eyes).noneMatch(SettingsModelString::isEnabled));
        d.m_source.setStringValue(FaceAlignerNodeModel.SOURCE_EYES);
        assertFalse(d.m_landmarks.isEnabled());
        assertTrue(Arrays.stream(d.m_eyes).allMatch(SettingsModelString::isEnabled));
        final Settings s = new Settings();
        s.source = FaceAlignerNodeModel.SOURCE_LANDMARKS;
        d.loadSettingsFrom(s.save(), new PortObjectSpec[]{pngSpec(true, true)});
        assertTrue(d.m_landmarks.isEnabled());
        assertTrue(Arrays.stream(d.m_eyes).noneMatch(SettingsModelString::isEnabled));
    }

    @Test
    void dialogDoesNotOpenWithoutAnImageColumn() {
        final FaceAlignerNodeDialog d = new FaceAlignerNodeDialog();
        assertThrows(NotConfigurableException.class, () -> d.loadSettingsFrom(new Settings().save(),
            new PortObjectSpec[]{new DataTableSpec(col("n", IntCell.TYPE))}));
    }

    @Test
    void theEyeSourceOfRelease01LoadsAndIsSavedByItsId() throws Exception {
        final Settings s = new Settings();
        s.source = "Eye centre columns";
        final Probe m = new Probe();
        m.validateSettings(s.save());
        m.loadValidatedSettingsFrom(s.save());
        final NodeSettings out = new NodeSettings("model");
        m.saveSettingsTo(out);
        assertEquals(FaceAlignerNodeModel.SOURCE_EYES, out.getString("landmark_source"));
        assertEquals("EYE_COLUMNS", out.getString("landmark_source"));
        s.source = "Eye colums";
        assertThrows(InvalidSettingsException.class, () -> new Probe().validateSettings(s.save()));
    }
}
