package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code DoubleValue}; semantics implemented in memory for tests.
 */
public interface DoubleValue extends DataValue {

    /** @return the double value */
    double getDoubleValue();
}
