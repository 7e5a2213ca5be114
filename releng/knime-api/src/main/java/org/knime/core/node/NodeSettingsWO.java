package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Compile-only subset of KNIME's {@code NodeSettingsWO}; semantics implemented in memory for tests.
 */
public interface NodeSettingsWO extends ConfigWO {

    /**
     * @param key the key
     * @return new nested node settings added under the key
     */
    NodeSettingsWO addNodeSettings(String key);
}
