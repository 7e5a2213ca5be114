package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code DataValue}; semantics implemented in memory for tests. The real interface's
 * {@code UTILITY} field and {@code materializeDataCell} are left out.
 */
public interface DataValue {
}
