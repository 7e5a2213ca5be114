package org.malau.knime.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.malau.knime.testing.NodeTesting;

/** Issue 15's cases for the plumbing every node shares: the pixel budget and Errors turned into node errors. */
class NodeBadInputTest {
    @Test
    void aHugePngClaimIsRefusedFromItsHeaderNamingTheRow(@TempDir final Path dir) throws Exception {
        final Path huge = NodeTesting.hugePngClaim(dir.resolve("huge.png"), 1000);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ImageCrops.crop(new StringCell(huge.toString()), true, 16, 1, "AU table", "Row7"));
        assertTrue(e.getMessage().contains("Row7") && e.getMessage().contains("huge.png")
            && e.getMessage().contains("40000x40000") && e.getMessage().contains("too large"), e.getMessage());
        final IOException t = assertThrows(IOException.class, () -> ImageCrops.image(new StringCell(huge.toString()), true));
        assertTrue(t.getMessage().contains("too large"), t.getMessage());
    }

    @Test
    void anOutOfMemoryErrorBecomesANodeErrorWithAMessage() {
        final OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        final Exception e = assertThrows(Exception.class, () -> EngineErrors.call(() -> {
            throw oom;
        }));
        assertTrue(e.getMessage().startsWith("Out of memory (Java heap space)") && e.getMessage().contains("-Xmx"), e.getMessage());
        assertSame(oom, e.getCause());
        final Exception s = assertThrows(Exception.class, () -> EngineErrors.call(() -> {
            throw new StackOverflowError();
        }));
        assertTrue(s.getMessage().startsWith("Internal error in the MAL engine"), s.getMessage());
    }

    @Test
    void exceptionsAndResultsPassThroughUnchanged() throws Exception {
        assertEquals("done", EngineErrors.call(() -> "done"));
        final InvalidSettingsException bad = new InvalidSettingsException("bad row");
        assertSame(bad, assertThrows(InvalidSettingsException.class, () -> EngineErrors.call(() -> {
            throw bad;
        })));
    }
}
