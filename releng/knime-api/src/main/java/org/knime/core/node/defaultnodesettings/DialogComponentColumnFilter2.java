package org.knime.core.node.defaultnodesettings;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.border.TitledBorder;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.NameFilterConfiguration.EnforceOption;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;

/**
 * Compile-only subset of KNIME's {@code DialogComponentColumnFilter2}; semantics implemented in memory for tests: an
 * exclude list and an include list of the offered columns of one input port, with buttons that move the selected
 * columns between them. Moving columns rewrites the model's include and exclude lists and keeps its enforce option.
 * KNIME's panel also offers the name pattern and type filters, a search field and the enforce option; they are not
 * modelled (a pattern filter loaded from the settings is shown as its standard lists).
 */
public class DialogComponentColumnFilter2 extends DialogComponent {

    private final int m_inPortIdx;

    private final DefaultListModel<String> m_includes = new DefaultListModel<>();

    private final DefaultListModel<String> m_excludes = new DefaultListModel<>();

    private final JList<String> m_includeList = new JList<>(m_includes);

    private final JList<String> m_excludeList = new JList<>(m_excludes);

    private final JButton m_add = new JButton(">>");

    private final JButton m_remove = new JButton("<<");

    private final TitledBorder m_includeBorder = BorderFactory.createTitledBorder("Include");

    private final TitledBorder m_excludeBorder = BorderFactory.createTitledBorder("Exclude");

    private DataTableSpec m_spec = new DataTableSpec();

    private boolean m_updating;

    /**
     * @param model the model to edit
     * @param inPortIdx the input port whose columns are offered
     */
    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIdx) {
        this(model, inPortIdx, false);
    }

    /**
     * @param model the model to edit
     * @param inPortIdx the input port whose columns are offered
     * @param showSelectionListsOnly whether KNIME hides the filter-type choice (nothing else is shown here anyway)
     */
    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIdx,
        final boolean showSelectionListsOnly) {
        super(model);
        m_inPortIdx = inPortIdx;
        model.setInputPortIndex(inPortIdx);
        final JScrollPane exclude = new JScrollPane(m_excludeList);
        exclude.setBorder(m_excludeBorder);
        final JScrollPane include = new JScrollPane(m_includeList);
        include.setBorder(m_includeBorder);
        final JPanel buttons = new JPanel(new GridLayout(2, 1));
        buttons.add(m_add);
        buttons.add(m_remove);
        getComponentPanel().setLayout(new BorderLayout());
        getComponentPanel().add(exclude, BorderLayout.WEST);
        getComponentPanel().add(buttons, BorderLayout.CENTER);
        getComponentPanel().add(include, BorderLayout.EAST);
        m_add.addActionListener(e -> move(m_excludeList, m_excludes, m_includes));
        m_remove.addActionListener(e -> move(m_includeList, m_includes, m_excludes));
        model.addChangeListener(e -> {
            if (!m_updating) {
                updateComponent();
            }
        });
        updateComponent();
    }

    private void move(final JList<String> from, final DefaultListModel<String> source,
        final DefaultListModel<String> target) {
        for (final String name : from.getSelectedValuesList()) {
            source.removeElement(name);
            target.addElement(name);
        }
        updateModel();
    }

    private static String[] names(final DefaultListModel<String> list) {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            names.add(list.get(i));
        }
        return names.toArray(new String[0]);
    }

    private void updateModel() {
        final SettingsModelColumnFilter2 model = (SettingsModelColumnFilter2)getModel();
        final DataColumnSpecFilterConfiguration config = model.getFilterConfiguration();
        config.loadDefaults(names(m_includes), names(m_excludes),
            config.isEnforceInclusion() ? EnforceOption.EnforceInclusion : EnforceOption.EnforceExclusion);
        m_updating = true;
        try {
            model.setFilterConfiguration(config);
        } finally {
            m_updating = false;
        }
    }

    @Override
    protected void updateComponent() {
        final FilterResult r = ((SettingsModelColumnFilter2)getModel()).applyTo(m_spec);
        m_includes.clear();
        m_excludes.clear();
        for (final String s : r.getIncludes()) {
            m_includes.addElement(s);
        }
        for (final String s : r.getExcludes()) {
            m_excludes.addElement(s);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        updateModel();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // as in KNIME, the dialog opens even without columns; the spec is kept for the lists
        final PortObjectSpec spec = specs == null || specs.length <= m_inPortIdx ? null : specs[m_inPortIdx];
        m_spec = spec instanceof DataTableSpec t ? t : new DataTableSpec();
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_includeList.setEnabled(enabled);
        m_excludeList.setEnabled(enabled);
        m_add.setEnabled(enabled);
        m_remove.setEnabled(enabled);
    }

    /** @param title the include list's title */
    public void setIncludeTitle(final String title) {
        m_includeBorder.setTitle(title);
    }

    /** @param title the exclude list's title */
    public void setExcludeTitle(final String title) {
        m_excludeBorder.setTitle(title);
    }

    @Override
    public void setToolTipText(final String text) {
        m_includeList.setToolTipText(text);
        m_excludeList.setToolTipText(text);
    }
}
