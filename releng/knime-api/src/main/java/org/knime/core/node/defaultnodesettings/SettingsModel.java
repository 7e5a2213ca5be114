package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.ConfigBaseWO;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code SettingsModel}; semantics implemented in memory for tests. All abstract
 * methods of the real class are declared.
 *
 * <p>
 * As in KNIME, saving also writes a nested config {@code <configName>_Internals} with the model type ID and the
 * enabled status; loading and validating read the enabled status back when it is present, and a disabled model
 * neither validates nor fails on load.
 */
public abstract class SettingsModel {

    private static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    /** Creates an enabled model without listeners. */
    public SettingsModel() {
        // state is initialised in the field declarations
    }

    /**
     * @param <T> the concrete model type
     * @return a new model of the same type, configuration name and value
     */
    protected abstract <T extends SettingsModel> T createClone();

    /** @return an ID unique to the model type, stored with the settings */
    protected abstract String getModelTypeID();

    /** @return the key the value is stored under */
    protected abstract String getConfigName();

    /**
     * @param settings the settings to show in the dialog; missing values keep the current value
     * @param specs the input specs
     * @throws NotConfigurableException if the dialog cannot be configured
     */
    protected abstract void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException;

    /**
     * @param settings to write the dialog's value to
     * @throws InvalidSettingsException if the value is invalid
     */
    protected abstract void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException;

    /** @param l notified when value or enabled status change */
    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    /** @param l the listener to remove */
    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    /** Notifies all change listeners. */
    protected void notifyChangeListeners() {
        for (ChangeListener l : m_listeners) {
            l.stateChanged(new ChangeEvent(this));
        }
    }

    /** @param enabled the new enabled status; listeners are notified if it changes */
    public void setEnabled(final boolean enabled) {
        final boolean changed = m_enabled != enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return the enabled status */
    public boolean isEnabled() {
        return m_enabled;
    }

    /**
     * Checks the settings without changing this model; a model saved as disabled is not checked.
     *
     * @param settings the settings to check
     * @throws InvalidSettingsException if they are invalid for this model
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        final Boolean stored = readEnabledStatus(settings);
        if (stored == null || stored) {
            validateSettingsForModel(settings);
        }
    }

    /**
     * @param settings the settings to check
     * @throws InvalidSettingsException if they are invalid for this model
     */
    protected abstract void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * Loads value and enabled status; failures are only reported if the model ends up enabled.
     *
     * @param settings the settings to load
     * @throws InvalidSettingsException if they are invalid and the model is enabled
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        final Boolean stored = readEnabledStatus(settings);
        if (stored != null) {
            m_enabled = stored;
        }
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    /**
     * @param settings the settings to load
     * @throws InvalidSettingsException if they are invalid
     */
    protected abstract void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    /** @param settings to write value and enabled status to */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveEnabledStatus(settings);
        saveSettingsForModel(settings);
    }

    /** @param settings to write the value to */
    protected abstract void saveSettingsForModel(final NodeSettingsWO settings);

    @Override
    public abstract String toString();

    /** Dialog side of loading, used by {@link DialogComponent}: never fails on missing or invalid values. */
    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            final Boolean stored = readEnabledStatus(settings);
            if (stored != null) {
                m_enabled = stored;
            }
        } catch (InvalidSettingsException ise) { // NOSONAR the dialog must accept any settings
            // keep the current enabled status
        }
        loadSettingsForDialog(settings, specs);
    }

    /** Dialog side of saving, used by {@link DialogComponent}: failures count only while enabled. */
    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveEnabledStatus(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    /** @return the stored enabled status, or null if the settings predate it (KNIME ignores its absence) */
    private Boolean readEnabledStatus(final NodeSettingsRO settings) throws InvalidSettingsException {
        final ConfigBase internals;
        try {
            internals = settings.getConfigBase(getConfigName() + CFGKEY_INTERNAL);
        } catch (InvalidSettingsException absent) { // NOSONAR backward compatibility, as in KNIME
            return null;
        }
        internals.getString(CFGKEY_MODELID);
        return internals.getBoolean(CFGKEY_ENABLESTAT);
    }

    private void saveEnabledStatus(final NodeSettingsWO settings) {
        final ConfigBaseWO internals = settings.addConfigBase(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
    }
}
