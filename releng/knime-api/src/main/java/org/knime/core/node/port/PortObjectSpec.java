package org.knime.core.node.port;

/**
 * Compile-only subset of KNIME's {@code PortObjectSpec}; semantics implemented in memory for tests. None of the real
 * interface's members are declared: node code must not implement this interface against the subset.
 */
public interface PortObjectSpec {
}
