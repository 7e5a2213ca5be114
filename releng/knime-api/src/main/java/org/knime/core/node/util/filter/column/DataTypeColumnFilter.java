package org.knime.core.node.util.filter.column;

import java.util.Arrays;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.util.filter.InputFilter;

/**
 * Compile-only subset of KNIME's {@code DataTypeColumnFilter}; semantics implemented in memory for tests: offers the
 * columns whose type is compatible with one of the given value classes.
 */
public final class DataTypeColumnFilter extends InputFilter<DataColumnSpec> {

    private final Class<? extends DataValue>[] m_classes;

    /**
     * @param filterValueClasses the value classes a column must be compatible with (one of them)
     * @throws NullPointerException if there are none or one is null
     */
    public DataTypeColumnFilter(final Class<? extends DataValue>... filterValueClasses) {
        if (filterValueClasses == null || filterValueClasses.length == 0) {
            throw new NullPointerException("Classes must not be null");
        }
        if (Arrays.asList(filterValueClasses).contains(null)) {
            throw new NullPointerException("List of value classes must not contain null elements.");
        }
        m_classes = filterValueClasses.clone();
    }

    @Override
    public final boolean include(final DataColumnSpec cspec) {
        for (final Class<? extends DataValue> c : m_classes) {
            if (cspec.getType().isCompatible(c)) {
                return true;
            }
        }
        return false;
    }

    /** The value classes, for the type list the configuration saves. */
    Class<? extends DataValue>[] valueClasses() {
        return m_classes.clone();
    }
}
