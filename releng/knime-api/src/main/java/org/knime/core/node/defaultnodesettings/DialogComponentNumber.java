package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DialogComponentNumber}; semantics implemented in memory for tests: a label and
 * a text field (KNIME uses a spinner) that edits a {@link SettingsModelNumber}; values the model rejects, such as
 * out-of-bounds values of bounded models, fail on save.
 */
public class DialogComponentNumber extends DialogComponent {

    private final JLabel m_label;

    private final JTextField m_field;

    /**
     * @param numberModel the model to edit
     * @param label the label text
     * @param stepSize the spinner step size (not used without a spinner)
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    /**
     * @param numberModel the model to edit
     * @param label the label text
     * @param stepSize the spinner step size (not used without a spinner)
     * @param compWidth the width of the field in columns
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        if (stepSize == null) {
            throw new NullPointerException("Step size must not be null.");
        }
        m_label = new JLabel(label);
        m_field = new JTextField(compWidth);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_field);
        numberModel.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        final String value = ((SettingsModelNumber)getModel()).getNumberValueStr();
        if (!m_field.getText().equals(value)) {
            m_field.setText(value);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            ((SettingsModelNumber)getModel()).setNumberValueStr(m_field.getText());
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage(), iae);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // any input will do
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
