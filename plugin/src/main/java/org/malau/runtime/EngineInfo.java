package org.malau.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The engine's name and version, as model files record them: the version is the build's, written into
 * {@code org/malau/engine.properties} by the Maven build (plugin/pom.xml), so it is the same on the command line, in
 * KNIME and in the Spark job.
 */
public final class EngineInfo {
    /** What model headers call this engine. */
    public static final String NAME = "MAL engine (org.malau.engine)";

    private static final String VERSION = read();

    private EngineInfo() {
    }

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} for classes not built by Maven (an IDE). */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = EngineInfo.class.getResourceAsStream("/org/malau/engine.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
