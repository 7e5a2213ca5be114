package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * KNIME's XML config format ({@code settings.xml}, {@code workflow.knime}) as the subset reads and writes it, checked
 * against files saved by KNIME itself ({@code ../shared/knime/reference-workflows}).
 */
class XmlConfigTest {

    private static Path references() {
        final String shared = System.getProperty("malau.shared.dir");
        final Path base = shared != null ? Paths.get(shared) : Paths.get("../../../shared");
        return base.resolve("knime/reference-workflows");
    }

    private static byte[] save(final NodeSettings s) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toByteArray();
    }

    private static NodeSettingsRO load(final byte[] xml) throws IOException {
        return NodeSettings.loadFromXML(new ByteArrayInputStream(xml));
    }

    @Test
    void filesSavedByKnime511AreReadAndWrittenBackByteForByte() throws IOException {
        final List<Path> files;
        try (Stream<Path> s = Files.walk(references().resolve("knime-core-enhAP25600"))) {
            files = s.filter(p -> p.getFileName().toString().equals("settings.xml")
                || p.getFileName().toString().equals("workflow.knime")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "reference files: " + files.size());
        for (final Path f : files) {
            final byte[] original = Files.readAllBytes(f);
            final NodeSettings s = (NodeSettings)load(original);
            assertEquals(new String(original, StandardCharsets.UTF_8), new String(save(s), StandardCharsets.UTF_8),
                f.toString());
        }
    }

    @Test
    void aReferenceSettingsFileGivesItsTypedValues() throws Exception {
        final Path f = references().resolve("knime-core-enhAP25600/Data Generator (#2)/settings.xml");
        final NodeSettingsRO s;
        try (InputStream in = Files.newInputStream(f)) {
            s = NodeSettings.loadFromXML(in);
        }
        assertEquals("settings.xml", s.getKey(), "the root takes the file's key");
        assertEquals("org.knime.base.node.util.sampledata.SampleDataNodeFactory", s.getString("factory"));
        assertNull(s.getString("customDescription"), "isnull=\"true\" is a null string");
        final NodeSettingsRO model = s.getNodeSettings("model");
        assertEquals(10, model.getInt("patcount"));
        assertEquals(0.1, model.getDouble("stddeviation"));
        assertEquals(767012104, model.getInt("seed"));
        assertThrows(InvalidSettingsException.class, () -> model.getString("patcount"), "types stay strict");
        assertEquals(2, model.getNodeSettings("clustercount").getInt("array-size"));
        assertFalse(s.getBoolean("hasContent"));
    }

    @Test
    void filesOfKnime32WithoutIndentationAreRead() throws Exception {
        final Path f = references().resolve("knime-dl4j-LeNet/workflow.knime");
        final NodeSettingsRO s;
        try (InputStream in = Files.newInputStream(f)) {
            s = NodeSettings.loadFromXML(in);
        }
        assertEquals("3.2.0.qualifier", s.getString("created_by"));
        // %%00013%%00010 in the file is a line break
        assertTrue(s.getNodeSettings("annotations").getNodeSettings("annotation_0").getString("text")
            .contains("(http://yann.lecun.com/exdb/publis/pdf/lecun-98.pdf).\r\nThis network"));
        assertEquals(6, s.getNodeSettings("nodes").keySet().size());
    }

    @Test
    void everyTypeAndAwkwardTextSurvivesARoundTrip() throws Exception {
        final NodeSettings s = new NodeSettings("settings.xml");
        s.addInt("int", -7);
        s.addLong("long", 1L << 40);
        s.addDouble("double", 0.1);
        s.addBoolean("boolean", true);
        s.addShort("short", (short)10);
        s.addByte("byte", (byte)-3);
        s.addString("null", null);
        final String awkward = "line 1\nline 2\ttab <a href=\"x\">&amp;</a> 100%% sure, 5% more \u00e9\u00df \ud83d\ude00";
        s.addString("text", awkward);
        s.addStringArray("strings", "a", "b");
        s.addBooleanArray("booleans", true, false, true);
        final NodeSettingsWO nested = s.addNodeSettings("nested");
        nested.addNodeSettings("empty");
        final byte[] xml = save(s);
        final String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config xmlns=\"http://www.knime.org/"
            + "2008/09/XMLConfig\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://"
            + "www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"settings.xml\">\n"),
            text);
        assertTrue(text.contains("    <entry key=\"short\" type=\"xshort\" value=\"10\"/>\n"), text);
        assertTrue(text.contains("    <entry key=\"byte\" type=\"xbyte\" value=\"-3\"/>\n"), text);
        assertTrue(text.contains("    <entry key=\"null\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n"), text);
        assertTrue(text.contains("line 1%%00010line 2%%00009tab &lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt; "
            + "100%%00037% sure, 5% more \u00e9\u00df %%55357%%56832"), text);
        assertTrue(text.contains("        <config key=\"empty\"/>\n"), text);
        assertTrue(text.endsWith("</config>\n"));

        final NodeSettingsRO r = load(xml);
        assertEquals(-7, r.getInt("int"));
        assertEquals(1L << 40, r.getLong("long"));
        assertEquals(0.1, r.getDouble("double"));
        assertTrue(r.getBoolean("boolean"));
        assertEquals(10, r.getShort("short"));
        assertEquals(-3, r.getByte("byte"));
        assertNull(r.getString("null"));
        assertEquals(awkward, r.getString("text"));
        assertArrayEquals(new String[]{"a", "b"}, r.getStringArray("strings"));
        assertArrayEquals(new boolean[]{true, false, true}, r.getBooleanArray("booleans"));
        assertTrue(r.getNodeSettings("nested").getNodeSettings("empty").keySet().isEmpty());
        assertArrayEquals(xml, save((NodeSettings)r), "written again, byte for byte");
    }

    @Test
    void brokenFilesFailWithTheReason() {
        final IOException type = assertThrows(IOException.class, () -> load(
            "<config key=\"k\"><entry key=\"f\" type=\"xfloat\" value=\"1\"/></config>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(type.getMessage().contains("\"f\"") && type.getMessage().contains("xfloat"), type.getMessage());
        final IOException number = assertThrows(IOException.class, () -> load(
            "<config key=\"k\"><entry key=\"n\" type=\"xint\" value=\"ten\"/></config>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(number.getMessage().contains("\"n\"") && number.getMessage().contains("ten"), number.getMessage());
        final IOException tag = assertThrows(IOException.class,
            () -> load("<config key=\"k\"><value/></config>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(tag.getMessage().contains("value"), tag.getMessage());
        assertThrows(IOException.class, () -> load("<config key=\"k\">".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void externalEntitiesAreNotFetched(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception {
        final Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        final String xml = "<?xml version=\"1.0\"?><!DOCTYPE config [<!ENTITY x SYSTEM \"" + secret.toUri()
            + "\">]><config key=\"k\"><entry key=\"s\" type=\"xstring\" value=\"a\"/></config>";
        final NodeSettingsRO s = load(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("a", s.getString("s"));
        // old workflows name KNIME's DTD; it must not be fetched (the file does not exist)
        final String dtd = "<?xml version=\"1.0\"?><!DOCTYPE config SYSTEM \"" + dir.resolve("missing.dtd").toUri()
            + "\"><config key=\"k\"/>";
        assertEquals("k", load(dtd.getBytes(StandardCharsets.UTF_8)).getKey());
    }
}
