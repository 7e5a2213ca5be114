package org.malau.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.Node;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.testing.NodeTesting;

/**
 * Runs our nodes of workflow 4 ({@code workflows/Smile_Detector}) from their committed settings on the shipped photos,
 * for one fold: the AU Data Set Reader, the Face Aligner, then the learner on 16 people's photos and the predictor and
 * scorer on the other 4. KNIME's own nodes (GroupBy, X-Partitioner, Reference Row Filters, Loop End) cannot run here,
 * so the test splits the people itself as they do (a person's photos on one side only). Quality is measured on the
 * full-size photos in the engine (SmileDetectorTest); this checks that the shipped workflow trains and predicts as
 * set up: the reader's knime:// location (replaced by the folder it resolves to), the aligned colour crops, the
 * pretrained network, and an au-only model that appends no expression columns.
 */
class SmileDetectorWorkflowRunTest {
    private static final Path DIR = ExampleWorkflowGenerator.repositoryRoot().resolve("workflows/Smile_Detector");

    private static Node node(final String folder) throws Exception {
        final NodeSettings s;
        try (InputStream in = Files.newInputStream(DIR.resolve(folder).resolve("settings.xml"))) {
            s = (NodeSettings)NodeSettings.loadFromXML(in);
        }
        if (folder.startsWith("AU Data Set Reader")) {
            final NodeSettings model = s.getNodeSettings(Node.CFG_MODEL);
            assertEquals("knime://knime.workflow/data/smiles/labels.csv", model.getString("location"));
            model.addString("location", DIR.resolve("data/smiles/labels.csv").toString());
        }
        final Node node = WorkflowWriter.ourNode(s.getString("factory"));
        node.loadSettingsFrom(s);
        return node;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PortObject[] run(final Node node, final PortObject... in) throws Exception {
        final PortObjectSpec[] specs = new PortObjectSpec[in.length];
        for (int i = 0; i < in.length; i++) {
            specs[i] = in[i] == null ? null : in[i].getSpec();
        }
        node.invokeNodeModelConfigure(specs);
        final ExecutionContext exec = NodeTesting.exec((NodeFactory)node.getFactory(), new DefaultNodeProgressMonitor());
        return node.invokeNodeModelExecute(exec, in);
    }

    /** The rows of {@code t} whose subject is (or is not) one of {@code people}, as a Reference Row Filter gives them. */
    private static BufferedDataTable rows(final BufferedDataTable t, final Set<String> people, final boolean in)
        throws Exception {
        final BufferedDataContainer c =
            NodeTesting.exec(new org.malau.knime.learner.MalLearnerNodeFactory(), new DefaultNodeProgressMonitor())
                .createDataContainer(t.getDataTableSpec());
        for (final DataRow r : t) {
            if (people.contains(NodeTesting.string(t, r, "subject")) == in) {
                c.addRowToTable(r);
            }
        }
        c.close();
        return c.getTable();
    }

    @Test
    void workflow4TrainsOnSomePeopleAndDetectsSmilesOfOthers() throws Exception {
        final BufferedDataTable photos = (BufferedDataTable)run(node("AU Data Set Reader (#1)"))[0];
        assertEquals(40, photos.size());
        final BufferedDataTable aligned = (BufferedDataTable)run(node("Face Aligner (#2)"), photos)[0];
        final Set<String> people = new TreeSet<>();
        for (final DataRow r : aligned) {
            assertEquals("OK", NodeTesting.string(aligned, r, "face status"), NodeTesting.string(aligned, r, "image"));
            people.add(NodeTesting.string(aligned, r, "subject"));
        }
        assertEquals(20, people.size());
        final Set<String> test = new TreeSet<>(new ArrayList<>(people).subList(0, 4));
        final PortObject[] learned = run(node("MAL Learner (#7)"), rows(aligned, test, false), null, null);
        final MalModelPortObject model = assertInstanceOf(MalModelPortObject.class, learned[0]);
        assertEquals(112, model.getSpec().getInputSize());
        assertEquals(3, model.getSpec().getChannels());
        assertTrue(String.valueOf(model.getModel().header().settings().get("initialisedFrom"))
            .startsWith("face-api-expression"));
        final BufferedDataTable predicted = (BufferedDataTable)run(node("AU Predictor (#8)"), model,
            rows(aligned, test, true))[0];
        assertEquals(8, predicted.size());
        assertTrue(predicted.getDataTableSpec().containsName("Prediction (AU12)"));
        assertFalse(predicted.getDataTableSpec().containsName("P (expression=happiness)")
            || predicted.getDataTableSpec().containsName("Prediction (expression)"), "an au-only model predicts no expressions");
        final BufferedDataTable scores = (BufferedDataTable)run(node("AU Scorer (#9)"), predicted)[0];
        final List<String> aus = new ArrayList<>();
        for (final DataRow r : scores) {
            aus.add(((StringValue)NodeTesting.cell(scores, r, "AU")).getStringValue());
            final double f1 = ((DoubleValue)NodeTesting.cell(scores, r, "F1")).getDoubleValue();
            assertTrue(f1 >= 0 && f1 <= 1, "F1 " + f1);
        }
        assertEquals(List.of("AU12", "average"), aus);
    }

    @Test
    void theShippedPhotosAreReducedCopiesWithTheirAttribution() throws IOException {
        final Path data = DIR.resolve("data/smiles");
        final List<String> labels = Files.readAllLines(data.resolve("labels.csv"));
        assertEquals("file,subject,expression,AU12", labels.get(0));
        assertEquals(41, labels.size());
        final String attribution = Files.readString(data.resolve("ATTRIBUTION.md"));
        assertTrue(attribution.contains("CC BY 4.0") && attribution.contains("10.6084/m9.figshare.5047666.v5")
            && attribution.contains("reduced"), attribution);
        int smiling = 0;
        for (final String row : labels.subList(1, labels.size())) {
            final String[] f = row.split(",");
            final java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(data.resolve(f[0]).toFile());
            assertEquals(1350 / ExampleData.SMILE_REDUCTION, img.getWidth(), f[0]);
            smiling += f[3].equals("1") ? 1 : 0;
            assertEquals(f[3].equals("1") ? "happiness" : "neutral", f[2], f[0]);
        }
        assertEquals(20, smiling);
    }
}
