package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Compile-only subset of KNIME's {@code NodeSettings}; semantics implemented in memory for tests.
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    private static final long serialVersionUID = 1L;

    /** @param key the key of these settings */
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /**
     * Reads settings saved in KNIME's XML config format (a node's {@code settings.xml}, a {@code workflow.knime});
     * the stream is closed.
     *
     * @param in the XML
     * @return the settings, keyed as the file's root config
     * @throws IOException if the stream cannot be read or holds no XML config
     */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return (NodeSettingsRO)Config.loadFromXML(new NodeSettings("ignored"), in);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfigBase(key);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        final ConfigBase config = getConfigBase(key);
        if (!(config instanceof NodeSettings)) {
            throw new InvalidSettingsException("NodeSettings for key \"" + key + "\" not found.");
        }
        return (NodeSettings)config;
    }
}
