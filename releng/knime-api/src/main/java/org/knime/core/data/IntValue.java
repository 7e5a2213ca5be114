package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code IntValue}; semantics implemented in memory for tests.
 */
public interface IntValue extends DataValue {

    /** @return the int value */
    int getIntValue();
}
