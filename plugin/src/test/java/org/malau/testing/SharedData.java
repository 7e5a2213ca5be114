package org.malau.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the read-only {@code shared/} folder that sits beside the project checkout (and beside
 * CI's clone), so tests can read the real photos in {@code shared/data}.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The {@code shared} folder: system property {@code malau.shared.dir}, else found upwards from the working directory. */
    public static Path sharedDir() {
        String prop = System.getProperty("malau.shared.dir");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("shared/data not found above " + Paths.get("").toAbsolutePath()
            + "; set -Dmalau.shared.dir=/path/to/shared");
    }

    /** {@code shared/data/<relative>}. */
    public static Path data(String relative) {
        return sharedDir().resolve("data").resolve(relative);
    }
}
