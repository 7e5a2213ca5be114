package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DialogComponentStringSelection}; semantics implemented in memory for tests: a
 * combo box over a fixed list of strings that edits a {@link SettingsModelString}. As in KNIME, a model value that is
 * not among the options of a non-editable box is replaced by the current selection, and saving without a selection
 * fails.
 */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JLabel m_label;

    private final JComboBox<String> m_combobox;

    /**
     * @param stringModel the model to edit
     * @param label the label text
     * @param list the options
     * @throws IllegalArgumentException if the list is null or empty
     * @throws NullPointerException if an option is null
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, list == null ? null : Arrays.asList(list), false);
    }

    /**
     * @param stringModel the model to edit
     * @param label the label text
     * @param list the options
     * @throws IllegalArgumentException if the list is null or empty
     * @throws NullPointerException if an option is null
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        this(stringModel, label, list, false);
    }

    /**
     * @param stringModel the model to edit
     * @param label the label text
     * @param list the options
     * @param editable whether the user may type a value that is not in the list
     * @throws IllegalArgumentException if the list is null or empty
     * @throws NullPointerException if an option is null
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of options shouldn't be null or empty");
        }
        m_label = new JLabel(label);
        m_combobox = new JComboBox<>();
        for (String option : list) {
            if (option == null) {
                throw new NullPointerException("Options in the selection list can't be null");
            }
            m_combobox.addItem(option);
        }
        m_combobox.setEditable(editable);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combobox);
        m_combobox.addItemListener(e -> {
            final Object selected = m_combobox.getSelectedItem();
            if (selected != null) {
                stringModel.setStringValue(selected.toString());
            }
        });
        stringModel.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        final String value = ((SettingsModelString)getModel()).getStringValue();
        if (value != null && !value.equals(m_combobox.getSelectedItem())) {
            m_combobox.setSelectedItem(value);
        }
        setEnabledComponents(getModel().isEnabled());
        final Object selected = m_combobox.getSelectedItem();
        if (selected != null && !selected.equals(value)) {
            // the model's initial value is not an option: KNIME then takes the selection
            ((SettingsModelString)getModel()).setStringValue(selected.toString());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final Object selected = m_combobox.getSelectedItem();
        if (selected == null) {
            ((SettingsModelString)getModel()).setStringValue(null);
            throw new InvalidSettingsException("Please select an item from the list.");
        }
        ((SettingsModelString)getModel()).setStringValue(selected.toString());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // any input will do
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_combobox.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_combobox.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
