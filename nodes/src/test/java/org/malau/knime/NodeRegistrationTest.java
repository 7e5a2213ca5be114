package org.malau.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.border.Border;
import javax.swing.border.CompoundBorder;
import javax.swing.border.TitledBorder;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.malau.knime.testing.NodeTesting;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The things KNIME checks only when the extension is installed: plugin.xml registers the category
 * and every node, each factory loads, and each has a valid description and its icon beside it.
 */
class NodeRegistrationTest {
    private static final String CATEGORY = "/community/mal";

    private static Document parse(final Path file) throws Exception {
        final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(final Document doc, final String name) {
        final NodeList list = doc.getElementsByTagName(name);
        final List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element)list.item(i));
        }
        return out;
    }

    private static List<Element> registeredNodes() throws Exception {
        final Document doc = parse(NodeTesting.nodesDir().resolve("plugin.xml"));
        final List<Element> nodes = new ArrayList<>();
        for (final Element ext : elements(doc, "extension")) {
            if ("org.knime.workbench.repository.nodes".equals(ext.getAttribute("point"))) {
                for (final Element n : elements(doc, "node")) {
                    if (n.getParentNode() == ext) {
                        nodes.add(n);
                    }
                }
            }
        }
        return nodes;
    }

    /** Factory classes in the source tree, found by file name, so a node missing from plugin.xml is noticed. */
    private static Set<String> factoriesInSources() throws IOException {
        final Path src = NodeTesting.nodesDir().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(p -> p.getFileName().toString().endsWith("NodeFactory.java"))
                .map(p -> src.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path descriptionSchema() {
        return NodeTesting.sharedDir().resolve("knime/schemas/Node_v4.1.xsd");
    }

    @Test
    void categoryIsRegisteredWithItsIcon() throws Exception {
        final Document doc = parse(NodeTesting.nodesDir().resolve("plugin.xml"));
        final List<Element> mal = elements(doc, "category").stream().filter(c -> "mal".equals(c.getAttribute("level-id")))
            .toList();
        assertEquals(1, mal.size(), "one category with level-id mal");
        assertEquals("/community", mal.get(0).getAttribute("path"));
        final Path icon = NodeTesting.nodesDir().resolve(mal.get(0).getAttribute("icon"));
        assertIcon16(Files.newInputStream(icon), icon.toString());
    }

    @Test
    void everyFactoryInTheSourcesIsRegisteredUnderTheCategoryAndNoOtherNode() throws Exception {
        final List<Element> nodes = registeredNodes();
        final Set<String> registered = new TreeSet<>();
        for (final Element n : nodes) {
            assertEquals(CATEGORY, n.getAttribute("category-path"), n.getAttribute("factory-class"));
            assertTrue(registered.add(n.getAttribute("factory-class")), "registered twice: " + n.getAttribute("factory-class"));
        }
        assertFalse(registered.isEmpty());
        assertEquals(factoriesInSources(), registered);
    }

    @Test
    void everyRegisteredFactoryLoadsAndCreatesItsModelDialogAndDescribedIcon() throws Exception {
        final Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(descriptionSchema().toFile()).newValidator();
        for (final Element n : registeredNodes()) {
            final String name = n.getAttribute("factory-class");
            final Class<?> c = Class.forName(name);
            assertTrue(NodeFactory.class.isAssignableFrom(c), name + " is not a NodeFactory");
            final NodeFactory<?> factory = (NodeFactory<?>)c.getDeclaredConstructor().newInstance();
            final NodeModel model = factory.createNodeModel();
            assertNotNull(model, name);

            final URL xml = c.getResource(c.getSimpleName() + ".xml");
            assertNotNull(xml, "no description " + c.getSimpleName() + ".xml beside " + name);
            try (InputStream in = xml.openStream()) {
                validator.validate(new StreamSource(in, xml.toString()));
            } catch (SAXException e) {
                throw new AssertionError(xml + " does not validate against Node_v4.1.xsd: " + e.getMessage(), e);
            }
            final Document doc;
            try (InputStream in = xml.openStream()) {
                final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                doc = f.newDocumentBuilder().parse(in);
            }
            final String icon = doc.getDocumentElement().getAttribute("icon");
            assertFalse(icon.isEmpty(), name + ": description has no icon");
            final URL iconUrl = c.getResource(icon.replaceFirst("^\\./", ""));
            assertNotNull(iconUrl, name + ": icon " + icon + " not beside the factory");
            assertIcon16(iconUrl.openStream(), iconUrl.toString());
        }
    }

    @Test
    void everyDescriptionInTheSourcesValidatesAgainstTheNodeSchema() throws Exception {
        final Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(descriptionSchema().toFile()).newValidator();
        final List<Path> xmls;
        try (Stream<Path> files = Files.walk(NodeTesting.nodesDir().resolve("src/main/java"))) {
            xmls = files.filter(p -> p.getFileName().toString().endsWith("NodeFactory.xml")).toList();
        }
        assertEquals(factoriesInSources().size(), xmls.size(), "one description per factory");
        for (final Path xml : xmls) {
            try {
                validator.validate(new StreamSource(xml.toFile()));
            } catch (SAXException e) {
                throw new AssertionError(xml + " does not validate against Node_v4.1.xsd: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void schemaCheckRejectsABrokenDescription() throws Exception {
        // guards the test above against a validator that accepts anything
        final Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(descriptionSchema().toFile()).newValidator();
        final String broken = "<knimeNode xmlns=\"http://knime.org/node/v4.1\" type=\"Source\"><name>x</name>"
            + "<fullDescription><intro>x</intro></fullDescription><ports/></knimeNode>";
        try {
            validator.validate(new StreamSource(new java.io.StringReader(broken)));
            throw new AssertionError("a description without shortDescription validated");
        } catch (SAXException expected) {
            assertTrue(expected.getMessage().contains("shortDescription"), expected.getMessage());
        }
    }

    @Test
    void everyNodeHasAnIconOfItsOwn() throws Exception {
        // the Model Reader and Writer icons of release 0.1 differed in 8 of 256 pixels; a user tells icons apart
        // by a visible mark, such as the arrows that now point out of and into the model file
        final List<BufferedImage> icons = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final Element n : registeredNodes()) {
            final Class<?> c = Class.forName(n.getAttribute("factory-class"));
            final Document doc;
            try (InputStream in = c.getResource(c.getSimpleName() + ".xml").openStream()) {
                final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                doc = f.newDocumentBuilder().parse(in);
            }
            try (InputStream in = c.getResource(doc.getDocumentElement().getAttribute("icon").replaceFirst("^\\./", ""))
                .openStream()) {
                icons.add(ImageIO.read(in));
            }
            names.add(c.getSimpleName());
        }
        for (int a = 0; a < icons.size(); a++) {
            for (int b = a + 1; b < icons.size(); b++) {
                int differ = 0;
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        differ += icons.get(a).getRGB(x, y) != icons.get(b).getRGB(x, y) ? 1 : 0;
                    }
                }
                final int d = differ;
                final int i = a;
                final int j = b;
                assertTrue(d >= 30, () -> names.get(i) + " and " + names.get(j) + " icons differ in " + d + " pixels");
            }
        }
    }

    /** The tabs KNIME adds to every dialog itself; the descriptions do not list them. */
    private static final Set<String> KNIME_TABS = Set.of("Flow Variables", "Job Manager Selection", "Memory Policy");

    @Test
    void everyDescriptionHasTheDialogsTabsAndEachOptionIsLabeledOnItsTab() throws Exception {
        for (final Element n : registeredNodes()) {
            final Class<?> c = Class.forName(n.getAttribute("factory-class"));
            final NodeFactory<?> factory = (NodeFactory<?>)c.getDeclaredConstructor().newInstance();
            final java.lang.reflect.Method create = NodeFactory.class.getDeclaredMethod("createNodeDialogPane");
            create.setAccessible(true);
            final NodeDialogPane dialog = (NodeDialogPane)create.invoke(factory);
            final JTabbedPane tabs = find(dialog.getPanel(), JTabbedPane.class);
            final List<String> dialogTabs = new ArrayList<>();
            final List<Set<String>> labels = new ArrayList<>();
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if (!KNIME_TABS.contains(tabs.getTitleAt(i))) {
                    dialogTabs.add(tabs.getTitleAt(i));
                    final Set<String> texts = new TreeSet<>();
                    texts(tabs.getComponentAt(i), texts);
                    labels.add(texts);
                }
            }
            final Document doc;
            try (InputStream in = c.getResource(c.getSimpleName() + ".xml").openStream()) {
                final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                doc = f.newDocumentBuilder().parse(in);
            }
            final NodeList tabElements = doc.getElementsByTagNameNS("*", "tab");
            final List<String> described = new ArrayList<>();
            for (int t = 0; t < tabElements.getLength(); t++) {
                described.add(((Element)tabElements.item(t)).getAttribute("name"));
            }
            assertEquals(dialogTabs, described, c.getSimpleName() + ": the description's tabs are the dialog's");
            for (int t = 0; t < tabElements.getLength(); t++) {
                final NodeList options = ((Element)tabElements.item(t)).getElementsByTagNameNS("*", "option");
                for (int o = 0; o < options.getLength(); o++) {
                    final String name = ((Element)options.item(o)).getAttribute("name");
                    final Set<String> onTab = labels.get(t);
                    assertTrue(onTab.stream().anyMatch(l -> l.startsWith(name)), () -> c.getSimpleName() + ": option \""
                        + name + "\" is labeled nowhere on dialog tab \"" + described.get(labels.indexOf(onTab))
                        + "\", which shows " + onTab);
                }
            }
        }
    }

    private static <T> T find(final java.awt.Component c, final Class<T> type) {
        if (type.isInstance(c)) {
            return type.cast(c);
        }
        if (c instanceof java.awt.Container k) {
            for (final java.awt.Component child : k.getComponents()) {
                final T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Every text a user reads on a component: labels, buttons and titled borders. */
    private static void texts(final java.awt.Component c, final Set<String> out) {
        if (c instanceof JLabel l && l.getText() != null) {
            out.add(l.getText().trim().replaceAll(":$", ""));
        }
        if (c instanceof AbstractButton b && b.getText() != null) {
            out.add(b.getText().trim());
        }
        if (c instanceof JComponent j) {
            borderTitles(j.getBorder(), out);
        }
        if (c instanceof java.awt.Container k) {
            for (final java.awt.Component child : k.getComponents()) {
                texts(child, out);
            }
        }
    }

    private static void borderTitles(final Border b, final Set<String> out) {
        if (b instanceof TitledBorder t && t.getTitle() != null) {
            out.add(t.getTitle().trim());
            borderTitles(t.getBorder(), out);
        } else if (b instanceof CompoundBorder c) {
            borderTitles(c.getOutsideBorder(), out);
            borderTitles(c.getInsideBorder(), out);
        }
    }

    private static void assertIcon16(final InputStream in, final String what) throws IOException {
        try (in) {
            final BufferedImage img = ImageIO.read(in);
            assertNotNull(img, what + " is not an image");
            assertEquals(16, img.getWidth(), what);
            assertEquals(16, img.getHeight(), what);
        }
    }
}
