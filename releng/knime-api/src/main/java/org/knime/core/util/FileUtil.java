package org.knime.core.util;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Compile-only subset of KNIME's {@code FileUtil} (bundle org.knime.core); semantics implemented in memory for tests.
 *
 * <p>
 * Nodes use these two methods to accept both local paths and URLs in a path setting, {@code knime://} URLs
 * ({@code knime://knime.workflow/data/...}, the workflow's own data folder) included. Inside KNIME the {@code knime}
 * protocol has a URL handler that resolves such URLs to the local file; outside KNIME (here) there is none, so, as in
 * KNIME without its handler, {@code toURL} cannot make a {@code knime} URL and treats the text as a relative file
 * path instead.
 */
public final class FileUtil {

    private FileUtil() {
    }

    /**
     * Tries to turn the argument into a URL: it is either a URL already, or a local path, which becomes a
     * {@code file:} URL of its absolute form.
     *
     * @param path a URL or a local path
     * @return the URL
     * @throws MalformedURLException if the argument is neither a URL nor a file system path
     * @throws InvalidPathException if the argument looks like a path but is invalid (or is empty)
     */
    public static URL toURL(final String path) throws MalformedURLException, InvalidPathException {
        if (path.isEmpty()) {
            throw new InvalidPathException("", "Empty path");
        }
        try {
            // spaces are not allowed in URLs; users type them anyway
            return new URL(path.replace(" ", "%20"));
        } catch (MalformedURLException ex) { // NOSONAR not a URL: a local path
            return Paths.get(path).toAbsolutePath().toUri().toURL();
        }
    }

    /**
     * Resolves a URL to a local path, if it denotes a local file.
     *
     * @param url any URL
     * @return the local path, or null when the URL does not denote a local file (in this subset: any protocol other
     *         than {@code file})
     * @throws IOException if resolving fails
     * @throws URISyntaxException if the URL is not a valid URI
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        if (!"file".equalsIgnoreCase(url.getProtocol())) {
            return null;
        }
        if (url.getPath().contains(" ")) {
            return Paths.get(new URL(url.toString().replace(" ", "%20")).toURI());
        }
        return Paths.get(url.toURI());
    }
}
