package org.malau.knime.workflows;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.flowvariable.FlowVariablePortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.BufferedDataTable;

/**
 * Draws a saved workflow as KNIME's editor shows it, from its files alone: {@code workflow.knime} gives the nodes'
 * places, the connections and the notes, each node's {@code settings.xml} its name, factory and label. Nodes are
 * coloured boxes (KNIME's colour for their kind, our nodes with their own icon), ports small triangles, connections
 * curves, notes text boxes. Used for the picture of workflow 1 in the README.
 */
final class WorkflowPicture {
    private static final int MARGIN = 20;

    private static final int BOX = 44;

    private static final Font NAME = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private static final Font NOTE_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    /** KNIME's colours of node kinds. */
    private static final Map<String, Color> KIND_COLOURS = Map.of("Source", new Color(0xF1A33A), "Sink",
        new Color(0xE5574F), "Learner", new Color(0xC2D55A), "Predictor", new Color(0x43B05C), "Manipulator",
        new Color(0xFFD84C), "Visualizer", new Color(0x6DA8DD), "LoopStart", new Color(0x9FC4E8), "LoopEnd",
        new Color(0x9FC4E8), "Other", new Color(0xC9C2B8));

    private WorkflowPicture() {
    }

    private record Drawn(int id, String name, String factory, String label, int x, int y, int w, int h,
        List<PortType> in, List<PortType> out) {
    }

    private record Wire(int from, int fromPort, int to, int toPort) {
    }

    private record Text(String text, int x, int y, int w, int h, int background, int border) {
    }

    static void draw(final Path workflowDir, final Path png) throws IOException, InvalidSettingsException {
        final NodeSettingsRO wf = load(workflowDir.resolve("workflow.knime"));
        final Map<Integer, Drawn> nodes = new LinkedHashMap<>();
        final NodeSettingsRO ns = wf.getNodeSettings("nodes");
        for (final String key : ns.keySet()) {
            final NodeSettingsRO n = ns.getNodeSettings(key);
            final NodeSettingsRO b = n.getNodeSettings("ui_settings").getNodeSettings("extrainfo.node.bounds");
            final NodeSettingsRO s = load(workflowDir.resolve(n.getString("node_settings_file")));
            final String label = s.containsKey("nodeAnnotation") ? s.getNodeSettings("nodeAnnotation").getString("text")
                : "";
            final String factory = s.getString("factory");
            final List<List<PortType>> ports = ports(factory);
            nodes.put(n.getInt("id"), new Drawn(n.getInt("id"), s.getString("name"), factory, label, b.getInt("0"),
                b.getInt("1"), b.getInt("2"), b.getInt("3"), ports.get(0), ports.get(1)));
        }
        final List<Wire> wires = new ArrayList<>();
        final NodeSettingsRO cs = wf.getNodeSettings("connections");
        for (final String key : cs.keySet()) {
            final NodeSettingsRO c = cs.getNodeSettings(key);
            wires.add(new Wire(c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destID"), c.getInt("destPort")));
        }
        final List<Text> notes = new ArrayList<>();
        if (wf.containsKey("annotations")) {
            final NodeSettingsRO as = wf.getNodeSettings("annotations");
            for (final String key : as.keySet()) {
                final NodeSettingsRO a = as.getNodeSettings(key);
                notes.add(new Text(a.getString("text"), a.getInt("x-coordinate"), a.getInt("y-coordinate"),
                    a.getInt("width"), a.getInt("height"), a.getInt("bgcolor"), a.getInt("borderColor")));
            }
        }
        int maxX = 0;
        int maxY = 0;
        for (final Drawn d : nodes.values()) {
            maxX = Math.max(maxX, d.x() + d.w());
            maxY = Math.max(maxY, d.y() + d.h() + 16 * (d.label().split("\n").length + 1));
        }
        for (final Text t : notes) {
            maxX = Math.max(maxX, t.x() + t.w());
            maxY = Math.max(maxY, t.y() + t.h());
        }
        final BufferedImage img = new BufferedImage(maxX + MARGIN, maxY + MARGIN, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (final Text t : notes) {
            note(g, t);
        }
        for (final Wire w : wires) {
            wire(g, nodes.get(w.from()), w.fromPort(), nodes.get(w.to()), w.toPort());
        }
        for (final Drawn d : nodes.values()) {
            node(g, d);
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(img, "png", png.toFile())) {
            throw new IOException("No PNG writer");
        }
    }

    private static NodeSettingsRO load(final Path xml) throws IOException {
        try (InputStream in = Files.newInputStream(xml)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    /** Input and output port types (without the flow variable port) of a factory: ours from the node, KNIME's from the list. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<List<PortType>> ports(final String factory) {
        for (final KnimeNodes.Type t : KnimeNodes.ALL) {
            if (t.factory().equals(factory)) {
                return List.of(t.in(), t.out());
            }
        }
        try {
            final Node n = new Node((NodeFactory)Class.forName(factory).getDeclaredConstructor().newInstance());
            final List<PortType> in = new ArrayList<>();
            for (int i = 1; i < n.getNrInPorts(); i++) {
                in.add(n.getInputType(i));
            }
            final List<PortType> out = new ArrayList<>();
            for (int i = 1; i < n.getNrOutPorts(); i++) {
                out.add(n.getOutputType(i));
            }
            return List.of(in, out);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Unknown node factory " + factory, e);
        }
    }

    private static int boxX(final Drawn d) {
        return d.x() + (d.w() - BOX) / 2;
    }

    private static int boxY(final Drawn d) {
        return d.y() + 20;
    }

    /** Where a port sits: data ports spread along the box's side, the flow variable port (0) at its top corner. */
    private static int[] port(final Drawn d, final int port, final boolean out) {
        final int x = out ? boxX(d) + BOX + 5 : boxX(d) - 5;
        if (port == 0) {
            return new int[]{x, boxY(d) - 6};
        }
        final int n = out ? d.out().size() : d.in().size();
        final int y = boxY(d) + (int)Math.round(BOX * (port - 0.5) / n);
        return new int[]{x, y};
    }

    private static void wire(final Graphics2D g, final Drawn from, final int fromPort, final Drawn to, final int toPort) {
        final int[] a = port(from, fromPort, true);
        final int[] b = port(to, toPort, false);
        final double dx = Math.max(30, (b[0] - a[0]) / 2.0);
        g.setColor(fromPort == 0 ? new Color(0xC0392B) : new Color(0x555555));
        g.setStroke(new BasicStroke(1.6f));
        g.draw(new CubicCurve2D.Double(a[0], a[1], a[0] + dx, a[1], b[0] - dx, b[1], b[0], b[1]));
    }

    private static void node(final Graphics2D g, final Drawn d) {
        final int x = boxX(d);
        final int y = boxY(d);
        centred(g, d.name(), NAME, Color.BLACK, d.x() + d.w() / 2, d.y() + 13);
        g.setColor(colour(d.factory()));
        g.fill(new RoundRectangle2D.Double(x, y, BOX, BOX, 10, 10));
        g.setColor(new Color(0x444444));
        g.setStroke(new BasicStroke(1f));
        g.draw(new RoundRectangle2D.Double(x, y, BOX, BOX, 10, 10));
        final BufferedImage icon = icon(d.factory());
        if (icon != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(icon, x + (BOX - 32) / 2, y + (BOX - 32) / 2, 32, 32, null);
        }
        for (int i = 0; i < d.in().size(); i++) {
            portMark(g, d.in().get(i), port(d, i + 1, false), false);
        }
        for (int i = 0; i < d.out().size(); i++) {
            portMark(g, d.out().get(i), port(d, i + 1, true), true);
        }
        // KNIME's traffic light under the box: all nodes of a freshly opened workflow are not yet executed
        g.setColor(new Color(0xDDDDDD));
        g.fillRoundRect(x + 4, y + BOX + 4, BOX - 8, 8, 6, 6);
        g.setColor(new Color(0xE8B400));
        g.fillOval(x + BOX / 2 - 4, y + BOX + 4, 8, 8);
        int ly = y + BOX + 28;
        for (final String line : d.label().split("\n")) {
            centred(g, line, LABEL, new Color(0x333333), d.x() + d.w() / 2, ly);
            ly += 14;
        }
    }

    private static void portMark(final Graphics2D g, final PortType type, final int[] at, final boolean out) {
        final Class<?> c = type.getPortObjectClass();
        final Color fill;
        if (BufferedDataTable.class.isAssignableFrom(c)) {
            fill = Color.BLACK;
        } else if (FlowVariablePortObject.class.isAssignableFrom(c)) {
            fill = new Color(0xC0392B);
        } else if (ImagePortObject.class.isAssignableFrom(c)) {
            fill = new Color(0x3C8D3C);
        } else {
            fill = new Color(0x6A4C93); // the MAL model port's colour in plugin.xml
        }
        g.setColor(fill);
        if (FlowVariablePortObject.class.isAssignableFrom(c)) {
            g.fillOval(at[0] - 5, at[1] - 5, 10, 10);
        } else if (BufferedDataTable.class.isAssignableFrom(c)) {
            final int dx = out ? -6 : -6;
            g.fillPolygon(new int[]{at[0] + dx, at[0] + dx, at[0] + 5}, new int[]{at[1] - 5, at[1] + 5, at[1]}, 3);
        } else {
            g.fillRect(at[0] - 5, at[1] - 5, 10, 10);
        }
    }

    private static Color colour(final String factory) {
        for (final KnimeNodes.Type t : KnimeNodes.ALL) {
            if (t.factory().equals(factory)) {
                return KIND_COLOURS.getOrDefault(t.kind(), KIND_COLOURS.get("Other"));
            }
        }
        final String kind = descriptionAttribute(factory, "type");
        return KIND_COLOURS.getOrDefault(kind, KIND_COLOURS.get("Other"));
    }

    /** Our node's icon, beside its factory as the description names it. */
    private static BufferedImage icon(final String factory) {
        final String icon = descriptionAttribute(factory, "icon");
        if (icon == null) {
            return null;
        }
        try {
            final Class<?> c = Class.forName(factory);
            try (InputStream in = c.getResourceAsStream(icon.replaceFirst("^\\./", ""))) {
                return in == null ? null : ImageIO.read(in);
            }
        } catch (IOException | ClassNotFoundException e) {
            return null;
        }
    }

    private static String descriptionAttribute(final String factory, final String attribute) {
        try {
            final Class<?> c = Class.forName(factory);
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".xml")) {
                if (in == null) {
                    return null;
                }
                final javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                final String v = f.newDocumentBuilder().parse(in).getDocumentElement().getAttribute(attribute);
                return v.isEmpty() ? null : v;
            }
        } catch (Exception e) { // NOSONAR a node without a readable description is drawn plain
            return null;
        }
    }

    private static void note(final Graphics2D g, final Text t) {
        g.setColor(new Color(t.background()));
        g.fillRect(t.x(), t.y(), t.w(), t.h());
        g.setColor(new Color(t.border()));
        g.setStroke(new BasicStroke(3f));
        g.drawRect(t.x(), t.y(), t.w(), t.h());
        final String[] paragraphs = t.text().split("\n");
        int y = t.y() + 18;
        for (int p = 0; p < paragraphs.length; p++) {
            final Font f = p == 0 ? NOTE_TITLE : NOTE;
            g.setFont(f);
            g.setColor(new Color(0x222222));
            final FontMetrics fm = g.getFontMetrics();
            for (final String line : wrap(paragraphs[p], fm, t.w() - 16)) {
                if (y > t.y() + t.h() - 4) {
                    return;
                }
                g.drawString(line, t.x() + 8, y);
                y += fm.getHeight();
            }
        }
    }

    static List<String> wrap(final String text, final FontMetrics fm, final int width) {
        final List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (final String word : text.split(" ")) {
            final String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static void centred(final Graphics2D g, final String s, final Font f, final Color c, final int cx,
        final int baseline) {
        g.setFont(f);
        g.setColor(c);
        final int w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, cx - w / 2, baseline);
    }
}
