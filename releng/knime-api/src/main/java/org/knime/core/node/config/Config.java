package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

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

    /**
     * Reads KNIME's XML config format into {@code config}, which takes the key stored in the file; the stream is
     * closed.
     *
     * @param config the config to fill, empty
     * @param in the XML
     * @return {@code config}
     * @throws IOException if the stream cannot be read or holds no XML config
     */
    protected static Config loadFromXML(final Config config, final InputStream in) throws IOException {
        return (Config)ConfigBase.loadFromXML(config, in);
    }
}
