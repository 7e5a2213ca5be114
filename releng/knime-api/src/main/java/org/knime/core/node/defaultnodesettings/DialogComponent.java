package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DialogComponent}; semantics implemented in memory for tests. All abstract
 * methods of the real class are declared.
 */
public abstract class DialogComponent {

    private final JPanel m_panel;

    private final SettingsModel m_model;

    /**
     * @param model the model this component edits
     * @throws NullPointerException if the model is null
     */
    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel can't be null.");
        }
        m_model = model;
        m_panel = new JPanel();
    }

    /** @return the panel holding this component's widgets */
    public JPanel getComponentPanel() {
        return m_panel;
    }

    /** @return the model this component edits */
    public final SettingsModel getModel() {
        return m_model;
    }

    /**
     * Loads the model's dialog settings (missing values keep the current value) and refreshes the widgets.
     *
     * @param settings the settings to show
     * @param specs the input specs
     * @throws NotConfigurableException if the component cannot work with the specs
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        checkConfigurabilityBeforeLoad(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    /** Brings the widgets in line with the model. */
    protected abstract void updateComponent();

    /**
     * Commits the widgets' values to the model and saves it; invalid values fail only while the model is enabled.
     *
     * @param settings to write to
     * @throws InvalidSettingsException if an enabled component holds an invalid value
     */
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        try {
            validateSettingsBeforeSave();
        } catch (InvalidSettingsException ise) {
            if (m_model.isEnabled()) {
                throw ise;
            }
        }
        m_model.dlgSaveSettingsTo(settings);
    }

    /**
     * Commits the widgets' values to the model.
     *
     * @throws InvalidSettingsException if a widget holds an invalid value
     */
    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    /**
     * @param specs the input specs
     * @throws NotConfigurableException if the component cannot work with them
     */
    protected abstract void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs)
        throws NotConfigurableException;

    /** @param enabled whether the widgets accept input */
    protected abstract void setEnabledComponents(final boolean enabled);

    /** @param text the tool tip of the widgets */
    public abstract void setToolTipText(final String text);
}
