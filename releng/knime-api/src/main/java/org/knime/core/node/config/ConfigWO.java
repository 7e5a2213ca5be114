package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Compile-only subset of KNIME's {@code ConfigWO}; semantics implemented in memory for tests.
 */
public interface ConfigWO extends ConfigBaseWO {
}
