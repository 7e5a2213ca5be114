package org.knime.core.node.util.filter.column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration;

/**
 * Compile-only subset of KNIME's {@code DataColumnSpecFilterConfiguration}; semantics implemented in memory for
 * tests: a {@link NameFilterConfiguration} over the names of the columns an optional {@link InputFilter} offers.
 *
 * <p>
 * As in KNIME, the settings also hold a nested {@code datatype} config with a {@code typelist} of value class names
 * to booleans. Only the constructor that leaves the type filter disabled is declared here, so the {@code datatype}
 * filter type is never accepted (as in KNIME for such a configuration) and the type list is carried, not applied.
 * {@link #loadDefaults} and {@link #loadDefault} put the input filter's value classes in the type list, unselected;
 * KNIME also adds each column's preferred value class, which this subset does not model.
 */
public final class DataColumnSpecFilterConfiguration extends NameFilterConfiguration {

    private static final String TYPE_FILTER = "datatype";

    private static final String KEY_TYPELIST = "typelist";

    private final InputFilter<DataColumnSpec> m_filter;

    private LinkedHashMap<String, Boolean> m_typeList = new LinkedHashMap<>();

    /**
     * A configuration with the name pattern filter and without the type filter.
     *
     * @param configRootName the key the configuration is stored under
     * @param filter the columns offered at all, null for all
     */
    public DataColumnSpecFilterConfiguration(final String configRootName, final InputFilter<DataColumnSpec> filter) {
        super(configRootName, FILTER_BY_NAMEPATTERN);
        m_filter = filter;
    }

    /** @return whether the type filter may be chosen; never in this subset */
    public boolean isTypeFilterEnabled() {
        return false;
    }

    /**
     * Lenient load against the columns of a spec, as a dialog does.
     *
     * @param settings the settings holding the root key
     * @param spec the input spec
     */
    public void loadConfigurationInDialog(final NodeSettingsRO settings, final DataTableSpec spec) {
        loadConfigurationInDialog(settings, offered(spec));
    }

    @Override
    protected void loadConfigurationInDialogChild(final NodeSettingsRO settings, final String[] names) {
        m_typeList = new LinkedHashMap<>();
        try {
            final NodeSettingsRO list = settings.getNodeSettings(TYPE_FILTER).getNodeSettings(KEY_TYPELIST);
            for (final String k : list.keySet()) {
                m_typeList.put(k, list.getBoolean(k, false));
            }
        } catch (InvalidSettingsException e) { // NOSONAR the dialog accepts any settings
            // no type list: none selected
        }
    }

    @Override
    public void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        final LinkedHashMap<String, Boolean> types = new LinkedHashMap<>();
        try {
            final NodeSettingsRO list = settings.getNodeSettings(TYPE_FILTER).getNodeSettings(KEY_TYPELIST);
            for (final String k : list.keySet()) {
                types.put(k, list.getBoolean(k, false));
            }
        } catch (InvalidSettingsException e) {
            // the type list only has to be there when the type filter is active, which it never is here
        }
        m_typeList = types;
    }

    @Override
    protected void saveConfigurationChild(final NodeSettingsWO settings) {
        final NodeSettingsWO list = settings.addNodeSettings(TYPE_FILTER).addNodeSettings(KEY_TYPELIST);
        for (final Map.Entry<String, Boolean> e : m_typeList.entrySet()) {
            list.addBoolean(e.getKey(), e.getValue());
        }
    }

    /**
     * @param spec the input spec
     * @return which of the offered columns are included and excluded (columns the input filter does not offer are
     *         in neither list), and which configured names were not offered
     */
    public FilterResult applyTo(final DataTableSpec spec) {
        return applyTo(offered(spec));
    }

    @Override
    public DataColumnSpecFilterConfiguration clone() {
        final DataColumnSpecFilterConfiguration c = (DataColumnSpecFilterConfiguration)super.clone();
        c.m_typeList = new LinkedHashMap<>(m_typeList);
        return c;
    }

    @Override
    public boolean equals(final Object obj) {
        return super.equals(obj) && m_typeList.equals(((DataColumnSpecFilterConfiguration)obj).m_typeList);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + m_typeList.hashCode();
    }

    @Override
    public String toString() {
        return super.toString();
    }

    /**
     * Includes (or excludes) every offered column of the spec; new columns follow the same rule.
     *
     * @param spec the input spec
     * @param includeByDefault whether the columns are included
     */
    public void loadDefaults(final DataTableSpec spec, final boolean includeByDefault) {
        loadDefaults(offered(spec), includeByDefault);
        loadDefaultTypeList();
    }

    /**
     * Splits the offered columns of the spec by a second filter.
     *
     * @param spec the input spec
     * @param filter decides the split, null accepts every column
     * @param filterDefinesIncludeList true: accepted columns are included, the rest excluded, new columns excluded;
     *            false: all offered columns are excluded and new columns included
     */
    public void loadDefault(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter,
        final boolean filterDefinesIncludeList) {
        final List<String> in = new ArrayList<>();
        final List<String> out = new ArrayList<>();
        for (final DataColumnSpec col : spec) {
            if (m_filter != null && !m_filter.include(col)) {
                continue;
            }
            if (filterDefinesIncludeList && (filter == null || filter.include(col))) {
                in.add(col.getName());
            } else {
                out.add(col.getName());
            }
        }
        setIncludeList(in.toArray(new String[0]));
        setExcludeList(out.toArray(new String[0]));
        setEnforceOption(filterDefinesIncludeList ? EnforceOption.EnforceInclusion : EnforceOption.EnforceExclusion);
        loadDefaultTypeList();
    }

    private void loadDefaultTypeList() {
        if (m_filter instanceof DataTypeColumnFilter f) {
            for (final Class<? extends DataValue> c : f.valueClasses()) {
                m_typeList.putIfAbsent(c.getName(), false);
            }
        }
    }

    /** @return the input filter, null if every column is offered */
    public InputFilter<DataColumnSpec> getFilter() {
        return m_filter;
    }

    private String[] offered(final DataTableSpec spec) {
        final List<String> names = new ArrayList<>();
        for (final DataColumnSpec col : spec) {
            if (m_filter == null || m_filter.include(col)) {
                names.add(col.getName());
            }
        }
        return names.toArray(new String[0]);
    }
}
