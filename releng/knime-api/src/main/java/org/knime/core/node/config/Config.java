package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBase;

/**
 * Compile-only subset of KNIME's {@code Config}; semantics implemented in memory for tests.
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    private static final long serialVersionUID = 1L;

    /** @param key the key of this config */
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(final String key);
}
