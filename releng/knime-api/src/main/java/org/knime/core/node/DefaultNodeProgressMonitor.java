package org.knime.core.node;

/**
 * Compile-only subset of KNIME's {@code DefaultNodeProgressMonitor}; semantics implemented in memory for tests.
 */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private volatile boolean m_canceled;

    private Double m_progress;

    private String m_message;

    /** Creates a monitor without progress, message or cancel request. */
    public DefaultNodeProgressMonitor() {
        // nothing set yet, as in KNIME
    }

    @Override
    public synchronized void reset() {
        m_canceled = false;
        m_progress = null;
        m_message = null;
    }

    /** @return whether cancelling was requested or the current thread was interrupted, as in KNIME */
    protected boolean isCanceled() {
        return m_canceled || Thread.currentThread().isInterrupted();
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (isCanceled()) {
            throw new CanceledExecutionException();
        }
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        setProgress(progress);
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final double progress) {
        if (progress >= 0.0 && progress <= 1.0) {
            m_progress = progress;
        }
    }

    @Override
    public synchronized void setMessage(final String message) {
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final String message) {
        m_message = message;
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized String getMessage() {
        return m_message;
    }
}
