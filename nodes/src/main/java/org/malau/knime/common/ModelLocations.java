package org.malau.knime.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;

/**
 * The model file setting of the MAL Model Reader and Writer: a local path or a URL, KNIME URLs such as
 * {@code knime://knime.workflow/../models/mal.zip} included, resolved as KNIME's own Model Reader and Writer resolve
 * theirs ({@link FileUtil}): a location with a local file is handled as that file, any other URL (a remote
 * mountpoint) through its connection.
 */
public final class ModelLocations {
    private ModelLocations() {
    }

    /**
     * @param text the setting
     * @param what how messages call the file, e.g. {@code Model file}
     * @return the location
     * @throws InvalidSettingsException when the setting is empty, no valid path or URL, or a relative plain path
     */
    public static LocalPaths.Location locate(final String text, final String what) throws InvalidSettingsException {
        final String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new InvalidSettingsException("No " + what.toLowerCase(java.util.Locale.ROOT)
                + " set; choose a MAL model file (.zip)");
        }
        final LocalPaths.Location l;
        try {
            l = LocalPaths.locate(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + ": " + e.getMessage(), e);
        }
        if (!LocalPaths.isUrl(t) && !l.local().isAbsolute()) {
            // relative to KNIME's working directory, which users never mean
            throw new InvalidSettingsException(what + " \"" + t + "\" is relative; use an absolute path or a KNIME "
                + "URL relative to the workflow, e.g. knime://knime.workflow/../" + l.local().getFileName());
        }
        return l;
    }

    /**
     * @param l a location
     * @return a stream on the file or URL; the caller closes it
     * @throws IOException if it cannot be opened
     */
    public static InputStream open(final LocalPaths.Location l) throws IOException {
        return l.local() != null ? Files.newInputStream(l.local()) : FileUtil.openStreamWithTimeout(l.url());
    }
}
