package org.malau.knime.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.PortUtil;
import org.malau.knime.testing.NodeTesting;
import org.malau.knime.testing.TinyModel;
import org.malau.model.ModelFile;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** plugin.xml registers the model port type with loadable classes; the spec serializer round-trips; damage is named. */
class MalModelPortTypeTest {

    @Test
    void pluginXmlRegistersThePortTypeWithItsSerializers() throws Exception {
        final NodeList types = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(NodeTesting.nodesDir().resolve("plugin.xml").toFile()).getElementsByTagName("portType");
        Element mal = null;
        for (int i = 0; i < types.getLength(); i++) {
            final Element e = (Element)types.item(i);
            if (MalModelPortObject.class.getName().equals(e.getAttribute("objectClass"))) {
                mal = e;
            }
        }
        assertTrue(mal != null, "no portType for " + MalModelPortObject.class.getName());
        assertEquals("org.knime.core.PortType", ((Element)mal.getParentNode()).getAttribute("point"));
        assertTrue(PortObject.class.isAssignableFrom(Class.forName(mal.getAttribute("objectClass"))));
        assertTrue(PortObjectSpec.class.isAssignableFrom(Class.forName(mal.getAttribute("specClass"))));
        assertTrue(PortObject.PortObjectSerializer.class
            .isAssignableFrom(Class.forName(mal.getAttribute("objectSerializer"))));
        assertTrue(PortObjectSpec.PortObjectSpecSerializer.class
            .isAssignableFrom(Class.forName(mal.getAttribute("specSerializer"))));
        assertTrue(mal.getAttribute("color").matches("#[0-9a-fA-F]{6}"));
        assertTrue(!mal.getAttribute("name").isBlank());
        assertSame(PortTypeRegistry.getInstance().getPortType(MalModelPortObject.class), MalModelPortObject.TYPE);
        assertTrue(MalModelPortObject.TYPE_OPTIONAL.isOptional());
    }

    @Test
    void specRoundTripsAndSummarises() throws IOException {
        final MalModelPortObjectSpec spec =
            new MalModelPortObjectSpec(List.of("AU01", "AU12"), List.of("neutral", "happiness"), 48, 1, "mal");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            new MalModelPortObjectSpec.Serializer().savePortObjectSpec(spec, out);
        }
        final MalModelPortObjectSpec back = new MalModelPortObjectSpec.Serializer()
            .loadPortObjectSpec(PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(spec, back);
        assertEquals("mal, 2 AUs [AU01, AU12], 2 expressions, 48x48 grayscale", back.summary());
    }

    @Test
    void damagedContentIsNamed() throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            final DataOutputStream d = new DataOutputStream(out);
            d.writeInt(4);
            d.write(new byte[]{1, 2, 3, 4});
            d.flush();
        }
        final IOException e = assertThrows(IOException.class, () -> new MalModelPortObject.Serializer()
            .loadPortObject(PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray())), null,
                new ExecutionMonitor()));
        assertTrue(e.getMessage().contains("not a MAL model file"), e.getMessage());

        // a model cut off in the middle of the port's entry
        final ByteArrayOutputStream whole = new ByteArrayOutputStream();
        ModelFile.write(TinyModel.model().getModel(), whole);
        final ByteArrayOutputStream cut = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(cut)) {
            out.write(whole.toByteArray(), 0, whole.size() / 2);
        }
        final IOException t = assertThrows(IOException.class, () -> new MalModelPortObject.Serializer()
            .loadPortObject(PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(cut.toByteArray())), null,
                new ExecutionMonitor()));
        assertTrue(t.getMessage().startsWith("the MAL model port is truncated"), t.getMessage());

        final ByteArrayOutputStream spec = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(spec)) {
            new DataOutputStream(out).writeInt(99);
        }
        final IOException v = assertThrows(IOException.class, () -> new MalModelPortObjectSpec.Serializer()
            .loadPortObjectSpec(PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(spec.toByteArray()))));
        assertTrue(v.getMessage().contains("version 99"), v.getMessage());
    }
}
