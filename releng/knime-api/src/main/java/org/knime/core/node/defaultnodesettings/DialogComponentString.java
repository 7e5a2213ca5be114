package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DialogComponentString}; semantics implemented in memory for tests: a label and
 * a text field that edits a {@link SettingsModelString}.
 */
public final class DialogComponentString extends DialogComponent {

    private final JTextField m_valueField;

    private final JLabel m_label;

    private final boolean m_disallowEmpty;

    /**
     * @param stringModel the model to edit
     * @param label the label text
     */
    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15);
    }

    /**
     * @param stringModel the model to edit
     * @param label the label text
     * @param disallowEmptyString whether saving an empty value fails
     * @param compWidth the width of the text field in columns
     */
    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_disallowEmpty = disallowEmptyString;
        m_label = new JLabel(label);
        m_valueField = new JTextField(compWidth);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_valueField);
        m_valueField.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void removeUpdate(final DocumentEvent e) {
                tryUpdateModel();
            }

            @Override
            public void insertUpdate(final DocumentEvent e) {
                tryUpdateModel();
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                tryUpdateModel();
            }
        });
        stringModel.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    private void tryUpdateModel() {
        try {
            updateModel();
        } catch (InvalidSettingsException e) { // NOSONAR reported again on save
            // the user is still typing
        }
    }

    private void updateModel() throws InvalidSettingsException {
        final String text = m_valueField.getText();
        if (m_disallowEmpty && (text == null || text.isEmpty())) {
            throw new InvalidSettingsException("Please enter a string value.");
        }
        ((SettingsModelString)getModel()).setStringValue(text);
    }

    @Override
    protected void updateComponent() {
        final String value = ((SettingsModelString)getModel()).getStringValue();
        final String shown = value == null ? "" : value;
        if (!m_valueField.getText().equals(shown)) {
            m_valueField.setText(shown);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        updateModel();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // any input will do
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_valueField.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_valueField.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
