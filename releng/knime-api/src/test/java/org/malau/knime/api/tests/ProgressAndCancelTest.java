package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeProgressMonitor;

class ProgressAndCancelTest {

    @Test
    void progressAndMessageAreRecorded() {
        final DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        final ExecutionContext exec = TestExec.create(mon);
        assertNull(mon.getProgress());
        assertNull(mon.getMessage());
        exec.setProgress(0.25, "reading");
        assertEquals(0.25, mon.getProgress());
        assertEquals("reading", mon.getMessage());
        exec.setProgress(0.5);
        assertEquals(0.5, exec.getProgressMonitor().getProgress());
        assertEquals("reading", mon.getMessage());
        exec.setMessage("writing");
        assertEquals("writing", mon.getMessage());
        exec.setMessage(() -> "lazy");
        assertEquals("lazy", mon.getMessage());
        exec.setProgress(0.75, () -> "supplied");
        assertEquals("supplied", mon.getMessage());
        // values outside [0, 1] are ignored
        exec.setProgress(1.5);
        exec.setProgress(-0.1);
        assertEquals(0.75, mon.getProgress());
        mon.reset();
        assertNull(mon.getProgress());
        assertNull(mon.getMessage());
    }

    @Test
    void checkCanceledThrowsOnlyAfterCancelWasRequested() throws CanceledExecutionException {
        final DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        final ExecutionContext exec = TestExec.create(mon);
        exec.checkCanceled();
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        mon.reset();
        exec.checkCanceled();
    }

    @Test
    void interruptedThreadCountsAsCanceled() {
        final ExecutionMonitor exec = new ExecutionMonitor();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void subProgressIsScaledIntoTheParent() throws CanceledExecutionException {
        final DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        final ExecutionContext exec = TestExec.create(mon);
        final ExecutionContext first = exec.createSubExecutionContext(0.5);
        first.setProgress(0.5);
        assertEquals(0.25, mon.getProgress(), 1e-9);
        first.setProgress(1.0);
        assertEquals(0.5, mon.getProgress(), 1e-9);
        final ExecutionMonitor second = exec.createSubProgress(0.5);
        second.setProgress(1.0);
        assertEquals(1.0, mon.getProgress(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> exec.createSubProgress(1.5));
        assertThrows(IllegalArgumentException.class, () -> exec.createSubExecutionContext(-0.1));
        // cancel requests reach sub contexts, and sub contexts can still create containers
        first.checkCanceled();
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, first::checkCanceled);
        assertThrows(CanceledExecutionException.class, second::checkCanceled);
    }

    @Test
    void monitorOfAnExecutionMonitorDefaultsToANewOne() {
        final NodeProgressMonitor own = new ExecutionMonitor(null).getProgressMonitor();
        own.setProgress(0.3);
        assertEquals(0.3, own.getProgress());
    }
}
