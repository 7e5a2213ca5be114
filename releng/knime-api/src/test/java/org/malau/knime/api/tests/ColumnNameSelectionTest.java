package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/** The column selection offers only compatible columns, keeps a valid choice and refuses specs it cannot serve. */
class ColumnNameSelectionTest {

    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("name", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator("n", IntCell.TYPE).createSpec(),
        new DataColumnSpecCreator("y", DoubleCell.TYPE).createSpec());

    static final class Dialog extends DefaultNodeSettingsPane {
        final SettingsModelString m_text = new SettingsModelString("text", null);

        final SettingsModelString m_number = new SettingsModelString("number", "x");

        @SuppressWarnings("unchecked")
        Dialog(final boolean numberRequired) {
            addDialogComponent(new DialogComponentColumnNameSelection(m_text, "Text", 0, StringValue.class));
            addDialogComponent(
                new DialogComponentColumnNameSelection(m_number, "Number", 0, numberRequired, DoubleValue.class));
        }
    }

    private static NodeSettings settings(final String text, final String number) {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelString("text", text).saveSettingsTo(s);
        new SettingsModelString("number", number).saveSettingsTo(s);
        return s;
    }

    @Test
    void keepsACompatibleChoiceAndReplacesAnIncompatibleOneByTheLastCompatibleColumn() throws Exception {
        final Dialog d = new Dialog(true);
        d.loadSettingsFrom(settings("name", "n"), new PortObjectSpec[]{SPEC});
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertEquals("name", out.getString("text"));
        // IntCell is compatible with DoubleValue, so "n" is offered and kept
        assertEquals("n", out.getString("number"));

        d.loadSettingsFrom(settings("x", "gone"), new PortObjectSpec[]{SPEC});
        final NodeSettings again = new NodeSettings("model");
        d.saveSettingsTo(again);
        assertEquals("name", again.getString("text"), "x is no string column; the only string column is chosen");
        assertEquals("y", again.getString("number"), "the last compatible column replaces a missing one");
    }

    @Test
    void aRequiredSelectionWithoutCompatibleColumnRefusesToLoadAnOptionalOneSavesNull() throws Exception {
        final DataTableSpec onlyText =
            new DataTableSpec(new DataColumnSpecCreator("name", StringCell.TYPE).createSpec());
        final NotConfigurableException e = assertThrows(NotConfigurableException.class,
            () -> new Dialog(true).loadSettingsFrom(settings("name", "x"), new PortObjectSpec[]{onlyText}));
        assertTrue(e.getMessage().contains("DoubleValue"), e.getMessage());

        final Dialog optional = new Dialog(false);
        optional.loadSettingsFrom(settings("name", "x"), new PortObjectSpec[]{onlyText});
        final NodeSettings out = new NodeSettings("model");
        optional.saveSettingsTo(out);
        assertNull(out.getString("number"));
        assertThrows(NotConfigurableException.class,
            () -> new Dialog(true).loadSettingsFrom(settings("name", "x"), new PortObjectSpec[0]));
    }
}
