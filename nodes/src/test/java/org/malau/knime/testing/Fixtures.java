package org.malau.knime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/** The settings our nodes saved in release 0.1 ({@code nodes/src/test/fixtures/settings-0.1.0}, see its README). */
public final class Fixtures {
    private Fixtures() {
    }

    /** @return the fixtures' folder */
    public static Path dir() {
        return NodeTesting.nodesDir().resolve("src/test/fixtures/settings-0.1.0");
    }

    /**
     * @param file a settings file below {@link #dir()}
     * @return the file as KNIME loads it
     */
    public static NodeSettings load(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (NodeSettings)NodeSettings.loadFromXML(in);
        }
    }

    /**
     * @param node a node folder below {@link #dir()}, e.g. {@code MAL_Demo_Synthetic/AU Scorer (#8)}
     * @return the node model's settings in its {@code settings.xml}
     */
    public static NodeSettingsRO modelSettings(final String node) throws IOException, InvalidSettingsException {
        return load(dir().resolve(node).resolve("settings.xml")).getNodeSettings(Node.CFG_MODEL);
    }
}
