package org.knime.core.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Compile-only subset of KNIME's {@code FileUtil} (bundle org.knime.core); semantics implemented in memory for tests.
 *
 * <p>
 * Nodes use these methods to accept both local paths and URLs in a path setting, {@code knime://} URLs
 * ({@code knime://knime.workflow/data/...}, the workflow's own data folder) included. Inside KNIME the {@code knime}
 * protocol has a URL handler whose connections resolve such URLs (to the local file of a local workflow, or to a
 * remote repository item); as in KNIME, {@link #resolveToPath(URL)} asks the URL's connection for the URL it
 * resolves to and gives the local path when that is a {@code file:} URL. Without a handler for the protocol (outside
 * KNIME, unless a test installs one), {@code toURL} cannot make a {@code knime} URL and treats the text as a
 * relative file path instead, as KNIME without its handler would.
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
     * @return the local path, or null when the URL (as its connection resolves it) is not a {@code file:} URL
     * @throws IOException if resolving fails (e.g. a {@code knime} URL relative to a workflow without one)
     * @throws URISyntaxException if the URL is not a valid URI
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        final URL resolved = "file".equalsIgnoreCase(url.getProtocol()) ? url : url.openConnection().getURL();
        if (!"file".equalsIgnoreCase(resolved.getProtocol())) {
            return null;
        }
        if (resolved.getPath().contains(" ")) {
            return Paths.get(new URL(resolved.toString().replace(" ", "%20")).toURI());
        }
        return Paths.get(resolved.toURI());
    }

    /**
     * Opens a connection to the URL for writing: for {@code http(s)} URLs with the given request method, otherwise
     * simply configured for output, and connects it.
     *
     * @param url any URL
     * @param httpMethod the request method for {@code http(s)} URLs, e.g. {@code PUT}
     * @return the connected connection; write to its output stream
     * @throws IOException if the connection cannot be opened (the protocol may not support output)
     */
    public static URLConnection openOutputConnection(final URL url, final String httpMethod) throws IOException {
        final URLConnection connection = url.openConnection();
        if (connection instanceof HttpURLConnection http) {
            http.setRequestMethod(httpMethod);
        }
        connection.setDoOutput(true);
        connection.connect();
        return connection;
    }

    /**
     * Opens an input stream on the URL (KNIME's default connect and read timeouts are not modelled).
     *
     * @param url any URL
     * @return the stream; the caller closes it
     * @throws IOException if the URL cannot be read
     */
    public static InputStream openStreamWithTimeout(final URL url) throws IOException {
        return url.openConnection().getInputStream();
    }
}
