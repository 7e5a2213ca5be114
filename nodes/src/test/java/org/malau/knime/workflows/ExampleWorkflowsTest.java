package org.malau.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.flowvariable.FlowVariablePortObject;
import org.malau.knime.testing.NodeTesting;

/**
 * The example workflows in {@code workflows/}: the files are exactly what {@link ExampleWorkflowGenerator} writes
 * (so they cannot drift from the nodes), every node's settings load through its node model, every connection joins
 * compatible ports, every factory is ours or a real KNIME one, and the format matches what KNIME itself saves.
 */
class ExampleWorkflowsTest {
    private static final Path ROOT = ExampleWorkflowGenerator.repositoryRoot();

    private static final Path WORKFLOWS = ROOT.resolve(ExampleWorkflowGenerator.WORKFLOWS);

    private static final List<String> NAMES = ExampleWorkflows.all().stream().map(w -> w.name()).toList();

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (Boolean.getBoolean("malau.workflows.regenerate")) {
            ExampleWorkflowGenerator.generate(ROOT);
        }
    }

    // ---- the committed files are the generator's ----------------------------------------------------------------

    @Test
    void committedWorkflowsAreExactlyWhatTheGeneratorWrites(@TempDir final Path tmp) throws Exception {
        ExampleWorkflowGenerator.generate(tmp);
        final Path fresh = tmp.resolve(ExampleWorkflowGenerator.WORKFLOWS);
        final Set<String> expected = files(fresh);
        final Set<String> committed = files(WORKFLOWS);
        committed.remove("README.md"); // hand-written
        final List<String> problems = new ArrayList<>();
        for (final String f : expected) {
            if (!committed.contains(f)) {
                problems.add("missing: " + f);
            } else if (f.endsWith(".knwf")) {
                final Map<String, byte[]> a = KnwfArchive.entries(fresh.resolve(f));
                final Map<String, byte[]> b = KnwfArchive.entries(WORKFLOWS.resolve(f));
                if (!a.keySet().equals(b.keySet())
                    || a.keySet().stream().anyMatch(k -> !java.util.Arrays.equals(a.get(k), b.get(k)))) {
                    problems.add("differs: " + f);
                }
            } else if (!java.util.Arrays.equals(Files.readAllBytes(fresh.resolve(f)),
                Files.readAllBytes(WORKFLOWS.resolve(f)))) {
                problems.add("differs: " + f);
            }
        }
        committed.stream().filter(f -> !expected.contains(f)).forEach(f -> problems.add("not generated: " + f));
        assertTrue(problems.isEmpty(), () -> problems.size() + " file(s) of workflows/ differ from the generator's "
            + "output; regenerate (see workflows/README.md) and commit:\n  " + String.join("\n  ", problems));

        // the picture's text depends on the machine's fonts, so only its size is compared
        final BufferedImage a = ImageIO.read(tmp.resolve(ExampleWorkflowGenerator.PICTURE).toFile());
        final BufferedImage b = ImageIO.read(ROOT.resolve(ExampleWorkflowGenerator.PICTURE).toFile());
        assertNotNull(b, ExampleWorkflowGenerator.PICTURE + " is missing or no image");
        assertEquals(a.getWidth() + "x" + a.getHeight(), b.getWidth() + "x" + b.getHeight(),
            ExampleWorkflowGenerator.PICTURE + " is out of date");
    }

    private static Set<String> files(final Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everyWorkflowIsAFolderAndAKnwfHoldingIt() throws IOException {
        for (final String name : NAMES) {
            final Path dir = WORKFLOWS.resolve(name);
            assertTrue(Files.isRegularFile(dir.resolve("workflow.knime")), name);
            final Map<String, byte[]> entries = KnwfArchive.entries(WORKFLOWS.resolve(name + ".knwf"));
            final Set<String> inFolder = files(dir).stream().map(f -> name + "/" + f).collect(Collectors.toSet());
            assertEquals(inFolder, entries.keySet(), name + ".knwf");
            for (final String e : entries.keySet()) {
                assertArrayEquals(Files.readAllBytes(WORKFLOWS.resolve(e)), entries.get(e), e);
            }
        }
    }

    // ---- nodes, settings, connections -----------------------------------------------------------------------------

    /** A node as the committed files describe it. */
    private record SavedNode(int id, String folder, NodeSettingsRO settings, List<PortType> in, List<PortType> out,
        Set<Integer> optionalIn) {
        String factory() throws InvalidSettingsException {
            return settings.getString("factory");
        }
    }

    private static NodeSettingsRO load(final Path xml) throws IOException {
        try (InputStream in = Files.newInputStream(xml)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    private static Map<Integer, SavedNode> nodes(final String workflow) throws Exception {
        final Path dir = WORKFLOWS.resolve(workflow);
        final NodeSettingsRO nodes = load(dir.resolve("workflow.knime")).getNodeSettings("nodes");
        final Map<Integer, SavedNode> out = new LinkedHashMap<>();
        for (final String key : nodes.keySet()) {
            final NodeSettingsRO n = nodes.getNodeSettings(key);
            assertEquals("node_" + n.getInt("id"), key);
            final String file = n.getString("node_settings_file");
            final NodeSettingsRO s = load(dir.resolve(file));
            final String factory = s.getString("factory");
            final List<List<PortType>> ports = WorkflowPicture.ports(factory);
            final Set<Integer> optional = new HashSet<>();
            for (int i = 0; i < ports.get(0).size(); i++) {
                if (ports.get(0).get(i).isOptional()) {
                    optional.add(i + 1);
                }
            }
            out.put(n.getInt("id"), new SavedNode(n.getInt("id"), file.substring(0, file.indexOf('/')), s,
                ports.get(0), ports.get(1), optional));
        }
        return out;
    }

    @Test
    void everyNodeOfOursLoadsItsSettingsThroughItsNodeModelAndSavesThemUnchanged() throws Exception {
        final Set<String> registered = registeredFactories();
        int ours = 0;
        for (final String name : NAMES) {
            for (final SavedNode n : nodes(name).values()) {
                final String factory = n.factory();
                if (!factory.startsWith("org.malau.")) {
                    continue;
                }
                assertTrue(registered.contains(factory), factory + " is not registered in plugin.xml");
                final Class<?> c = Class.forName(factory);
                final Node node = WorkflowWriter.ourNode(factory);
                // KNIME's own route: validateSettings, then loadValidatedSettingsFrom, on the "model" child
                node.loadSettingsFrom(n.settings());
                final NodeSettings again = new NodeSettings("settings.xml");
                node.saveSettingsTo(again);
                assertEquals(n.settings().getNodeSettings(Node.CFG_MODEL).toString(),
                    again.getNodeSettings(Node.CFG_MODEL).toString(), name + " #" + n.id() + ": settings change on load");
                assertEquals(WorkflowWriter.ourNodeName(c), n.settings().getString("node-name"), factory);
                assertEquals("org.malau.knime", n.settings().getString("node-bundle-symbolic-name"));
                ours++;
            }
        }
        assertTrue(ours >= 15, "our nodes in the examples: " + ours);
    }

    @Test
    void aSettingTheModelRejectsFailsToLoad() throws Exception {
        // guards the test above: a saved value out of the model's range must fail through the same route
        final SavedNode learner = nodes("MAL_Demo_Synthetic").values().stream()
            .filter(n -> n.folder().startsWith("MAL Learner")).findFirst().orElseThrow();
        final NodeSettings copy = new NodeSettings("settings.xml");
        final Node node = WorkflowWriter.ourNode(org.malau.knime.learner.MalLearnerNodeFactory.class);
        node.loadSettingsFrom(learner.settings());
        node.saveSettingsTo(copy);
        copy.getNodeSettings(Node.CFG_MODEL).addInt("epochs", -1);
        final Node other = WorkflowWriter.ourNode(org.malau.knime.learner.MalLearnerNodeFactory.class);
        try {
            other.loadSettingsFrom(copy);
            fail("epochs = -1 loaded");
        } catch (InvalidSettingsException expected) {
            assertTrue(expected.getMessage().contains("epochs") || expected.getMessage().contains("0"),
                expected.getMessage());
        }
    }

    @Test
    void everyFactoryIsOursOrAKnimeFactoryFromTheRecordedSources() throws Exception {
        final Set<String> registered = registeredFactories();
        final Set<String> knime = KnimeNodes.ALL.stream().map(KnimeNodes.Type::factory).collect(Collectors.toSet());
        final Set<String> used = new TreeSet<>();
        for (final String name : NAMES) {
            for (final SavedNode n : nodes(name).values()) {
                final String f = n.factory();
                used.add(f);
                assertTrue(registered.contains(f) || knime.contains(f), name + ": unknown factory " + f);
                if (knime.contains(f)) {
                    final KnimeNodes.Type t =
                        KnimeNodes.ALL.stream().filter(k -> k.factory().equals(f)).findFirst().orElseThrow();
                    assertEquals(t.name(), n.settings().getString("node-name"), f);
                    assertEquals(t.bundle(), n.settings().getString("node-bundle-symbolic-name"), f);
                    assertTrue(n.settings().containsKey(Node.CFG_MODEL), f + " has no model settings");
                    // the factory's source file path names the class
                    assertTrue(t.source().endsWith(f.replace('.', '/') + ".java"), t.source());
                }
            }
        }
        assertTrue(used.containsAll(knime), "listed but unused KNIME nodes: " + knime.stream()
            .filter(k -> !used.contains(k)).toList());
    }

    private static Set<String> registeredFactories() throws Exception {
        final org.w3c.dom.Document doc = WorkflowWriter.parse(NodeTesting.nodesDir().resolve("plugin.xml"));
        final org.w3c.dom.NodeList list = doc.getElementsByTagName("node");
        final Set<String> out = new HashSet<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(((org.w3c.dom.Element)list.item(i)).getAttribute("factory-class"));
        }
        return out;
    }

    @Test
    void everyConnectionJoinsCompatiblePortsAndEveryRequiredInputIsConnectedOnce() throws Exception {
        int checked = 0;
        for (final String name : NAMES) {
            final Map<Integer, SavedNode> nodes = nodes(name);
            final NodeSettingsRO conns = load(WORKFLOWS.resolve(name).resolve("workflow.knime"))
                .getNodeSettings("connections");
            final Map<String, Integer> inputs = new HashMap<>();
            for (final String key : conns.keySet()) {
                final NodeSettingsRO c = conns.getNodeSettings(key);
                final SavedNode from = nodes.get(c.getInt("sourceID"));
                final SavedNode to = nodes.get(c.getInt("destID"));
                assertNotNull(from, name + " " + key + ": no source node");
                assertNotNull(to, name + " " + key + ": no destination node");
                final int sp = c.getInt("sourcePort");
                final int dp = c.getInt("destPort");
                final PortType src = sp == 0 ? FlowVariablePortObject.TYPE_OPTIONAL : from.out().get(sp - 1);
                final PortType dst = dp == 0 ? FlowVariablePortObject.TYPE_OPTIONAL : to.in().get(dp - 1);
                assertTrue(dst.isSuperTypeOf(src), name + ": " + from.folder() + " port " + sp + " (" + src + ") -> "
                    + to.folder() + " port " + dp + " (" + dst + ")");
                assertEquals(null, inputs.put(to.id() + ":" + dp, from.id()),
                    name + ": input " + dp + " of " + to.folder() + " connected twice");
                checked++;
            }
            for (final SavedNode n : nodes.values()) {
                for (int p = 1; p <= n.in().size(); p++) {
                    if (!n.optionalIn().contains(p)) {
                        assertTrue(inputs.containsKey(n.id() + ":" + p),
                            name + ": required input " + p + " of " + n.folder() + " is not connected");
                    }
                }
            }
        }
        assertTrue(checked >= 25, "connections checked: " + checked);
    }

    @Test
    void aTableToModelConnectionWouldBeRejected() {
        // guards the check above with the port types it compares
        final Node predictor = WorkflowWriter.ourNode(org.malau.knime.predictor.AuPredictorNodeFactory.class);
        final Node scorer = WorkflowWriter.ourNode(org.malau.knime.scorer.AuScorerNodeFactory.class);
        assertFalse(predictor.getInputType(1).isSuperTypeOf(scorer.getOutputType(1)), "table into model port");
        assertTrue(predictor.getInputType(2).isSuperTypeOf(scorer.getOutputType(1)), "table into table port");
        assertFalse(FlowVariablePortObject.TYPE_OPTIONAL.isSuperTypeOf(scorer.getOutputType(1)));
    }

    @Test
    void flowVariablesThatSetSettingsAreCreatedByTheNodeFeedingThem() throws Exception {
        int bound = 0;
        for (final String name : NAMES) {
            final Map<Integer, SavedNode> nodes = nodes(name);
            final NodeSettingsRO conns = load(WORKFLOWS.resolve(name).resolve("workflow.knime"))
                .getNodeSettings("connections");
            for (final SavedNode n : nodes.values()) {
                final NodeSettingsRO vars = n.settings().getNodeSettings(Node.CFG_VARIABLES);
                if (!vars.containsKey("tree")) {
                    continue;
                }
                assertEquals("V_2019_09_13", vars.getString("version"));
                final Set<String> available = new HashSet<>();
                for (final String key : conns.keySet()) {
                    final NodeSettingsRO c = conns.getNodeSettings(key);
                    if (c.getInt("destID") == n.id() && c.getInt("destPort") == 0) {
                        available.addAll(createdVariables(nodes.get(c.getInt("sourceID")).settings()));
                    }
                }
                for (final Map.Entry<String, String> e : usedVariables(vars.getNodeSettings("tree"), "").entrySet()) {
                    assertTrue(available.contains(e.getValue()), name + ": " + n.folder() + " sets " + e.getKey()
                        + " from variable " + e.getValue() + ", which no node feeding it creates: " + available);
                    assertTrue(hasPath(n.settings().getNodeSettings(Node.CFG_MODEL), e.getKey()),
                        name + ": " + n.folder() + " has no setting " + e.getKey());
                    bound++;
                }
            }
        }
        assertEquals(3, bound, "settings set by flow variables");
    }

    private static Set<String> createdVariables(final NodeSettingsRO s) throws InvalidSettingsException {
        final NodeSettingsRO model = s.getNodeSettings(Node.CFG_MODEL);
        if (model.containsKey("variables")) {
            return Set.of(model.getNodeSettings("variables").getStringArray("names"));
        }
        if (model.containsKey("file_folder_variables")) {
            return Set.of(model.getNodeSettings("file_folder_variables").getStringArray("variable_names"));
        }
        return Set.of();
    }

    private static Map<String, String> usedVariables(final NodeSettingsRO tree, final String prefix)
        throws InvalidSettingsException {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final String key : tree.keySet()) {
            final NodeSettingsRO sub = tree.getNodeSettings(key);
            if (sub.containsKey("used_variable")) {
                out.put(prefix + key, sub.getString("used_variable"));
            } else {
                out.putAll(usedVariables(sub, prefix + key + "/"));
            }
        }
        return out;
    }

    private static boolean hasPath(final NodeSettingsRO model, final String path) throws InvalidSettingsException {
        NodeSettingsRO at = model;
        final String[] keys = path.split("/");
        for (int i = 0; i < keys.length - 1; i++) {
            if (!at.containsKey(keys[i])) {
                return false;
            }
            at = at.getNodeSettings(keys[i]);
        }
        return at.containsKey(keys[keys.length - 1]);
    }

    // ---- the format is KNIME's -----------------------------------------------------------------------------------

    private static List<String> keys(final NodeSettingsRO s) {
        return new ArrayList<>(s.keySet());
    }

    @Test
    void nodeFoldersAreNamedAsKnimeNamesThemAndNoOtherFolderLies() throws Exception {
        for (final String name : NAMES) {
            final Set<String> folders = new TreeSet<>();
            for (final SavedNode n : nodes(name).values()) {
                final String nodeName = n.settings().getString("name");
                assertEquals(WorkflowWriter.nodeFolder(nodeName, n.id()), n.folder());
                assertTrue(n.folder().matches("[A-Za-z0-9 _]+ \\(#\\d+\\)"), n.folder());
                folders.add(n.folder());
            }
            try (Stream<Path> s = Files.list(WORKFLOWS.resolve(name))) {
                final Set<String> dirs = s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(f -> !f.equals("data")).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(folders, dirs, name);
            }
        }
    }

    @Test
    void settingsXmlHasTheEntriesKnimeWritesInItsOrder() throws Exception {
        // KNIME 5.11 saved the reference node; ours are unexecuted too
        final NodeSettingsRO ref = load(NodeTesting.sharedDir()
            .resolve("knime/reference-workflows/knime-core-enhAP25600/Data Generator (#2)/settings.xml"));
        assertEquals("settings.xml", ref.getKey());
        final List<String> refKeys = keys(ref);
        for (final String name : NAMES) {
            for (final SavedNode n : nodes(name).values()) {
                final List<String> k = keys(n.settings());
                k.remove("nodeAnnotation"); // present when a node has a label
                k.remove("node_creation_config"); // present for nodes with configurable ports
                assertEquals(refKeys, k, name + " " + n.folder());
                assertEquals("settings.xml", n.settings().getKey());
                assertEquals(keys(ref.getNodeSettings("filestores")), keys(n.settings().getNodeSettings("filestores")));
                final NodeSettingsRO ports = n.settings().getNodeSettings("ports");
                assertEquals(n.out().size(), ports.keySet().size(), n.folder() + ": one ports entry per output");
                for (final String p : ports.keySet()) {
                    assertEquals(keys(ref.getNodeSettings("ports").getNodeSettings("port_1")),
                        keys(ports.getNodeSettings(p)));
                }
                if (n.settings().containsKey("nodeAnnotation")) {
                    assertEquals(List.of("text", "contentType", "bgcolor", "x-coordinate", "y-coordinate", "width",
                        "height", "alignment", "borderSize", "borderColor", "defFontSize", "annotation-version",
                        "styles"), keys(n.settings().getNodeSettings("nodeAnnotation")));
                }
            }
        }
    }

    @Test
    void workflowKnimeHasTheEntriesKnimeWritesInItsOrder() throws Exception {
        final NodeSettingsRO ref = load(
            NodeTesting.sharedDir().resolve("knime/reference-workflows/knime-core-enhAP25600/workflow.knime"));
        final List<String> refKeys = keys(ref);
        // the reference workflow sets a table backend and has no annotations; ours use the default backend
        refKeys.remove("tableBackend");
        final NodeSettingsRO refNode = ref.getNodeSettings("nodes").getNodeSettings("node_1");
        final NodeSettingsRO refConnection = ref.getNodeSettings("connections").getNodeSettings("connection_0");
        for (final String name : NAMES) {
            final NodeSettingsRO wf = load(WORKFLOWS.resolve(name).resolve("workflow.knime"));
            final List<String> k = keys(wf);
            assertTrue(k.remove("annotations"), name + " has no annotations");
            assertEquals(refKeys, k, name);
            assertEquals(keys(ref.getNodeSettings("authorInformation")), keys(wf.getNodeSettings("authorInformation")));
            assertEquals(keys(ref.getNodeSettings("workflow_editor_settings")),
                keys(wf.getNodeSettings("workflow_editor_settings")));
            assertEquals(ref.getString("version"), wf.getString("version"), "workflow format version");
            for (final String nk : wf.getNodeSettings("nodes").keySet()) {
                final NodeSettingsRO node = wf.getNodeSettings("nodes").getNodeSettings(nk);
                assertEquals(keys(refNode), keys(node));
                assertEquals(4, node.getNodeSettings("ui_settings").getNodeSettings("extrainfo.node.bounds")
                    .getInt("array-size"));
            }
            for (final String ck : wf.getNodeSettings("connections").keySet()) {
                assertEquals(keys(refConnection), keys(wf.getNodeSettings("connections").getNodeSettings(ck)));
            }
            for (final String ak : wf.getNodeSettings("annotations").keySet()) {
                final NodeSettingsRO a = wf.getNodeSettings("annotations").getNodeSettings(ak);
                assertFalse(a.getString("text").isBlank());
                assertNotEquals(0, a.getInt("width"));
            }
        }
    }

    @Test
    void workflowMetadataHasADescription() throws Exception {
        for (final String name : NAMES) {
            final org.w3c.dom.Document d = WorkflowWriter.parse(WORKFLOWS.resolve(name).resolve("workflow-metadata.xml"));
            assertEquals("workflow-metadata", d.getDocumentElement().getLocalName());
            assertFalse(d.getElementsByTagNameNS("*", "description").item(0).getTextContent().isBlank(), name);
        }
    }

    // ---- the picture -----------------------------------------------------------------------------------------------

    @Test
    void thePictureShowsEveryNodeOfWorkflow1WhereWorkflowKnimePutsIt() throws Exception {
        final BufferedImage img = ImageIO.read(ROOT.resolve(ExampleWorkflowGenerator.PICTURE).toFile());
        assertNotNull(img);
        final NodeSettingsRO nodes =
            load(WORKFLOWS.resolve("MAL_Demo_Synthetic").resolve("workflow.knime")).getNodeSettings("nodes");
        assertEquals(9, nodes.keySet().size());
        for (final String key : nodes.keySet()) {
            final NodeSettingsRO b =
                nodes.getNodeSettings(key).getNodeSettings("ui_settings").getNodeSettings("extrainfo.node.bounds");
            // the node box is drawn in the middle of the node's bounds, below its name
            final int cx = b.getInt("0") + b.getInt("2") / 2;
            final int cy = b.getInt("1") + 20 + 4;
            final int rgb = img.getRGB(cx - 18, cy) & 0xFFFFFF;
            assertNotEquals(0xFFFFFF, rgb, key + ": nothing drawn at its box");
        }
    }
}
