package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code BooleanValue}; semantics implemented in memory for tests.
 */
public interface BooleanValue extends DataValue {

    /** @return the boolean value */
    boolean getBooleanValue();
}
