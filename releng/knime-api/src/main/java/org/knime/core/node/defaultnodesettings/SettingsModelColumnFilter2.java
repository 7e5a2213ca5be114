package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;
import org.knime.core.node.util.filter.column.DataTypeColumnFilter;

/**
 * Compile-only subset of KNIME's {@code SettingsModelColumnFilter2}; semantics implemented in memory for tests: a
 * {@link DataColumnSpecFilterConfiguration} stored under the model's key (plus {@code <key>_Internals}, as for every
 * settings model), applied to a table spec with {@link #applyTo(DataTableSpec)}. Only the constructor restricting
 * the columns to value classes is declared.
 */
public final class SettingsModelColumnFilter2 extends SettingsModel {

    private DataColumnSpecFilterConfiguration m_config;

    private int m_inputPortIndex = -1;

    /**
     * Offers only columns compatible with one of the value classes; the name pattern filter may be chosen, the type
     * filter not.
     *
     * @param configName the key the settings are stored under
     * @param allowedTypes the value classes
     */
    public SettingsModelColumnFilter2(final String configName, final Class<? extends DataValue>... allowedTypes) {
        this(new DataColumnSpecFilterConfiguration(configName, new DataTypeColumnFilter(allowedTypes)));
    }

    private SettingsModelColumnFilter2(final DataColumnSpecFilterConfiguration config) {
        m_config = config;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelColumnFilter2 createClone() {
        return new SettingsModelColumnFilter2(m_config.clone());
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_columnfilter";
    }

    @Override
    protected String getConfigName() {
        return m_config.getConfigRootName();
    }

    /**
     * Auto-configuration: splits the offered columns of the spec by a filter (see
     * {@link DataColumnSpecFilterConfiguration#loadDefault(DataTableSpec, InputFilter, boolean)}).
     *
     * @param spec the input spec
     * @param filter decides the split, null accepts every column
     * @param filterDefinesIncludeList whether accepted columns are included (new columns then excluded)
     */
    public void loadDefaults(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter,
        final boolean filterDefinesIncludeList) {
        m_config.loadDefault(spec, filter, filterDefinesIncludeList);
    }

    /** @return a copy of the configuration */
    protected DataColumnSpecFilterConfiguration getFilterConfiguration() {
        return m_config.clone();
    }

    /** @return the filter deciding which columns are offered */
    protected InputFilter<DataColumnSpec> getColumnFilter() {
        return m_config.getFilter();
    }

    /** The component tells the model its port, since loading for the dialog gets all ports' specs. */
    void setInputPortIndex(final int inPort) {
        m_inputPortIndex = inPort;
    }

    /** @param conf the new configuration (copied); listeners are notified if it differs */
    protected void setFilterConfiguration(final DataColumnSpecFilterConfiguration conf) {
        if (!conf.equals(m_config)) {
            m_config = conf.clone();
            notifyChangeListeners();
        }
    }

    /**
     * @param inSpec the input spec
     * @return the included and excluded columns, and the configured ones that are missing
     */
    public FilterResult applyTo(final DataTableSpec inSpec) {
        return m_config.applyTo(inSpec);
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        if (m_inputPortIndex < 0 || m_inputPortIndex >= specs.length) {
            throw new NotConfigurableException("Specified port index is out of bounds");
        }
        final DataColumnSpecFilterConfiguration before = m_config.clone();
        final DataTableSpec spec = (DataTableSpec)specs[m_inputPortIndex];
        // an unconnected port offers no columns
        m_config.loadConfigurationInDialog(settings, spec == null ? new DataTableSpec() : spec);
        if (!before.equals(m_config)) {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        m_config.saveConfiguration(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_config.clone().loadConfigurationInModel(settings);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final DataColumnSpecFilterConfiguration before = m_config.clone();
        m_config.loadConfigurationInModel(settings);
        if (!before.equals(m_config)) {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        m_config.saveConfiguration(settings);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " - Port:" + m_inputPortIndex + "(" + m_config.getConfigRootName() + ")";
    }
}
