package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import javax.swing.JTabbedPane;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.ButtonGroupEnumInterface;
import org.knime.core.util.UniqueNameGenerator;

/** The API members added for issue 16: unique names, radio buttons, the "none" column, tab titles, flow variables. */
class Issue16ApiTest {

    @Test
    void uniqueNamesGetKnimesSuffixAndAreReservedInTurn() {
        final DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("expression", StringCell.TYPE)
            .createSpec(), new DataColumnSpecCreator("x (#1)", DoubleCell.TYPE).createSpec());
        final UniqueNameGenerator g = new UniqueNameGenerator(spec);
        assertEquals("y", g.newName(" y "), "a free name is trimmed");
        assertEquals("expression (#1)", g.newName("expression"));
        assertEquals("expression (#2)", g.newName("expression"), "a returned name is taken from then on");
        assertEquals("x (#2)", g.newName("x (#1)"), "a suffix counts on");
        assertEquals("y (#1)", g.newColumn("y", DoubleCell.TYPE).getName());
        assertEquals(DoubleCell.TYPE, g.newColumn("z", DoubleCell.TYPE).getType());
        assertThrows(NullPointerException.class, () -> g.newName(null));
    }

    private enum Speed implements ButtonGroupEnumInterface {
        FAST("fast", "Fast (rough)"), EXACT("exact", "Exact (slow)");

        private final String m_id;

        private final String m_text;

        Speed(final String id, final String text) {
            m_id = id;
            m_text = text;
        }

        @Override
        public String getText() {
            return m_text;
        }

        @Override
        public String getActionCommand() {
            return m_id;
        }

        @Override
        public String getToolTip() {
            return "tip " + m_id;
        }

        @Override
        public boolean isDefault() {
            return this == EXACT;
        }
    }

    static final class Dialog extends DefaultNodeSettingsPane {
        final SettingsModelString m_speed = new SettingsModelString("speed", "fast");

        final SettingsModelString m_column = new SettingsModelString("column", "label");

        final DialogComponentButtonGroup m_buttons;

        @SuppressWarnings("unchecked")
        Dialog() {
            setDefaultTabTitle("Method");
            m_buttons = new DialogComponentButtonGroup(m_speed, "Speed", true, Speed.values());
            addDialogComponent(m_buttons);
            createNewTab("Columns");
            addDialogComponent(
                new DialogComponentColumnNameSelection(m_column, "Label", 0, false, true, StringValue.class));
        }
    }

    private static NodeSettings settings(final String speed, final String column) {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelString("speed", speed).saveSettingsTo(s);
        new SettingsModelString("column", column).saveSettingsTo(s);
        return s;
    }

    private static final PortObjectSpec[] SPECS = {new DataTableSpec(
        new DataColumnSpecCreator("label", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("<none>", StringCell.TYPE).createSpec())};

    @Test
    void radioButtonsShowTextsAndStoreIds() throws Exception {
        final Dialog d = new Dialog();
        assertEquals("Exact (slow)", d.m_buttons.getButton("exact").getText());
        assertEquals("tip fast", d.m_buttons.getButton("fast").getToolTipText());
        assertTrue(d.m_buttons.getButton("fast").isSelected(), "the model's value selects its button");
        assertNull(d.m_buttons.getButton("slow"));
        d.loadSettingsFrom(settings("exact", "label"), SPECS);
        assertTrue(d.m_buttons.getButton("exact").isSelected());
        d.m_buttons.getButton("fast").doClick();
        assertEquals("fast", d.m_speed.getStringValue(), "a click stores the id");
        // an unknown stored value leaves the selection, and saving writes the selected id
        d.loadSettingsFrom(settings("Fast (rough)", "label"), SPECS);
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertEquals("fast", out.getString("speed"));
        assertThrows(IllegalArgumentException.class, () -> new DialogComponentButtonGroup(
            new SettingsModelString("m", "a"), null, false, new String[]{"A", "B"}, new String[]{"a", "a"}));
    }

    @Test
    void theNoneOptionIsNullAndIsChosenForAColumnThatIsNotOffered() throws Exception {
        final Dialog d = new Dialog();
        d.loadSettingsFrom(settings("fast", "label"), SPECS);
        NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertEquals("label", out.getString("column"));
        d.loadSettingsFrom(settings("fast", "gone"), SPECS);
        out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertNull(out.getString("column"), "not offered: none");
        // a column named like the none option is still a column
        d.loadSettingsFrom(settings("fast", "<none>"), SPECS);
        out = new NodeSettings("model");
        d.saveSettingsTo(out);
        assertEquals("<none>", out.getString("column"));
    }

    @Test
    void theDefaultTabCanBeRenamedOnce() {
        final Dialog d = new Dialog();
        assertEquals(List.of("Method", "Columns"), tabTitles(d.getPanel()));
        assertThrows(IllegalArgumentException.class, () -> d.setDefaultTabTitle("Columns"));
        assertThrows(IllegalArgumentException.class, () -> d.setDefaultTabTitle(""));
        d.setDefaultTabTitle("Method");
        assertEquals(List.of("Method", "Columns"), tabTitles(d.getPanel()));
    }

    private static List<String> tabTitles(final Container c) {
        final List<String> titles = new ArrayList<>();
        for (final Component child : c.getComponents()) {
            if (child instanceof JTabbedPane t) {
                for (int i = 0; i < t.getTabCount(); i++) {
                    titles.add(t.getTitleAt(i));
                }
            } else if (child instanceof Container k) {
                titles.addAll(tabTitles(k));
            }
        }
        return titles;
    }

    static final class Pusher extends TestExec.NoopModel {
        void push(final String name, final double value) {
            pushFlowVariableDouble(name, value);
        }
    }

    @Test
    void pushedDoubleVariablesCanBePeekedAndOverwritten() {
        final Pusher p = new Pusher();
        assertThrows(NoSuchElementException.class, () -> p.peekFlowVariableDouble("F1"));
        p.push("F1", 0.5);
        p.push("F1", 0.75);
        assertEquals(0.75, p.peekFlowVariableDouble("F1"));
        p.push("nan", Double.NaN);
        assertTrue(Double.isNaN(p.peekFlowVariableDouble("nan")));
        assertThrows(NullPointerException.class, () -> p.push(null, 1));
        assertFalse(Double.isNaN(p.peekFlowVariableDouble("F1")));
    }
}
