package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DefaultNodeSettingsPane}; semantics implemented in memory for tests. Loading
 * and saving go through all added {@link DialogComponent}s in order, then through the "additional settings" hooks.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private static final String TAB_TITLE = "Options";

    private String m_defaultTabTitle = TAB_TITLE;

    private final List<DialogComponent> m_dialogComponents = new ArrayList<>();

    private JPanel m_compositePanel;

    private JPanel m_currentPanel;

    private Box m_currentBox;

    private boolean m_horizontal;

    /** Creates the pane with one tab, "Options". */
    public DefaultNodeSettingsPane() {
        createNewPanels();
        addTab(m_defaultTabTitle, m_compositePanel);
    }

    private void createNewPanels() {
        m_compositePanel = new JPanel();
        m_compositePanel.setLayout(new BoxLayout(m_compositePanel, BoxLayout.Y_AXIS));
        m_currentPanel = m_compositePanel;
        m_currentBox = createBox(m_horizontal);
        m_currentPanel.add(m_currentBox);
    }

    private static Box createBox(final boolean horizontal) {
        return horizontal ? Box.createHorizontalBox() : Box.createVerticalBox();
    }

    /**
     * Renames the first tab, the one components go to until {@link #createNewTab(String)} is called.
     *
     * @param tabTitle the new title
     * @throws IllegalArgumentException if the title is null, empty or used by another tab
     */
    public void setDefaultTabTitle(final String tabTitle) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null or empty.");
        }
        if (tabTitle.equals(m_defaultTabTitle)) {
            return;
        }
        if (getTab(tabTitle) != null) {
            throw new IllegalArgumentException(
                "A tab with the specified new name (" + tabTitle + ") already exists.");
        }
        renameTab(m_defaultTabTitle, tabTitle);
        m_defaultTabTitle = tabTitle;
    }

    /**
     * @param tabTitle the title of the new tab that subsequent components go to
     * @param index the wanted tab index; larger values append
     * @throws IllegalArgumentException if the title is null, empty or already used
     */
    public void createNewTabAt(final String tabTitle, final int index) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null nor empty.");
        }
        if (getTab(tabTitle) != null) {
            throw new IllegalArgumentException(
                "A tab with the specified new name (" + tabTitle + ") already exists.");
        }
        createNewPanels();
        addTabAt(index, tabTitle, m_compositePanel);
    }

    /**
     * @param tabTitle the title of the new, last tab that subsequent components go to
     * @throws IllegalArgumentException if the title is null, empty or already used
     */
    public void createNewTab(final String tabTitle) {
        createNewTabAt(tabTitle, Integer.MAX_VALUE);
    }

    /** @param title the border title of a new group that subsequent components go to */
    public void createNewGroup(final String title) {
        checkForEmptyBox();
        m_currentPanel = new JPanel();
        m_currentPanel.setLayout(new BoxLayout(m_currentPanel, BoxLayout.Y_AXIS));
        m_currentPanel.setBorder(BorderFactory.createTitledBorder(title));
        m_compositePanel.add(m_currentPanel);
        m_currentBox = createBox(m_horizontal);
        m_currentPanel.add(m_currentBox);
    }

    /** Ends the current group; subsequent components go to the tab directly. */
    public void closeCurrentGroup() {
        checkForEmptyBox();
        if (m_currentPanel.getComponentCount() == 0) {
            m_compositePanel.remove(m_currentPanel);
        }
        m_currentPanel = m_compositePanel;
        m_currentBox = createBox(m_horizontal);
        m_currentPanel.add(m_currentBox);
    }

    /** @param diaC the component to add to the current tab and group */
    public void addDialogComponent(final DialogComponent diaC) {
        m_dialogComponents.add(diaC);
        m_currentBox.add(diaC.getComponentPanel());
    }

    /** @param horizontal whether subsequent components are placed side by side rather than below each other */
    public void setHorizontalPlacement(final boolean horizontal) {
        if (m_horizontal != horizontal) {
            m_horizontal = horizontal;
            checkForEmptyBox();
            m_currentBox = createBox(m_horizontal);
            m_currentPanel.add(m_currentBox);
        }
    }

    private void checkForEmptyBox() {
        if (m_currentBox.getComponentCount() == 0) {
            m_currentPanel.remove(m_currentBox);
        }
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent comp : m_dialogComponents) {
            comp.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent comp : m_dialogComponents) {
            comp.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    /**
     * Hook for settings not handled by dialog components; by default delegates to
     * {@link #loadAdditionalSettingsFrom(NodeSettingsRO, DataTableSpec[])} if all specs are table specs (null counts
     * as an empty table spec).
     *
     * @param settings the settings
     * @param specs the input specs
     * @throws NotConfigurableException if the dialog cannot be configured
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] == null) {
                tableSpecs[i] = new DataTableSpec();
            } else if (specs[i] instanceof DataTableSpec) {
                tableSpecs[i] = (DataTableSpec)specs[i];
            } else {
                return;
            }
        }
        loadAdditionalSettingsFrom(settings, tableSpecs);
    }

    /**
     * Hook for settings not handled by dialog components; does nothing by default.
     *
     * @param settings the settings
     * @param specs the input table specs
     * @throws NotConfigurableException if the dialog cannot be configured
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // no additional settings by default
    }

    /**
     * Hook for settings not handled by dialog components; does nothing by default.
     *
     * @param settings the settings
     * @throws InvalidSettingsException if the additional settings are invalid
     */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // no additional settings by default
    }
}
