package org.malau.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.malau.knime.testing.NodeTesting;
import org.malau.knime.workflows.WorkflowModel.KnimeStep;
import org.malau.knime.workflows.WorkflowModel.Link;
import org.malau.knime.workflows.WorkflowModel.Note;
import org.malau.knime.workflows.WorkflowModel.OurStep;
import org.malau.knime.workflows.WorkflowModel.Step;
import org.malau.knime.workflows.WorkflowModel.Workflow;
import org.w3c.dom.Document;

/**
 * Writes a {@link Workflow} as a KNIME workflow folder: {@code workflow.knime}, one folder per node with its
 * {@code settings.xml}, and {@code workflow-metadata.xml}, in the format KNIME Analytics Platform 5.3 saves (compare
 * {@code ../shared/knime/reference-workflows}). Our nodes' model settings come from their own node models.
 */
final class WorkflowWriter {
    /** The KNIME version the files claim to be saved by: the oldest release this extension is built against. */
    static final String KNIME_VERSION = "5.3.0";

    /** Workflow format version that KNIME 5.1 to 5.x write ({@code LoadVersion.V5100}). */
    static final String WORKFLOW_FORMAT = "5.1.0";

    /** Date written as creation and edit date, fixed so that the generator's output does not change by itself. */
    static final String AUTHORED_WHEN = "2026-11-28 12:00:00 +0000";

    static final String AUTHORED_WHEN_ISO = "2026-11-28T12:00:00.000Z";

    static final String AUTHOR = "MAL nodes for KNIME";

    /** Border colour of workflow annotations in KNIME's classic editor (#FFD800). */
    static final int ANNOTATION_BORDER = 0xFFD800;

    /** Height KNIME gives a node's bounds (icon, name and status). */
    static final int NODE_HEIGHT = 79;

    private static final String KNIME_VENDOR = "KNIME AG, Zurich, Switzerland";

    private final OurBundle m_ours;

    WorkflowWriter() throws IOException {
        m_ours = OurBundle.read();
    }

    /** Bundle and feature of our nodes, as KNIME records them in every node's settings. */
    record OurBundle(String name, String symbolicName, String vendor, String version, String featureName,
        String featureSymbolicName, String featureVendor, String featureVersion) {

        static OurBundle read() throws IOException {
            final Path nodes = NodeTesting.nodesDir();
            final Manifest mf;
            try (InputStream in = Files.newInputStream(nodes.resolve("META-INF/MANIFEST.MF"))) {
                mf = new Manifest(in);
            }
            final var a = mf.getMainAttributes();
            final Path feature = nodes.resolveSibling("feature");
            final Properties fp = new Properties();
            try (InputStream in = Files.newInputStream(feature.resolve("feature.properties"))) {
                fp.load(in);
            }
            final Document fx = parse(feature.resolve("feature.xml"));
            final var root = fx.getDocumentElement();
            return new OurBundle(a.getValue("Bundle-Name"), a.getValue("Bundle-SymbolicName").split(";")[0].trim(),
                a.getValue("Bundle-Vendor"), release(a.getValue("Bundle-Version")),
                localised(root.getAttribute("label"), fp),
                // p2 installs features as "<id>.feature.group", and that is what KNIME records
                root.getAttribute("id") + ".feature.group", localised(root.getAttribute("provider-name"), fp),
                release(root.getAttribute("version")));
        }

        /**
         * A built bundle's version has a build qualifier in place of {@code qualifier}; a saved workflow records the
         * installed one. The files record the version without qualifier, the lowest of that release, so that any
         * installed build of it is at least as new as the one the workflow names.
         */
        private static String release(final String version) {
            return version.replaceFirst("\\.qualifier$", "");
        }

        private static String localised(final String value, final Properties p) {
            return value.startsWith("%") ? p.getProperty(value.substring(1)) : value;
        }
    }

    static Document parse(final Path xml) throws IOException {
        try {
            final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) { // NOSONAR parser and SAX exceptions alike mean an unreadable file
            throw new IOException("Cannot parse " + xml + ": " + e.getMessage(), e);
        }
    }

    /** KNIME's folder name for a node: its name with every character but letters, digits and space as "_". */
    static String nodeFolder(final String nodeName, final int id) {
        return nodeName.replaceAll("[^a-zA-Z0-9 ]", "_") + " (#" + id + ")";
    }

    /** The node's name as its description gives it (KNIME's {@code NodeFactory.getNodeName()}). */
    static String ourNodeName(final Class<?> factory) throws IOException {
        try (InputStream in = factory.getResourceAsStream(factory.getSimpleName() + ".xml")) {
            if (in == null) {
                throw new IOException("No node description beside " + factory.getName());
            }
            final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "name").item(0).getTextContent().trim();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // NOSONAR
            throw new IOException("Cannot read the node description of " + factory.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Creates one of our nodes as KNIME does. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Node ourNode(final Class<? extends NodeFactory<?>> factory) {
        try {
            return new Node((NodeFactory)factory.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + factory.getName() + ": " + e, e);
        }
    }

    /** Creates one of our nodes from its factory's class name. */
    @SuppressWarnings("unchecked")
    static Node ourNode(final String factory) {
        try {
            return ourNode((Class<? extends NodeFactory<?>>)Class.forName(factory).asSubclass(NodeFactory.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("No node factory " + factory, e);
        }
    }

    /** Name of the node as the workflow shows it. */
    String nodeName(final Step step) throws IOException {
        return step instanceof OurStep o ? ourNodeName(o.factory()) : ((KnimeStep)step).type().name();
    }

    /** Writes the workflow into {@code dir} (created; existing files are overwritten). */
    void write(final Workflow wf, final Path dir) throws IOException, InvalidSettingsException {
        Files.createDirectories(dir);
        for (final Step s : wf.steps()) {
            final Path folder = dir.resolve(nodeFolder(nodeName(s), s.id()));
            Files.createDirectories(folder);
            save(nodeSettings(s), folder.resolve("settings.xml"));
        }
        save(workflowSettings(wf), dir.resolve("workflow.knime"));
        Files.writeString(dir.resolve("workflow-metadata.xml"), metadata(wf), StandardCharsets.UTF_8);
    }

    private static void save(final NodeSettings s, final Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            s.saveToXML(out);
        }
    }

    // ---- settings.xml of one node -------------------------------------------------------------------------------

    /** A node's {@code settings.xml}, with the entries and order KNIME 5.3 writes for an unexecuted node. */
    NodeSettings nodeSettings(final Step step) throws IOException, InvalidSettingsException {
        final NodeSettings s = new NodeSettings("settings.xml");
        s.addString("node_file", "settings.xml");
        s.addNodeSettings("flow_stack");
        s.addNodeSettings(Node.CFG_MISC_SETTINGS).addString("memory_policy", "CacheSmallInMemory");
        final int outPorts;
        final String name = nodeName(step);
        if (step instanceof OurStep o) {
            final Node node = ourNode(o.factory());
            applyOverrides(node, o);
            node.saveSettingsTo(s);
            outPorts = node.getNrOutPorts() - 1;
        } else {
            final KnimeStep k = (KnimeStep)step;
            k.writeModel((NodeSettings)s.addNodeSettings(Node.CFG_MODEL));
            outPorts = k.type().out().size();
        }
        variables(s, step);
        if (step.label() != null) {
            nodeLabel(s.addNodeSettings("nodeAnnotation"), step);
        }
        s.addString("customDescription", null);
        s.addString("state", "IDLE");
        if (step instanceof OurStep o) {
            s.addString("factory", o.factory().getName());
            s.addString("node-name", name);
            s.addString("node-bundle-name", m_ours.name());
            s.addString("node-bundle-symbolic-name", m_ours.symbolicName());
            s.addString("node-bundle-vendor", m_ours.vendor());
            s.addString("node-bundle-version", m_ours.version());
            s.addString("node-feature-name", m_ours.featureName());
            s.addString("node-feature-symbolic-name", m_ours.featureSymbolicName());
            s.addString("node-feature-vendor", m_ours.featureVendor());
            s.addString("node-feature-version", m_ours.featureVersion());
        } else {
            final KnimeNodes.Type t = ((KnimeStep)step).type();
            s.addString("factory", t.factory());
            s.addString("node-name", name);
            s.addString("node-bundle-name", t.bundleName());
            s.addString("node-bundle-symbolic-name", t.bundle());
            s.addString("node-bundle-vendor", KNIME_VENDOR);
            s.addString("node-bundle-version", KNIME_VERSION);
            s.addString("node-feature-name", "KNIME Base nodes");
            s.addString("node-feature-symbolic-name", "org.knime.features.base.feature.group");
            s.addString("node-feature-vendor", KNIME_VENDOR);
            s.addString("node-feature-version", KNIME_VERSION);
        }
        s.addNodeSettings("factory_settings");
        if (step instanceof KnimeStep k && k.type().portGroups() != null) {
            final NodeSettingsWO c = s.addNodeSettings("node_creation_config");
            for (final String group : k.type().portGroups()) {
                c.addNodeSettings(group);
            }
        }
        s.addString("name", name);
        s.addBoolean("hasContent", false);
        s.addBoolean("isInactive", false);
        final NodeSettingsWO ports = s.addNodeSettings("ports");
        for (int i = 1; i <= outPorts; i++) {
            final NodeSettingsWO p = ports.addNodeSettings("port_" + i);
            p.addInt("index", i);
            p.addString("port_dir_location", null);
        }
        final NodeSettingsWO fs = s.addNodeSettings("filestores");
        fs.addString("file_store_location", null);
        fs.addString("file_store_id", null);
        return s;
    }

    /**
     * Changes the node model's saved settings and puts them through the model's own validateSettings and
     * loadValidatedSettingsFrom, so that a value the model would reject, or a key it no longer has, fails here.
     */
    static void applyOverrides(final Node node, final OurStep step) throws InvalidSettingsException {
        if (step.overrides().isEmpty()) {
            return;
        }
        final NodeSettings wrapper = new NodeSettings("settings.xml");
        node.saveSettingsTo(wrapper);
        final NodeSettings model = wrapper.getNodeSettings(Node.CFG_MODEL);
        for (final Map.Entry<String, Object> e : step.overrides().entrySet()) {
            final String key = e.getKey();
            if (!model.containsKey(key)) {
                throw new InvalidSettingsException(step.factory().getSimpleName() + " (#" + step.id()
                    + ") has no setting \"" + key + "\"; it saves " + model.keySet());
            }
            final Object v = e.getValue();
            if (v instanceof Integer i) {
                model.addInt(key, i);
            } else if (v instanceof Long l) {
                model.addLong(key, l);
            } else if (v instanceof Double d) {
                model.addDouble(key, d);
            } else if (v instanceof Boolean b) {
                model.addBoolean(key, b);
            } else if (v instanceof String str) {
                model.addString(key, str);
            } else {
                throw new IllegalArgumentException("Setting \"" + key + "\": unsupported value type " + v);
            }
        }
        try {
            node.loadSettingsFrom(wrapper);
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException(step.factory().getSimpleName() + " (#" + step.id()
                + ") rejects the example's settings: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code variables} config: which settings flow variables set, as KNIME's {@code ConfigEditTreeModel}
     * writes it (version {@code V_2019_09_13}, then a tree of the setting keys, each leaf naming the variable).
     */
    private static void variables(final NodeSettings s, final Step step) {
        final NodeSettings vars = (NodeSettings)s.addNodeSettings(Node.CFG_VARIABLES);
        if (step.variables().isEmpty()) {
            return;
        }
        vars.addString("version", "V_2019_09_13");
        final NodeSettings tree = (NodeSettings)vars.addNodeSettings("tree");
        for (final Map.Entry<String, String> e : step.variables().entrySet()) {
            NodeSettings at = tree;
            for (final String key : e.getKey().split("/")) {
                at = at.containsKey(key) ? childOf(at, key) : (NodeSettings)at.addNodeSettings(key);
            }
            at.addString("used_variable", e.getValue());
            at.addString("exposed_variable", null);
        }
    }

    private static NodeSettings childOf(final NodeSettings s, final String key) {
        try {
            return s.getNodeSettings(key);
        } catch (InvalidSettingsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** KNIME's node label: an annotation (format version 20230412) centred under the node. */
    private static void nodeLabel(final NodeSettingsWO a, final Step step) {
        final int width = Math.max(120, 7 * longestLine(step.label()));
        final int lines = step.label().split("\n").length;
        annotation(a, step.label(), 0xFFFFFF, step.x() + NodeFigure.WIDTH / 2 - width / 2,
            step.y() + NODE_HEIGHT, width, 16 * lines, "CENTER", 0, 0, -1);
    }

    private static int longestLine(final String text) {
        int m = 0;
        for (final String l : text.split("\n")) {
            m = Math.max(m, l.length());
        }
        return m;
    }

    /** {@code AnnotationData.save} of KNIME 5.1 and later. */
    private static void annotation(final NodeSettingsWO a, final String text, final int background, final int x,
        final int y, final int width, final int height, final String alignment, final int borderSize,
        final int borderColor, final int fontSize) {
        a.addString("text", text);
        a.addString("contentType", "text/plain");
        a.addInt("bgcolor", background);
        a.addInt("x-coordinate", x);
        a.addInt("y-coordinate", y);
        a.addInt("width", width);
        a.addInt("height", height);
        a.addString("alignment", alignment);
        a.addInt("borderSize", borderSize);
        a.addInt("borderColor", borderColor);
        a.addInt("defFontSize", fontSize);
        a.addInt("annotation-version", 20230412);
        a.addNodeSettings("styles");
    }

    // ---- workflow.knime -----------------------------------------------------------------------------------------

    NodeSettings workflowSettings(final Workflow wf) throws IOException {
        final NodeSettings w = new NodeSettings("workflow.knime");
        w.addString("created_by", KNIME_VERSION);
        w.addBoolean("created_by_nightly", false);
        w.addString("version", WORKFLOW_FORMAT);
        w.addString("name", null);
        final NodeSettingsWO author = w.addNodeSettings("authorInformation");
        author.addString("authored-by", AUTHOR);
        author.addString("authored-when", AUTHORED_WHEN);
        author.addString("lastEdited-by", null);
        author.addString("lastEdited-when", null);
        w.addString("customDescription", null);
        w.addString("state", "IDLE");
        w.addNodeSettings("workflow_credentials");
        if (!wf.notes().isEmpty()) {
            final NodeSettingsWO notes = w.addNodeSettings("annotations");
            int i = 0;
            for (final Note n : wf.notes()) {
                annotation(notes.addNodeSettings("annotation_" + i++), n.text(), n.background(), n.bounds().x(),
                    n.bounds().y(), n.bounds().width(), n.bounds().height(), "LEFT", 10, ANNOTATION_BORDER, 12);
            }
        }
        final NodeSettingsWO nodes = w.addNodeSettings("nodes");
        for (final Step s : wf.steps()) {
            final NodeSettingsWO n = nodes.addNodeSettings("node_" + s.id());
            n.addInt("id", s.id());
            n.addString("node_settings_file", nodeFolder(nodeName(s), s.id()) + "/settings.xml");
            n.addBoolean("node_is_meta", false);
            n.addString("node_type", "NativeNode");
            n.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            final NodeSettingsWO b = n.addNodeSettings("ui_settings").addNodeSettings("extrainfo.node.bounds");
            b.addInt("array-size", 4);
            b.addInt("0", s.x());
            b.addInt("1", s.y());
            b.addInt("2", NodeFigure.WIDTH);
            b.addInt("3", NODE_HEIGHT);
        }
        final NodeSettingsWO conns = w.addNodeSettings("connections");
        int i = 0;
        for (final Link l : wf.links()) {
            final NodeSettingsWO c = conns.addNodeSettings("connection_" + i++);
            c.addInt("sourceID", l.from().id());
            c.addInt("destID", l.to().id());
            c.addInt("sourcePort", l.fromPort());
            c.addInt("destPort", l.toPort());
        }
        final NodeSettingsWO editor = w.addNodeSettings("workflow_editor_settings");
        editor.addBoolean("workflow.editor.snapToGrid", true);
        editor.addBoolean("workflow.editor.ShowGrid", false);
        editor.addInt("workflow.editor.gridX", 20);
        editor.addInt("workflow.editor.gridY", 20);
        editor.addDouble("workflow.editor.zoomLevel", 1.0);
        editor.addBoolean("workflow.editor.curvedConnections", true);
        editor.addInt("workflow.editor.connectionWidth", 2);
        return w;
    }

    /** {@code workflow-metadata.xml} (KNIME 5.1+): author, dates, description and tags, as plain text. */
    static String metadata(final Workflow wf) {
        final StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<workflow-metadata content-type=\"text/plain\" ")
            .append("xmlns=\"http://www.knime.org/core/node/workflow/metadata/v1.0\">\n");
        b.append("    <author>").append(xml(AUTHOR)).append("</author>\n");
        b.append("    <created>").append(AUTHORED_WHEN_ISO).append("</created>\n");
        b.append("    <last-modified>").append(AUTHORED_WHEN_ISO).append("</last-modified>\n");
        b.append("    <description>").append(xml(wf.description())).append("</description>\n");
        b.append("    <tags>\n");
        for (final String t : wf.tags()) {
            b.append("        <tag>").append(xml(t)).append("</tag>\n");
        }
        b.append("    </tags>\n");
        return b.append("</workflow-metadata>").toString();
    }

    private static String xml(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The node figure's size on the canvas (KNIME records per node bounds; ours all have the same width). */
    static final class NodeFigure {
        static final int WIDTH = 120;

        private NodeFigure() {
        }
    }

    /** For the tests: our node of a step, with the example's settings applied. */
    static Node configuredNode(final OurStep step) throws InvalidSettingsException {
        final Node node = ourNode(step.factory());
        applyOverrides(node, step);
        return node;
    }
}
