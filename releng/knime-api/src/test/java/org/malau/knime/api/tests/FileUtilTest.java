package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.util.FileUtil;

/** {@link FileUtil}'s URL handling, the way nodes resolve path settings. */
class FileUtilTest {
    @Test
    void pathsBecomeFileUrlsOfTheirAbsoluteForm(@TempDir final Path dir) throws Exception {
        final Path f = Files.createFile(dir.resolve("a b.png"));
        final URL u = FileUtil.toURL(f.toString());
        assertEquals("file", u.getProtocol());
        assertEquals(f, FileUtil.resolveToPath(u));
        assertEquals(Paths.get("rel.png").toAbsolutePath(), FileUtil.resolveToPath(FileUtil.toURL("rel.png")));
    }

    @Test
    void urlsStayUrlsAndOnlyFileUrlsResolve(@TempDir final Path dir) throws Exception {
        final URL http = FileUtil.toURL("https://example.org/a.png");
        assertEquals("https", http.getProtocol());
        assertNull(FileUtil.resolveToPath(http), "not a local file");
        assertEquals(dir, FileUtil.resolveToPath(FileUtil.toURL(dir.toUri().toString())));
        // a space in a typed URL is accepted, as in KNIME
        final Path spaced = Files.createDirectory(dir.resolve("x y"));
        assertEquals(spaced, FileUtil.resolveToPath(FileUtil.toURL("file:" + spaced)));
    }

    @Test
    void anEmptyPathIsRefused() {
        assertThrows(InvalidPathException.class, () -> FileUtil.toURL(""));
    }

    /**
     * A stand-in for KNIME's {@code knime} protocol handler: {@code knime://knime.workflow/...} resolves to a folder,
     * any other host is a remote store in memory.
     */
    private static final class Handler extends URLStreamHandler {
        final Path m_workflow;

        final ByteArrayOutputStream m_written = new ByteArrayOutputStream();

        Handler(final Path workflow) {
            m_workflow = workflow;
        }

        @Override
        protected URLConnection openConnection(final URL u) throws java.io.IOException {
            if ("knime.workflow".equals(u.getHost())) {
                return m_workflow.resolve(u.getPath().substring(1)).toUri().toURL().openConnection();
            }
            return new URLConnection(u) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream("remote bytes".getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public OutputStream getOutputStream() {
                    return m_written;
                }
            };
        }
    }

    @Test
    void aUrlResolvesToTheLocalPathItsConnectionResolvesTo(@TempDir final Path dir) throws Exception {
        final Handler h = new Handler(dir);
        final URL local = new URL(null, "knime://knime.workflow/data/model.zip", h);
        assertEquals(dir.resolve("data/model.zip"), FileUtil.resolveToPath(local));
        assertNull(FileUtil.resolveToPath(new URL(null, "knime://hub/models/model.zip", h)), "a remote item");
    }

    @Test
    void urlsWithoutALocalFileAreReadAndWrittenThroughTheirConnections(@TempDir final Path dir) throws Exception {
        final Handler h = new Handler(dir);
        final URL remote = new URL(null, "knime://hub/models/model.zip", h);
        try (InputStream in = FileUtil.openStreamWithTimeout(remote)) {
            assertEquals("remote bytes", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        final URLConnection out = FileUtil.openOutputConnection(remote, "PUT");
        assertEquals(true, out.getDoOutput());
        try (OutputStream os = out.getOutputStream()) {
            os.write("model".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("model", h.m_written.toString(StandardCharsets.UTF_8));
        // a local file's URL reads as the file
        final Path f = Files.writeString(dir.resolve("x.txt"), "local");
        try (InputStream in = FileUtil.openStreamWithTimeout(FileUtil.toURL(f.toString()))) {
            assertEquals("local", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
