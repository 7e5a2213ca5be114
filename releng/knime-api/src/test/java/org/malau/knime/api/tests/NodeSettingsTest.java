package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

class NodeSettingsTest {

    @Test
    void valuesRoundTripByType() throws InvalidSettingsException {
        final NodeSettings s = new NodeSettings("model");
        s.addInt("i", 3);
        s.addLong("l", 1L << 40);
        s.addDouble("d", 0.5);
        s.addBoolean("b", true);
        s.addString("s", "text");
        s.addString("null", null);
        assertEquals("model", s.getKey());
        assertEquals(3, s.getInt("i"));
        assertEquals(1L << 40, s.getLong("l"));
        assertEquals(0.5, s.getDouble("d"));
        assertTrue(s.getBoolean("b"));
        assertEquals("text", s.getString("s"));
        assertNull(s.getString("null"));
        assertTrue(s.containsKey("null"));
        assertEquals(List.of("i", "l", "d", "b", "s", "null"), new ArrayList<>(s.keySet()));
        final List<String> iterated = new ArrayList<>();
        s.forEach(iterated::add);
        assertEquals(new ArrayList<>(s.keySet()), iterated);
        s.addInt("i", 4);
        assertEquals(4, s.getInt("i"));
    }

    @Test
    void gettersAreStrictlyTyped() {
        final NodeSettings s = new NodeSettings("model");
        s.addInt("i", 3);
        s.addString("s", "3");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> s.getString("i"));
        assertEquals("String for key \"i\" not found.", e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> s.getInt("s"));
        assertThrows(InvalidSettingsException.class, () -> s.getLong("i"));
        assertThrows(InvalidSettingsException.class, () -> s.getDouble("i"));
        assertThrows(InvalidSettingsException.class, () -> s.getBoolean("missing"));
        assertEquals(7, s.getInt("s", 7));
        assertEquals(3, s.getInt("i", 7));
        assertEquals("dflt", s.getString("i", "dflt"));
        assertEquals(2.0, s.getDouble("x", 2.0));
        assertEquals(9L, s.getLong("x", 9L));
        assertFalse(s.getBoolean("x", false));
    }

    @Test
    void stringArraysIncludingNullRoundTrip() throws InvalidSettingsException {
        final NodeSettings s = new NodeSettings("model");
        s.addStringArray("arr", "a", null, "c");
        s.addStringArray("none", (String[])null);
        assertArrayEquals(new String[]{"a", null, "c"}, s.getStringArray("arr"));
        assertNull(s.getStringArray("none"));
        assertThrows(InvalidSettingsException.class, () -> s.getStringArray("missing"));
        assertArrayEquals(new String[]{"d"}, s.getStringArray("missing", "d"));
    }

    @Test
    void nestedSettings() throws InvalidSettingsException {
        final NodeSettings s = new NodeSettings("model");
        final NodeSettingsWO child = s.addNodeSettings("child");
        child.addInt("x", 1);
        final NodeSettingsRO read = s.getNodeSettings("child");
        assertEquals(1, read.getInt("x"));
        assertEquals("child", read.getKey());
        assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("nope"));
        s.addInt("leaf", 1);
        assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("leaf"));
    }
}
