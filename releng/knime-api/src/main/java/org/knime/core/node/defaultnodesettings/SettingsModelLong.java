package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code SettingsModelLong}; semantics implemented in memory for tests. Unlike the
 * int and double models, KNIME's long model keeps its current value when the settings lack the key on load (validation
 * still requires it); this subset does the same.
 */
public class SettingsModelLong extends SettingsModelNumber {

    private final String m_configKey;

    private long m_value;

    /**
     * @param configName the settings key
     * @param defaultValue the initial value
     * @throws IllegalArgumentException if the key is null or empty
     */
    public SettingsModelLong(final String configName, final long defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configKey = configName;
        m_value = defaultValue;
    }

    /** @param value the new value; listeners are notified if it changes */
    public void setLongValue(final long value) {
        final boolean changed = m_value != value;
        m_value = value;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public long getLongValue() {
        return m_value;
    }

    @Override
    String getNumberValueStr() {
        return Long.toString(m_value);
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        final long value;
        try {
            value = Long.parseLong(newValueStr.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid long number format ('" + newValueStr + "')", e);
        }
        setLongValue(value);
    }

    @Override
    protected String getConfigName() {
        return m_configKey;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelLong createClone() {
        return new SettingsModelLong(m_configKey, m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMN_long";
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setLongValue(settings.getLong(m_configKey, m_value));
        } catch (IllegalArgumentException iae) { // NOSONAR dialogs keep the old value
            // keep the current value
        }
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setLongValue(settings.getLong(m_configKey, m_value));
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addLong(m_configKey, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configKey + "')";
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getLong(m_configKey));
    }

    /**
     * @param value a value read from settings
     * @throws InvalidSettingsException if subclasses reject it
     */
    protected void validateValue(final long value) throws InvalidSettingsException {
        // unbounded: every long is valid
    }
}
