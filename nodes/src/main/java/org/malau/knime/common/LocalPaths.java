package org.malau.knime.common;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.knime.core.util.FileUtil;

/**
 * Turns what a user types or a flow variable holds into a local path: a plain path, a {@code file:} URL, or a KNIME
 * URL such as {@code knime://knime.workflow/data/photos} (the workflow's own data folder), which KNIME resolves to
 * the local file. The example workflows ship their data that way, so that they run wherever they are imported.
 */
public final class LocalPaths {
    /** A URL scheme has two or more characters; a single letter before the colon is a Windows drive. */
    private static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private LocalPaths() {
    }

    /** Whether the text is a URL rather than a plain path. */
    public static boolean isUrl(final String text) {
        return URL_SCHEME.matcher(text.trim()).matches();
    }

    /**
     * Where a path setting points.
     *
     * @param text the setting, trimmed
     * @param url the URL, as {@link FileUtil#toURL(String)} makes it
     * @param local the local file, or null when the URL denotes none (a remote mountpoint, http)
     */
    public record Location(String text, URL url, Path local) {
        /** @return the local file, or the URL for a location without one, for messages */
        @Override
        public String toString() {
            return local != null ? local.toString() : url.toString();
        }
    }

    /**
     * @param text a local path or a URL
     * @return the location; a plain path is taken as it is (relative ones relative to the working directory)
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Location locate(final String text) {
        final String t = text.trim();
        try {
            if (!isUrl(t)) {
                final Path p = Path.of(t);
                return new Location(t, FileUtil.toURL(t), p);
            }
            final URL url = FileUtil.toURL(t);
            return new Location(t, url, FileUtil.resolveToPath(url));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + t + "\" is no valid path: " + e.getMessage(), e);
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + t + "\" cannot be resolved to a local file: " + e.getMessage(), e);
        }
    }

    /**
     * @param text a local path or a URL that denotes a local file
     * @return the local path, absolute when the text was a URL
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Path resolve(final String text) {
        final Location l = locate(text);
        if (l.local() == null) {
            throw new IllegalArgumentException("\"" + l.text() + "\" does not denote a local file"
                + (l.text().toLowerCase(Locale.ROOT).startsWith("knime:")
                    ? " (KNIME URLs are resolved only inside KNIME, for a workflow stored on this machine)" : ""));
        }
        return l.local();
    }
}
