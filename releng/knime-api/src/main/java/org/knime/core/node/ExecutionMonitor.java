package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Compile-only subset of KNIME's {@code ExecutionMonitor}; semantics implemented in memory for tests.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    /** Creates a monitor backed by a new {@link DefaultNodeProgressMonitor}. */
    public ExecutionMonitor() {
        this(null);
    }

    /** @param progress the monitor to report to; null means a new {@link DefaultNodeProgressMonitor} */
    public ExecutionMonitor(final NodeProgressMonitor progress) {
        m_progress = progress == null ? new DefaultNodeProgressMonitor() : progress;
    }

    /** @return the underlying progress monitor */
    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    /** @throws CanceledExecutionException if cancelling was requested */
    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    /** @param progress a fraction in [0, 1]; other values are ignored */
    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    /**
     * @param progress a fraction in [0, 1]; other values are ignored
     * @param message the message
     */
    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    /**
     * @param progress a fraction in [0, 1]; other values are ignored
     * @param messageSupplier supplies the message
     */
    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        m_progress.setProgress(progress, messageSupplier);
    }

    /** @param message the message */
    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    /** @param messageSupplier supplies the message */
    public void setMessage(final Supplier<String> messageSupplier) {
        m_progress.setMessage(messageSupplier);
    }

    /** @param message the message; the progress fraction is left as it is */
    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    /**
     * @param maxProg the share of this monitor's progress the sub monitor covers, in [0, 1]
     * @return a monitor whose progress in [0, 1] advances this one by at most maxProg
     * @throws IllegalArgumentException if maxProg is outside [0, 1]
     */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSubProgressMonitor(maxProg));
    }

    NodeProgressMonitor createSubProgressMonitor(final double maxProg) {
        if (maxProg > 1.0 || maxProg < 0.0) {
            throw new IllegalArgumentException("Invalid sub progress size: " + maxProg);
        }
        return new SubNodeProgressMonitor(m_progress, maxProg);
    }
}
