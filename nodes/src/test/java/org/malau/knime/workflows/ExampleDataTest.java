package org.malau.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.Node;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;
import org.malau.data.readers.DatasetFormat;
import org.malau.data.readers.DatasetReaders;
import org.malau.data.readers.ReadResult;
import org.malau.data.readers.ReaderOptions;
import org.malau.knime.testing.NodeTesting;

/**
 * The data the example workflows ship: the tiny BP4D and RAF-DB stand-ins of workflow 3 are read by our readers (the
 * engine's and the reader nodes with the workflow's own settings), and workflow 2's sample photos are the shared
 * public-domain and CC0 photos, attributed, and give a face each with the workflow's Face Aligner settings.
 */
class ExampleDataTest {
    private static final Path WORKFLOWS = ExampleWorkflowGenerator.repositoryRoot().resolve("workflows");

    private static final Path PROTOCOL = WORKFLOWS.resolve("BP4D_DISFA_Protocol");

    private static final Path BP4D = PROTOCOL.resolve("data/BP4D-tiny");

    private static final Path RAFDB = PROTOCOL.resolve("data/RAF-DB-tiny");

    private static final Path PHOTOS = WORKFLOWS.resolve("Align_Your_Photos/data/sample-photos");

    @Test
    void theBp4dStandInIsReadByTheBp4dReader() throws IOException {
        final ReadResult r = DatasetReaders.read(DatasetFormat.BP4D, BP4D, ReaderOptions.defaults());
        final int faces = ExampleData.BP4D_SUBJECTS.size() * ExampleData.BP4D_TASKS.size() * ExampleData.FRAMES_PER_TASK;
        assertEquals(faces, r.records().size());
        // the reader's only note: which of BP4D's image layouts it found (nothing skipped, nothing missing)
        assertEquals(List.of("images found with pattern BP4D-training/{subject}/{task}/{frame}.jpg"),
            r.report().warnings());
        final Set<String> subjects = new TreeSet<>();
        final int[] positives = new int[12];
        for (final FaceRecord f : r.records()) {
            subjects.add(f.subject());
            assertEquals(12, f.au().size(), "the 12 AUs of the BP4D protocol");
            for (int i = 0; i < 12; i++) {
                assertTrue(f.au().occurrence(i) == 0 || f.au().occurrence(i) == 1, "no unknown labels");
                positives[i] += f.au().occurrence(i);
            }
            final Path img = ((FaceRecord.ImageFile)f.image()).path();
            final BufferedImage decoded = ImageIO.read(img.toFile());
            assertNotNull(decoded, img.toString());
            assertEquals(96, decoded.getWidth());
        }
        assertEquals(new TreeSet<>(ExampleData.BP4D_SUBJECTS), subjects);
        // the stand-in must have both classes of every AU, or its per-AU F1 means nothing
        int both = 0;
        for (final int p : positives) {
            if (p > 0 && p < faces) {
                both++;
            }
        }
        assertEquals(12, both, "AUs with positives and negatives");
    }

    @Test
    void theRafDbStandInIsReadByTheRafDbReaderWithAllSevenClasses() throws IOException {
        final ReadResult all = DatasetReaders.read(DatasetFormat.RAFDB, RAFDB, ReaderOptions.defaults());
        assertEquals(ExampleData.RAF_TRAIN + ExampleData.RAF_TEST, all.records().size());
        final ReadResult train =
            DatasetReaders.read(DatasetFormat.RAFDB, RAFDB, ReaderOptions.builder().partition("train").build());
        assertEquals(ExampleData.RAF_TRAIN, train.records().size());
        final Map<Expression, Integer> classes = new HashMap<>();
        for (final FaceRecord f : train.records()) {
            classes.merge(f.expression(), 1, Integer::sum);
            assertNotNull(ImageIO.read(((FaceRecord.ImageFile)f.image()).path().toFile()));
        }
        assertEquals(7, classes.size(), classes.toString());
    }

    @Test
    void theReaderNodesOfWorkflow3ReadTheStandInsWithTheShippedSettings() throws Exception {
        // in KNIME the location comes from the Variable Creator as a knime:// URL, which only KNIME resolves; here
        // the flow variable's value is replaced by the folder it resolves to
        final BufferedDataTable au = runReader("AU Data Set Reader (#2)", BP4D);
        assertEquals(72, au.size());
        final Set<String> subjects = new HashSet<>();
        for (final DataRow r : au) {
            subjects.add(NodeTesting.string(au, r, "subject"));
        }
        assertEquals(6, subjects.size());
        assertTrue(au.getDataTableSpec().containsName("AU12"));
        final BufferedDataTable fe = runReader("Expression Data Set Reader (#3)", RAFDB);
        assertEquals(ExampleData.RAF_TRAIN, fe.size(), "the workflow reads the train partition");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BufferedDataTable runReader(final String folder, final Path location) throws Exception {
        final NodeSettings s;
        try (InputStream in = Files.newInputStream(PROTOCOL.resolve(folder).resolve("settings.xml"))) {
            s = (NodeSettings)NodeSettings.loadFromXML(in);
        }
        assertEquals("location", s.getNodeSettings(Node.CFG_VARIABLES).getNodeSettings("tree").keySet().iterator().next());
        s.getNodeSettings(Node.CFG_MODEL).addString("location", location.toString());
        final Node node = WorkflowWriter.ourNode(s.getString("factory"));
        node.loadSettingsFrom(s);
        node.invokeNodeModelConfigure(new org.knime.core.node.port.PortObjectSpec[0]);
        final ExecutionContext exec = NodeTesting.exec((NodeFactory)node.getFactory(), new DefaultNodeProgressMonitor());
        return (BufferedDataTable)node.invokeNodeModelExecute(exec, new PortObject[0])[0];
    }

    @Test
    void theSamplePhotosArePublicDomainOrCc0CopiesOfTheSharedPhotosWithTheirAttribution() throws IOException {
        final Path shared = NodeTesting.sharedDir().resolve("data/faces");
        final Map<String, String> licences = new HashMap<>();
        for (final String line : Files.readAllLines(shared.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            final String[] f = line.split(",");
            licences.put(f[0], f[5]);
        }
        final String attribution = Files.readString(PHOTOS.resolve("ATTRIBUTION.md"), StandardCharsets.UTF_8);
        final List<String> photos = new ArrayList<>();
        try (var s = Files.list(PHOTOS)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("ATTRIBUTION.md")).forEach(photos::add);
        }
        assertTrue(photos.size() >= 3 && photos.size() <= 5, photos.toString());
        for (final String p : photos) {
            assertArrayEquals(Files.readAllBytes(shared.resolve(p)), Files.readAllBytes(PHOTOS.resolve(p)), p);
            final String licence = licences.get(p);
            assertTrue(licence != null && (licence.equals("CC0") || licence.startsWith("PD-")), p + ": " + licence);
            assertTrue(attribution.contains("`" + p + "`"), p + " is not in ATTRIBUTION.md");
        }
    }

    @Test
    void theAlignerOfWorkflow2FindsAFaceInEverySamplePhoto() throws Exception {
        final NodeSettings s;
        try (InputStream in =
            Files.newInputStream(WORKFLOWS.resolve("Align_Your_Photos/Face Aligner (#4)/settings.xml"))) {
            s = (NodeSettings)NodeSettings.loadFromXML(in);
        }
        final Node node = WorkflowWriter.ourNode(s.getString("factory"));
        node.loadSettingsFrom(s);
        // the column "Path to String" makes; in KNIME it holds knime:// URLs of these files
        final DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("image", StringCell.TYPE).createSpec());
        final ExecutionContext exec =
            NodeTesting.exec((NodeFactory<?>)node.getFactory(), new DefaultNodeProgressMonitor());
        final BufferedDataContainer c = exec.createDataContainer(spec);
        int n = 0;
        for (final ExampleData.Photo p : ExampleData.PHOTOS) {
            c.addRowToTable(new DefaultRow(new RowKey("Row" + n++),
                new DataCell[]{new StringCell(PHOTOS.resolve(p.file()).toString())}));
        }
        c.close();
        node.invokeNodeModelConfigure(new org.knime.core.node.port.PortObjectSpec[]{spec});
        final BufferedDataTable out =
            (BufferedDataTable)node.invokeNodeModelExecute(exec, new PortObject[]{c.getTable()})[0];
        assertEquals(ExampleData.PHOTOS.size(), out.size());
        for (final DataRow r : out) {
            final String status = NodeTesting.string(out, r, "face status");
            assertTrue("OK".equals(status) || "EYES_ESTIMATED".equals(status),
                NodeTesting.string(out, r, "image") + ": " + status + " " + NodeTesting.string(out, r, "face message"));
            assertTrue(!NodeTesting.cell(out, r, "aligned face").isMissing());
        }
    }
}
