package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/** Dialogs are plain Swing; these tests run headless. */
class DialogTest {

    private static final PortObjectSpec[] SPECS =
        {new DataTableSpec(new DataColumnSpecCreator("v", DoubleCell.TYPE).createSpec())};

    /** A dialog built like the project's dialogs. */
    static final class Dialog extends DefaultNodeSettingsPane {
        final SettingsModelString m_name = new SettingsModelString("name", "dflt");

        final SettingsModelIntegerBounded m_count = new SettingsModelIntegerBounded("count", 3, 1, 10);

        final SettingsModelBoolean m_flag = new SettingsModelBoolean("flag", false);

        final SettingsModelString m_mode = new SettingsModelString("mode", "fast");

        int m_additionalLoads;

        Dialog() {
            createNewGroup("Basics");
            addDialogComponent(new DialogComponentString(m_name, "Name", true, 20));
            setHorizontalPlacement(true);
            addDialogComponent(new DialogComponentNumber(m_count, "Count", 1));
            closeCurrentGroup();
            createNewTab("Advanced");
            addDialogComponent(new DialogComponentBoolean(m_flag, "Flag"));
            addDialogComponent(new DialogComponentStringSelection(m_mode, "Mode", "fast", "exact"));
        }

        @Override
        public void loadAdditionalSettingsFrom(final org.knime.core.node.NodeSettingsRO settings,
            final DataTableSpec[] specs) {
            m_additionalLoads++;
        }
    }

    @Test
    void loadThenSaveRoundTripsThroughAllComponents() throws Exception {
        final NodeSettings in = new NodeSettings("model");
        new SettingsModelString("name", "Ada").saveSettingsTo(in);
        new SettingsModelIntegerBounded("count", 7, 1, 10).saveSettingsTo(in);
        new SettingsModelBoolean("flag", true).saveSettingsTo(in);
        new SettingsModelString("mode", "exact").saveSettingsTo(in);
        final Dialog d = new Dialog();
        d.loadSettingsFrom(in, SPECS);
        assertEquals("Ada", d.m_name.getStringValue());
        assertEquals(7, d.m_count.getIntValue());
        assertTrue(d.m_flag.getBooleanValue());
        assertEquals(1, d.m_additionalLoads);
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertEquals("Ada", out.getString("name"));
        assertEquals(7, out.getInt("count"));
        assertTrue(out.getBoolean("flag"));
        assertEquals("exact", out.getString("mode"));
        assertNotNull(d.getPanel());
    }

    @Test
    void dialogKeepsCurrentValuesForMissingSettings() throws Exception {
        final Dialog d = new Dialog();
        d.loadSettingsFrom(new NodeSettings("empty"), SPECS);
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertEquals("dflt", out.getString("name"));
        assertEquals(3, out.getInt("count"));
        assertFalse(out.getBoolean("flag"));
    }

    @Test
    void emptyStringIsRejectedWhenDisallowed() throws NotConfigurableException, InvalidSettingsException {
        final NodeSettings in = new NodeSettings("model");
        new SettingsModelString("name", "").saveSettingsTo(in);
        final Dialog d = new Dialog();
        d.loadSettingsFrom(in, SPECS);
        assertThrows(InvalidSettingsException.class, () -> d.saveSettingsTo(new NodeSettings("model")));
        // disabled components may hold invalid values
        d.m_name.setEnabled(false);
        d.saveSettingsTo(new NodeSettings("model"));
    }

    @Test
    void tabTitlesMustBeUnique() {
        final Dialog d = new Dialog();
        assertThrows(IllegalArgumentException.class, () -> d.createNewTab("Advanced"));
        assertThrows(IllegalArgumentException.class, () -> d.createNewTab("Options"));
        assertThrows(IllegalArgumentException.class, () -> d.createNewTab(""));
        d.createNewTab("More");
    }

    @Test
    void selectionNeedsOptionsAndFallsBackToTheSelection() {
        assertThrows(IllegalArgumentException.class,
            () -> new DialogComponentStringSelection(new SettingsModelString("m", "a"), "M", List.of()));
        final SettingsModelString model = new SettingsModelString("m", "not an option");
        new DialogComponentStringSelection(model, "M", "a", "b");
        assertEquals("a", model.getStringValue());
    }
}
