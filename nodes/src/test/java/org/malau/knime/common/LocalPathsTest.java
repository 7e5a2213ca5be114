package org.malau.knime.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.malau.knime.testing.KnimeUrls;

/** Paths and URLs in path settings: what the example workflows' flow variables hand the nodes. */
class LocalPathsTest {
    @Test
    void plainPathsStayAsTheyAre(@TempDir final Path dir) {
        assertEquals(dir, LocalPaths.resolve(dir.toString()));
        assertEquals(Path.of("photos/a.jpg"), LocalPaths.resolve(" photos/a.jpg "));
        assertFalse(LocalPaths.isUrl("C:\\photos\\a.jpg"), "a drive letter is no URL scheme");
        assertFalse(LocalPaths.isUrl("/data/a.jpg"));
    }

    @Test
    void fileUrlsBecomeTheirFiles(@TempDir final Path dir) throws Exception {
        final Path f = Files.createFile(dir.resolve("with space.jpg"));
        assertTrue(LocalPaths.isUrl(f.toUri().toString()));
        assertEquals(f, LocalPaths.resolve(f.toUri().toString()));
        // users type spaces in URLs; KNIME's FileUtil accepts them
        assertEquals(f, LocalPaths.resolve("file:" + f.toString()));
    }

    @Test
    void urlsOfOtherMachinesAreRefusedWithTheUrlInTheMessage() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> LocalPaths.resolve("https://example.org/a.jpg"));
        assertTrue(e.getMessage().contains("https://example.org/a.jpg") && e.getMessage().contains("local file"),
            e.getMessage());
    }

    @Test
    void aKnimeUrlResolvesInsideAWorkflowAndOutsideOneTheReaderNamesIt(@TempDir final Path dir) throws Exception {
        // the tests run with a stand-in for KNIME's knime: URL handler (KnimeUrls); KNIME resolves workflow-relative
        // URLs against the workflow of the node's context, and cannot without one
        final String url = "knime://knime.workflow/data/BP4D-tiny";
        assertTrue(LocalPaths.isUrl(url));
        final Path data = Files.createDirectories(dir.resolve("data/BP4D-tiny"));
        KnimeUrls.inWorkflow(dir, () -> {
            assertEquals(data, LocalPaths.resolve(url));
            assertEquals(data, DatasetSettings.location(url, Boolean.FALSE, "BP4D"));
            final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> DatasetSettings.location("knime://knime.workflow/data/absent", Boolean.FALSE, "BP4D"));
            assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("knime://"),
                e.getMessage());
        });
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> DatasetSettings.location(url, Boolean.FALSE, "BP4D"));
        assertTrue(e.getMessage().contains("cannot be resolved") && e.getMessage().contains(url), e.getMessage());
        // a URL of a mountpoint without local files is no local path
        final IllegalArgumentException remote =
            assertThrows(IllegalArgumentException.class, () -> LocalPaths.resolve("knime://hub/data/a.png"));
        assertTrue(remote.getMessage().contains("does not denote a local file"), remote.getMessage());
    }

    @Test
    void aDataSetFolderGivenAsFileUrlIsFound(@TempDir final Path dir) throws Exception {
        assertEquals(dir, DatasetSettings.location(dir.toUri().toString(), Boolean.FALSE, "BP4D"));
    }
}
