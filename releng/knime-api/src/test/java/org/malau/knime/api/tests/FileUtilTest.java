package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
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
}
