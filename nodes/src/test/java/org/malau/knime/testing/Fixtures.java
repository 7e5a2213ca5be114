package org.malau.knime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * The settings our nodes saved in release 0.1 ({@code nodes/src/test/fixtures/settings-0.1.0}) and before the choices
 * were stored by id ({@code settings-470a644}); see their READMEs.
 */
public final class Fixtures {
    /** Release 0.1.0's settings. */
    public static final String RELEASE_0_1 = "settings-0.1.0";

    /** The example workflows' settings before issue 18 stored choices by id. */
    public static final String BEFORE_CHOICE_IDS = "settings-470a644";

    private Fixtures() {
    }

    /** @return release 0.1.0's fixtures' folder */
    public static Path dir() {
        return dir(RELEASE_0_1);
    }

    /**
     * @param set {@link #RELEASE_0_1} or {@link #BEFORE_CHOICE_IDS}
     * @return that set's folder
     */
    public static Path dir(final String set) {
        return NodeTesting.nodesDir().resolve("src/test/fixtures").resolve(set);
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
