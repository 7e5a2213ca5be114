package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/**
 * Compile-only subset of KNIME's {@code NodeSettingsRO}; semantics implemented in memory for tests.
 */
public interface NodeSettingsRO extends ConfigRO {

    /**
     * @param key the key
     * @return the nested node settings
     * @throws InvalidSettingsException if there are no nested node settings for the key
     */
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;
}
