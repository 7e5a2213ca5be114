package org.knime.core.node.port;

/**
 * Compile-only subset of KNIME's {@code PortObject}; semantics implemented in memory for tests. None of the real
 * interface's methods are declared: node code must not implement this interface against the subset.
 */
public interface PortObject {
}
