package org.malau.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.testing.NodeTesting;

/**
 * Runs workflow 1 ({@code workflows/MAL_Demo_Synthetic}) as KNIME would, from its committed files: every node is
 * created from its factory, loads its {@code settings.xml} through its node model, and is configured and executed in
 * workflow order with its inputs taken from the connections in {@code workflow.knime}. Only the sizes are made small
 * (fewer faces, a tiny network, two epochs) so that the test takes seconds; everything else is as shipped. With
 * {@code -Dmalau.demo.shipped=true} it runs the shipped sizes unchanged (minutes; used to measure the demo's run time
 * for its description, never in CI).
 */
class DemoWorkflowRunTest {
    private static final Path DIR =
        ExampleWorkflowGenerator.repositoryRoot().resolve("workflows").resolve("MAL_Demo_Synthetic");

    /** The test's only changes to the shipped settings: sizes, per node id. */
    private static final Map<Integer, Map<String, Object>> SMALL = Map.of(
        1, Map.of("au_subjects", 4, "fe_subjects", 3, "faces_per_subject", 8, "image_size", 64),
        4, Map.of("input_size", 16, "network_width", 4, "epochs", 2, "au_batch", 8, "fe_batch", 8, "meta_batch", 4,
            "meta_fraction", 0.25),
        5, Map.of("au_subjects", 2, "faces_per_subject", 6, "image_size", 64));

    private record Wire(int from, int fromPort, int toPort) {
    }

    private static NodeSettings load(final Path xml) throws IOException {
        try (InputStream in = Files.newInputStream(xml)) {
            return (NodeSettings)NodeSettings.loadFromXML(in);
        }
    }

    @Test
    void workflow1RunsEndToEndFromItsFiles() throws Exception {
        final Map<Integer, PortObject[]> outputs = run(DIR);
        // the predictor names its columns as KNIME's predictors do, and the scorer picks them
        final BufferedDataTable predicted = (BufferedDataTable)outputs.get(7)[0];
        assertTrue(predicted.getDataTableSpec().containsName("Prediction (AU12)"),
            predicted.getDataTableSpec().toString());
        assertTrue(predicted.getDataTableSpec().containsName("Prediction (expression)"));
        // the learner's long weight table
        final BufferedDataTable weights = (BufferedDataTable)outputs.get(4)[1];
        assertTrue(weights.getDataTableSpec().containsName("epoch") && weights.getDataTableSpec().containsName("weight"),
            weights.getDataTableSpec().toString());
    }

    /**
     * Workflow 1 as release 0.1 saved it ({@code src/test/fixtures/settings-0.1.0}) runs with today's nodes and gives
     * what it gave then: the predictor's old column names, which the old scorer settings find, and a wide weight table
     * with a column per epoch, which the old viewer settings read.
     */
    @Test
    void workflow1OfRelease01StillRunsAsItDid() throws Exception {
        final Map<Integer, PortObject[]> outputs = run(org.malau.knime.testing.Fixtures.dir().resolve(DIR.getFileName()));
        final BufferedDataTable predicted = (BufferedDataTable)outputs.get(7)[0];
        assertTrue(predicted.getDataTableSpec().containsName("AU12 label"), predicted.getDataTableSpec().toString());
        assertTrue(predicted.getDataTableSpec().containsName("AU12 probability"));
        final BufferedDataTable weights = (BufferedDataTable)outputs.get(4)[1];
        assertEquals(List.of("w_epoch1", "w_epoch2"), java.util.Arrays.stream(weights.getDataTableSpec()
            .getColumnNames()).filter(n -> n.startsWith("w_epoch")).toList(), "the test's two epochs, wide");
    }

    /** Loads, configures and executes every node of the workflow in {@code dir}; checks what every run must give. */
    private static Map<Integer, PortObject[]> run(final Path dir) throws Exception {
        final NodeSettingsRO wf = load(dir.resolve("workflow.knime"));
        final Map<Integer, Node> nodes = new LinkedHashMap<>();
        int testFaces = -1;
        final NodeSettingsRO ns = wf.getNodeSettings("nodes");
        for (final String key : ns.keySet()) {
            final NodeSettingsRO n = ns.getNodeSettings(key);
            final NodeSettings s = load(dir.resolve(n.getString("node_settings_file")));
            final int id = n.getInt("id");
            final NodeSettings model = s.getNodeSettings(Node.CFG_MODEL);
            final Map<String, Object> changes =
                Boolean.getBoolean("malau.demo.shipped") ? Map.of() : SMALL.getOrDefault(id, Map.of());
            for (final Map.Entry<String, Object> e : changes.entrySet()) {
                assertTrue(model.containsKey(e.getKey()), "node " + id + " has no setting " + e.getKey());
                if (e.getValue() instanceof Integer i) {
                    model.addInt(e.getKey(), i);
                } else {
                    model.addDouble(e.getKey(), (Double)e.getValue());
                }
            }
            final Node node = WorkflowWriter.ourNode(s.getString("factory"));
            node.loadSettingsFrom(s);
            nodes.put(id, node);
            if (id == 5) {
                testFaces = model.getInt("au_subjects") * model.getInt("faces_per_subject");
            }
        }
        final Map<Integer, List<Wire>> inputs = new HashMap<>();
        final NodeSettingsRO cs = wf.getNodeSettings("connections");
        for (final String key : cs.keySet()) {
            final NodeSettingsRO c = cs.getNodeSettings(key);
            inputs.computeIfAbsent(c.getInt("destID"), k -> new ArrayList<>())
                .add(new Wire(c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destPort")));
        }

        final Map<Integer, PortObject[]> outputs = new HashMap<>();
        final List<Integer> order = workflowOrder(nodes.keySet(), inputs);
        for (final int id : order) {
            final Node node = nodes.get(id);
            final PortObjectSpec[] specs = new PortObjectSpec[node.getNrInPorts() - 1];
            final PortObject[] data = new PortObject[specs.length];
            for (final Wire w : inputs.getOrDefault(id, List.of())) {
                data[w.toPort() - 1] = outputs.get(w.from())[w.fromPort() - 1];
                specs[w.toPort() - 1] = data[w.toPort() - 1].getSpec();
            }
            final PortObjectSpec[] outSpecs = node.invokeNodeModelConfigure(specs);
            assertEquals(node.getNrOutPorts() - 1, outSpecs.length, "node " + id);
            @SuppressWarnings({"unchecked", "rawtypes"})
            final PortObject[] out = node.invokeNodeModelExecute(
                NodeTesting.exec((org.knime.core.node.NodeFactory)node.getFactory(), new DefaultNodeProgressMonitor()),
                data);
            for (int p = 0; p < out.length; p++) {
                if (outSpecs[p] instanceof org.knime.core.data.DataTableSpec spec) {
                    // what configure promised is what execute delivered
                    assertEquals(spec, ((BufferedDataTable)out[p]).getDataTableSpec(), "node " + id + " port " + p);
                }
            }
            outputs.put(id, out);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9).size(), order.size());

        // the aligners found the face of every sample that has one (the generator's landmarks)
        final BufferedDataTable alignedTest = (BufferedDataTable)outputs.get(6)[0];
        assertEquals(testFaces, alignedTest.size(), "test faces");
        for (final DataRow r : alignedTest) {
            assertEquals("OK", NodeTesting.string(alignedTest, r, "face status"));
        }
        // the learner's model and weights
        assertInstanceOf(MalModelPortObject.class, outputs.get(4)[0]);
        final BufferedDataTable weights = (BufferedDataTable)outputs.get(4)[1];
        assertTrue(weights.size() > 0, "weight table is empty");
        // the predictor: one row per test face
        final BufferedDataTable predicted = (BufferedDataTable)outputs.get(7)[0];
        assertEquals(alignedTest.size(), predicted.size());
        // the scorer: one row per AU and the average, F1 within [0, 1]
        final BufferedDataTable scores = (BufferedDataTable)outputs.get(8)[0];
        final List<String> aus = new ArrayList<>();
        for (final DataRow r : scores) {
            aus.add(((StringValue)NodeTesting.cell(scores, r, "AU")).getStringValue());
            final var f1 = NodeTesting.cell(scores, r, "F1");
            if (!f1.isMissing()) {
                final double v = ((DoubleValue)f1).getDoubleValue();
                assertTrue(v >= 0 && v <= 1, "F1 " + v);
            }
        }
        assertEquals("average", aus.get(aus.size() - 1));
        assertEquals(18 + 1, aus.size(), "18 synthetic AUs and the average: " + aus);
        // the weight viewer: a PNG figure and its summary
        final ImagePortObject figure = assertInstanceOf(ImagePortObject.class, outputs.get(9)[0]);
        final byte[] png = ((PNGImageValue)figure.toDataCell()).getImageContent().getByteArray();
        final BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(decoded, "the figure is no PNG");
        assertTrue(decoded.getWidth() > 100 && decoded.getHeight() > 100, decoded.getWidth() + "x" + decoded.getHeight());
        final BufferedDataTable summary = (BufferedDataTable)outputs.get(9)[1];
        assertTrue(summary.size() > 0);
        return outputs;
    }

    /** Every node after the nodes it takes input from (Kahn's algorithm over the connections). */
    private static List<Integer> workflowOrder(final Iterable<Integer> ids, final Map<Integer, List<Wire>> inputs)
        throws InvalidSettingsException {
        final Map<Integer, Integer> waiting = new LinkedHashMap<>();
        for (final int id : ids) {
            waiting.put(id, inputs.getOrDefault(id, List.of()).size());
        }
        final Deque<Integer> ready = new ArrayDeque<>();
        waiting.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        final List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            final int id = ready.poll();
            order.add(id);
            for (final Map.Entry<Integer, List<Wire>> e : inputs.entrySet()) {
                for (final Wire w : e.getValue()) {
                    if (w.from() == id && waiting.merge(e.getKey(), -1, Integer::sum) == 0) {
                        ready.add(e.getKey());
                    }
                }
            }
        }
        if (order.size() != waiting.size()) {
            throw new InvalidSettingsException("The workflow has a cycle");
        }
        return order;
    }
}
