package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DialogComponentBoolean}; semantics implemented in memory for tests: a check
 * box that edits a {@link SettingsModelBoolean}.
 */
public final class DialogComponentBoolean extends DialogComponent {

    private final JCheckBox m_checkbox;

    /**
     * @param booleanModel the model to edit
     * @param label the check box text
     */
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_checkbox = new JCheckBox(label);
        m_checkbox.setSelected(booleanModel.getBooleanValue());
        m_checkbox.addItemListener(e -> booleanModel.setBooleanValue(m_checkbox.isSelected()));
        booleanModel.addChangeListener(e -> updateComponent());
        getComponentPanel().add(m_checkbox);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        final boolean value = ((SettingsModelBoolean)getModel()).getBooleanValue();
        setEnabledComponents(getModel().isEnabled());
        if (m_checkbox.isSelected() != value) {
            m_checkbox.setSelected(value);
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the check box updates the model immediately
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // any input will do
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_checkbox.setEnabled(enabled);
    }

    /** @return whether the check box is selected */
    public boolean isSelected() {
        return m_checkbox.isSelected();
    }

    @Override
    public void setToolTipText(final String text) {
        m_checkbox.setToolTipText(text);
    }
}
