package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

class SettingsModelTest {

    @Test
    void modelsRoundTripThroughNodeSettings() throws InvalidSettingsException {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelString("str", "hello").saveSettingsTo(s);
        new SettingsModelInteger("int", 42).saveSettingsTo(s);
        new SettingsModelDouble("dbl", 2.5).saveSettingsTo(s);
        new SettingsModelBoolean("bool", true).saveSettingsTo(s);
        new SettingsModelLong("lng", 1L << 33).saveSettingsTo(s);
        // values are stored under the config name, as plain typed entries
        assertEquals("hello", s.getString("str"));
        assertEquals(42, s.getInt("int"));
        assertEquals(1L << 33, s.getLong("lng"));
        // plus KNIME's internals config with model ID and enabled status
        assertEquals("SMID_string", s.getConfigBase("str_Internals").getString("SettingsModelID"));
        assertTrue(s.getConfigBase("str_Internals").getBoolean("EnabledStatus"));

        final SettingsModelString str = new SettingsModelString("str", null);
        final SettingsModelInteger in = new SettingsModelInteger("int", 0);
        final SettingsModelDouble dbl = new SettingsModelDouble("dbl", 0);
        final SettingsModelBoolean bool = new SettingsModelBoolean("bool", false);
        final SettingsModelLong lng = new SettingsModelLong("lng", 0);
        str.validateSettings(s);
        in.validateSettings(s);
        str.loadSettingsFrom(s);
        in.loadSettingsFrom(s);
        dbl.loadSettingsFrom(s);
        bool.loadSettingsFrom(s);
        lng.loadSettingsFrom(s);
        assertEquals("hello", str.getStringValue());
        assertEquals(42, in.getIntValue());
        assertEquals(2.5, dbl.getDoubleValue());
        assertTrue(bool.getBooleanValue());
        assertEquals(1L << 33, lng.getLongValue());
        assertEquals("bool", bool.getConfigName());
    }

    @Test
    void missingOrMistypedKeysFailValidationAndLoad() {
        final NodeSettings s = new NodeSettings("model");
        s.addString("int", "42");
        final SettingsModelInteger in = new SettingsModelInteger("int", 7);
        assertThrows(InvalidSettingsException.class, () -> in.validateSettings(s));
        assertThrows(InvalidSettingsException.class, () -> in.loadSettingsFrom(s));
        assertEquals(7, in.getIntValue());
        assertThrows(InvalidSettingsException.class, () -> new SettingsModelString("x", "").loadSettingsFrom(s));
        assertThrows(InvalidSettingsException.class, () -> new SettingsModelBoolean("x", true).validateSettings(s));
    }

    @Test
    void longModelKeepsItsValueWhenTheKeyIsMissingOnLoad() throws InvalidSettingsException {
        final SettingsModelLong lng = new SettingsModelLong("lng", 5);
        final NodeSettings empty = new NodeSettings("model");
        lng.loadSettingsFrom(empty);
        assertEquals(5, lng.getLongValue());
        assertThrows(InvalidSettingsException.class, () -> lng.validateSettings(empty));
    }

    @Test
    void boundedModelsRejectOutOfRangeValues() throws InvalidSettingsException {
        final SettingsModelIntegerBounded bounded = new SettingsModelIntegerBounded("k", 5, 1, 10);
        assertEquals(1, bounded.getLowerBound());
        assertEquals(10, bounded.getUpperBound());
        assertThrows(IllegalArgumentException.class, () -> bounded.setIntValue(11));
        assertEquals(5, bounded.getIntValue());
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelIntegerBounded("k", 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelIntegerBounded("k", 5, 10, 1));

        final NodeSettings tooBig = new NodeSettings("model");
        new SettingsModelInteger("k", 99).saveSettingsTo(tooBig);
        assertThrows(InvalidSettingsException.class, () -> bounded.validateSettings(tooBig));
        assertThrows(InvalidSettingsException.class, () -> bounded.loadSettingsFrom(tooBig));
        assertEquals(5, bounded.getIntValue());

        final NodeSettings ok = new NodeSettings("model");
        new SettingsModelInteger("k", 10).saveSettingsTo(ok);
        bounded.validateSettings(ok);
        // validation must not change the model
        assertEquals(5, bounded.getIntValue());
        bounded.loadSettingsFrom(ok);
        assertEquals(10, bounded.getIntValue());

        final SettingsModelDoubleBounded dbl = new SettingsModelDoubleBounded("d", 0.5, 0.0, 1.0);
        final NodeSettings negative = new NodeSettings("model");
        new SettingsModelDouble("d", -0.1).saveSettingsTo(negative);
        assertThrows(InvalidSettingsException.class, () -> dbl.validateSettings(negative));
        assertThrows(InvalidSettingsException.class, () -> dbl.loadSettingsFrom(negative));
        assertThrows(IllegalArgumentException.class, () -> dbl.setDoubleValue(1.01));
        assertEquals(0.5, dbl.getDoubleValue());
    }

    @Test
    void disabledModelsAreNeitherValidatedNorFailOnLoad() throws InvalidSettingsException {
        final SettingsModelIntegerBounded saved = new SettingsModelIntegerBounded("k", 5, 1, 10);
        saved.setEnabled(false);
        final NodeSettings s = new NodeSettings("model");
        saved.saveSettingsTo(s);
        s.addInt("k", 99); // overwrite the value with an invalid one; the internals still say "disabled"
        final SettingsModelIntegerBounded target = new SettingsModelIntegerBounded("k", 5, 1, 10);
        target.validateSettings(s);
        assertTrue(target.isEnabled());
        target.loadSettingsFrom(s);
        assertFalse(target.isEnabled());
        assertEquals(5, target.getIntValue());
    }

    @Test
    void listenersAreNotifiedOnRealChangesOnly() {
        final SettingsModelString m = new SettingsModelString("s", "a");
        final AtomicInteger calls = new AtomicInteger();
        m.addChangeListener(e -> calls.incrementAndGet());
        m.setStringValue("a");
        assertEquals(0, calls.get());
        m.setStringValue("b");
        m.setEnabled(false);
        m.setEnabled(false);
        assertEquals(2, calls.get());
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelString("", "x"));
        assertEquals("SettingsModelString ('s')", m.toString());
    }
}
