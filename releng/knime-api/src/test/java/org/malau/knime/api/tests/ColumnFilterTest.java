package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.swing.JButton;
import javax.swing.JList;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/** The column filter model keeps KNIME's settings layout and include/exclude rules; its dialog edits the lists. */
class ColumnFilterTest {

    private static final DataTableSpec SPEC = new DataTableSpec(col("image", StringCell.TYPE), col("AU01", IntCell.TYPE),
        col("AU02", IntCell.TYPE), col("x", DoubleCell.TYPE), col("AU04", DoubleCell.TYPE));

    private static DataColumnSpec col(final String name, final org.knime.core.data.DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    private static final InputFilter<DataColumnSpec> AU_NAMES = new InputFilter<>() {
        @Override
        public boolean include(final DataColumnSpec name) {
            return name.getName().startsWith("AU");
        }
    };

    @SuppressWarnings("unchecked")
    private static SettingsModelColumnFilter2 model() {
        return new SettingsModelColumnFilter2("cols", DoubleValue.class);
    }

    private static List<String> list(final String... s) {
        return List.of(s);
    }

    @Test
    void anUnconfiguredFilterIncludesEveryOfferedColumnAndOffersOnlyTheAllowedTypes() {
        final FilterResult r = model().applyTo(SPEC);
        assertEquals(list("AU01", "AU02", "x", "AU04"), list(r.getIncludes()));
        assertEquals(0, r.getExcludes().length, "the string column is not offered, so in neither list");
        // and nothing is configured: applied to no columns, nothing is reported missing
        final FilterResult none = model().applyTo(new DataTableSpec());
        assertEquals(0, none.getRemovedFromIncludes().length + none.getRemovedFromExcludes().length);
    }

    @Test
    void defaultsFromAFilterIncludeItsColumnsAndExcludeNewOnes() {
        final SettingsModelColumnFilter2 m = model();
        m.loadDefaults(SPEC, AU_NAMES, true);
        FilterResult r = m.applyTo(SPEC);
        assertEquals(list("AU01", "AU02", "AU04"), list(r.getIncludes()));
        assertEquals(list("x"), list(r.getExcludes()));
        final DataTableSpec changed = new DataTableSpec(col("AU01", IntCell.TYPE), col("AU06", IntCell.TYPE),
            col("x", DoubleCell.TYPE));
        r = m.applyTo(changed);
        assertEquals(list("AU01"), list(r.getIncludes()));
        assertEquals(list("AU06", "x"), list(r.getExcludes()), "enforce inclusion: a new column is excluded");
        assertEquals(list("AU02", "AU04"), list(r.getRemovedFromIncludes()));
    }

    @Test
    void savesKnimesKeysAndRoundTrips() throws Exception {
        final SettingsModelColumnFilter2 m = model();
        m.loadDefaults(SPEC, AU_NAMES, true);
        final NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        assertEquals(Set.of("cols", "cols_Internals"), s.keySet());
        final NodeSettingsRO c = s.getNodeSettings("cols");
        assertEquals(List.of("filter-type", "included_names", "excluded_names", "enforce_option", "name_pattern",
            "datatype"), new ArrayList<>(c.keySet()));
        assertEquals("STANDARD", c.getString("filter-type"));
        assertArrayEquals(new String[]{"AU01", "AU02", "AU04"}, c.getStringArray("included_names"));
        assertArrayEquals(new String[]{"x"}, c.getStringArray("excluded_names"));
        assertEquals("EnforceInclusion", c.getString("enforce_option"));
        final NodeSettingsRO p = c.getNodeSettings("name_pattern");
        assertEquals("", p.getString("pattern"));
        assertEquals("Wildcard", p.getString("type"));
        assertTrue(p.getBoolean("caseSensitive"));
        assertFalse(p.getBoolean("excludeMatching"));
        assertFalse(c.getNodeSettings("datatype").getNodeSettings("typelist").getBoolean(DoubleValue.class.getName()));
        assertEquals("SMID_columnfilter", s.getNodeSettings("cols_Internals").getString("SettingsModelID"));

        final SettingsModelColumnFilter2 back = model();
        back.validateSettings(s);
        back.loadSettingsFrom(s);
        assertArrayEquals(m.applyTo(SPEC).getIncludes(), back.applyTo(SPEC).getIncludes());
        final NodeSettings again = new NodeSettings("model");
        back.saveSettingsTo(again);
        assertEquals(s.toString(), again.toString());
    }

    private static NodeSettings stored(final String type, final String enforce, final String pattern,
        final String kind, final boolean excludeMatching) {
        final NodeSettings s = new NodeSettings("model");
        final NodeSettingsWO c = s.addNodeSettings("cols");
        c.addString("filter-type", type);
        c.addStringArray("included_names", "AU01");
        c.addStringArray("excluded_names", "x");
        if (enforce != null) {
            c.addString("enforce_option", enforce);
        }
        final NodeSettingsWO p = c.addNodeSettings("name_pattern");
        p.addString("pattern", pattern);
        p.addString("type", kind);
        p.addBoolean("caseSensitive", true);
        p.addBoolean("excludeMatching", excludeMatching);
        return s;
    }

    @Test
    void aPatternFilterMatchesWholeNamesAndBadSettingsAreRejected() throws Exception {
        final SettingsModelColumnFilter2 m = model();
        m.loadSettingsFrom(stored("name_pattern", "EnforceExclusion", "AU0[12]", "Regex", false));
        assertEquals(list("AU01", "AU02"), list(m.applyTo(SPEC).getIncludes()));
        assertEquals(list("x", "AU04"), list(m.applyTo(SPEC).getExcludes()));
        m.loadSettingsFrom(stored("name_pattern", "EnforceExclusion", "AU*", "Wildcard", true));
        assertEquals(list("x"), list(m.applyTo(SPEC).getIncludes()), "exclude matching");
        // the standard lists of the same settings: AU01 listed in, x listed out, the rest new and included
        m.loadSettingsFrom(stored("STANDARD", "EnforceExclusion", "", "Wildcard", false));
        assertEquals(list("AU01", "AU02", "AU04"), list(m.applyTo(SPEC).getIncludes()));

        assertThrows(InvalidSettingsException.class,
            () -> model().validateSettings(stored("STANDARD", null, "", "Wildcard", false)), "no enforce option");
        assertThrows(InvalidSettingsException.class,
            () -> model().validateSettings(stored("datatype", "EnforceExclusion", "", "Wildcard", false)),
            "the type filter is disabled for a model restricted to value classes");
        assertThrows(InvalidSettingsException.class,
            () -> model().validateSettings(stored("name_pattern", "EnforceExclusion", "AU(", "Regex", false)));
        assertThrows(InvalidSettingsException.class, () -> model().validateSettings(new NodeSettings("model")));
    }

    private static <T extends Component> List<T> find(final Container c, final Class<T> type) {
        final List<T> found = new ArrayList<>();
        for (final Component k : c.getComponents()) {
            if (type.isInstance(k)) {
                found.add(type.cast(k));
            }
            if (k instanceof Container inner) {
                found.addAll(find(inner, type));
            }
        }
        return found;
    }

    @Test
    void theDialogShowsTheListsAndMovesColumns() throws Exception {
        final SettingsModelColumnFilter2 m = model();
        m.loadDefaults(SPEC, AU_NAMES, true);
        final NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        final SettingsModelColumnFilter2 edited = model();
        final DialogComponentColumnFilter2 d = new DialogComponentColumnFilter2(edited, 1);
        final DataTableSpec fewer = new DataTableSpec(col("AU01", IntCell.TYPE), col("x", DoubleCell.TYPE),
            col("y", DoubleCell.TYPE));
        d.loadSettingsFrom(s, new PortObjectSpec[]{null, fewer});
        final List<JList> lists = find(d.getComponentPanel(), JList.class);
        assertEquals(2, lists.size());
        @SuppressWarnings("unchecked")
        final JList<String> exclude = lists.get(0);
        assertEquals(List.of("x", "y"), List.of(exclude.getModel().getElementAt(0), exclude.getModel().getElementAt(1)));
        assertEquals(1, lists.get(1).getModel().getSize());

        exclude.setSelectedIndex(1); // y
        find(d.getComponentPanel(), JButton.class).stream().filter(b -> b.getText().equals(">>")).findFirst()
            .orElseThrow().doClick();
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        final NodeSettingsRO c = out.getNodeSettings("cols");
        // AU02 and AU04 are not offered any more but stay in the include list under EnforceInclusion
        assertArrayEquals(new String[]{"AU01", "y", "AU02", "AU04"}, c.getStringArray("included_names"));
        assertArrayEquals(new String[]{"x"}, c.getStringArray("excluded_names"));
        assertEquals("EnforceInclusion", c.getString("enforce_option"));
        assertEquals(list("AU01", "y"), list(edited.applyTo(fewer).getIncludes()));
    }
}
