package org.malau.knime.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for KNIME's handler of {@code knime:} URLs, installed for the nodes' tests (surefire sets
 * {@code java.protocol.handler.pkgs}, so the JVM finds {@link org.malau.knime.testing.urls.knime.Handler}), so that
 * nodes can be tested with the URLs KNIME users type:
 * <ul>
 * <li>{@code knime://knime.workflow/...} resolves against the folder of the workflow a test runs "in" (KNIME takes
 * it from the node's context), {@code knime://knime.mountpoint/...} against that folder's parent; outside a workflow
 * such URLs fail as in KNIME without a node context;</li>
 * <li>any other host is a remote mountpoint held in memory: its URLs resolve to no local file, are read from and
 * written to through the connection, and a missing item cannot be read.</li>
 * </ul>
 */
public final class KnimeUrls {
    private static volatile Path s_workflow;

    private static final Map<String, byte[]> REMOTE = new ConcurrentHashMap<>();

    private KnimeUrls() {
    }

    /** Runs code as a node of the workflow in {@code dir}. */
    public interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with {@code dir} as the current workflow's folder. */
    public static void inWorkflow(final Path dir, final Body body) throws Exception {
        s_workflow = dir;
        try {
            body.run();
        } finally {
            s_workflow = null;
        }
    }

    /** @return the bytes last written to a remote URL, or null */
    public static byte[] remote(final String url) {
        return REMOTE.get(url);
    }

    /** Puts bytes at a remote URL. */
    public static void putRemote(final String url, final byte[] bytes) {
        REMOTE.put(url, bytes.clone());
    }

    /** The connection the handler opens for {@code u}. */
    public static URLConnection open(final URL u) throws IOException {
        final String host = u.getHost();
        if ("knime.workflow".equals(host) || "knime.mountpoint".equals(host)) {
            final Path workflow = s_workflow;
            if (workflow == null) {
                throw new IOException("No context for relative URL " + u + " available (not inside a workflow)");
            }
            final Path root = "knime.workflow".equals(host) ? workflow : workflow.getParent();
            final String path = URI.create(u.toString()).getPath();
            final Path file = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
            return file.toUri().toURL().openConnection();
        }
        final String key = u.toString();
        return new URLConnection(u) {
            @Override
            public void connect() {
                connected = true;
            }

            @Override
            public InputStream getInputStream() throws IOException {
                final byte[] b = REMOTE.get(key);
                if (b == null) {
                    throw new FileNotFoundException(key + " does not exist");
                }
                return new ByteArrayInputStream(b);
            }

            @Override
            public OutputStream getOutputStream() {
                return new ByteArrayOutputStream() {
                    @Override
                    public void close() {
                        REMOTE.put(key, toByteArray());
                    }
                };
            }
        };
    }
}
