package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code LongValue}; semantics implemented in memory for tests.
 */
public interface LongValue extends DataValue {

    /** @return the long value */
    long getLongValue();
}
