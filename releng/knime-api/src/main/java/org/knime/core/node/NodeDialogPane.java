package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code NodeDialogPane}; semantics implemented in memory for tests. The flow-variable
 * and job-manager tabs are not modelled.
 */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new BorderLayout());

    private final JTabbedPane m_pane = new JTabbedPane();

    private final List<String> m_titles = new ArrayList<>();

    private final List<Component> m_comps = new ArrayList<>();

    /** Creates a dialog without tabs. */
    protected NodeDialogPane() {
        m_panel.add(m_pane, BorderLayout.CENTER);
    }

    /** @return the panel holding all tabs */
    public final JPanel getPanel() {
        return m_panel;
    }

    /**
     * Casts the specs to table specs and delegates to {@link #loadSettingsFrom(NodeSettingsRO, DataTableSpec[])}.
     *
     * @param settings the settings to show
     * @param specs the input specs
     * @throws NotConfigurableException if a spec is not a table spec, or the dialog cannot be configured
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of loadSettingsFrom() overwritten!");
            }
            tableSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    /**
     * Classic dialogs override this; the default fails as KNIME's does.
     *
     * @param settings the settings to show
     * @param specs the input table specs
     * @throws NotConfigurableException if the dialog cannot be configured
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    /**
     * @param settings to write the dialog's settings to
     * @throws InvalidSettingsException if the dialog holds invalid values
     */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;

    /**
     * @param title the tab title; a title used before is made unique by appending " (#2)" etc., as in KNIME
     * @param comp the tab content
     * @throws NullPointerException if an argument is null
     */
    protected final void addTab(final String title, final Component comp) {
        addTab(title, comp, true);
    }

    /**
     * @param title the tab title; a title used before is made unique by appending " (#2)" etc., as in KNIME
     * @param comp the tab content
     * @param wrapInScrollPane whether to wrap the content in a scroll pane
     * @throws NullPointerException if title or component is null
     */
    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        checkTab(title, comp);
        if (m_comps.contains(comp)) {
            // KNIME only renames the existing tab then; its content is unchanged either way
            return;
        }
        String unique = title;
        for (int i = 2; m_titles.contains(unique); i++) {
            unique = title + " (#" + i + ")";
        }
        insertTab(Integer.MAX_VALUE, unique, comp, wrapInScrollPane);
    }

    /**
     * @param index the wanted index; larger values append
     * @param title the tab title, not used before
     * @param comp the tab content, not used before
     * @return the index the tab was placed at
     * @throws NullPointerException if title or component is null
     * @throws IllegalArgumentException if title or component is already used
     * @throws IndexOutOfBoundsException if the index is negative
     */
    protected final int addTabAt(final int index, final String title, final Component comp) {
        checkTab(title, comp);
        if (m_titles.contains(title)) {
            throw new IllegalArgumentException("Can't use a tab title twice in the same dialog.");
        }
        if (m_comps.contains(comp)) {
            throw new IllegalArgumentException("Can't register the same component twice in the same dialog");
        }
        if (index < 0) {
            throw new IndexOutOfBoundsException("Index must be greater than or equal to zero");
        }
        return insertTab(index, title, comp, true);
    }

    /**
     * @param title a tab title
     * @return the component added under that title, or null
     */
    protected final Component getTab(final String title) {
        final int i = m_titles.indexOf(title);
        return i < 0 ? null : m_comps.get(i);
    }

    /**
     * Renames a tab; its content and position stay.
     *
     * @param oldName the current title
     * @param newName the new title, not used by another tab
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there is no tab of the old title or one of the new title exists
     */
    protected final void renameTab(final String oldName, final String newName) {
        if (oldName == null || newName == null) {
            throw new NullPointerException("The title of a tab in the dialog can't be null");
        }
        final int i = m_titles.indexOf(oldName);
        if (i < 0) {
            throw new IllegalArgumentException("Tab with specified name doesn't exist.");
        }
        if (m_titles.contains(newName)) {
            throw new IllegalArgumentException("Another tab with the specified new name already exists");
        }
        m_titles.set(i, newName);
        m_pane.setTitleAt(i, newName);
    }

    private static void checkTab(final String title, final Component comp) {
        if (title == null) {
            throw new NullPointerException("The title of a tab in the dialog can't be null");
        }
        if (comp == null) {
            throw new NullPointerException("The component in the dialog's tab can't be null");
        }
    }

    private int insertTab(final int index, final String title, final Component comp, final boolean wrap) {
        final int i = Math.min(index, m_titles.size());
        m_titles.add(i, title);
        m_comps.add(i, comp);
        m_pane.insertTab(title, null, wrap ? new JScrollPane(comp) : comp, null, i);
        return i;
    }
}
