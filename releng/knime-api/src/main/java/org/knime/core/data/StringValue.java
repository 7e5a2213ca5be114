package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code StringValue}; semantics implemented in memory for tests.
 */
public interface StringValue extends DataValue {

    /** @return the String value */
    String getStringValue();
}
