package org.knime.core.node;

/**
 * Not KNIME API (package-private): the monitor behind {@link ExecutionMonitor#createSubProgress(double)}. Progress in
 * [0, 1] is scaled to [0, maxProg] and added to the parent; cancel requests and checks go to the parent. As in KNIME,
 * a sub monitor's message does not replace the parent's own message.
 */
final class SubNodeProgressMonitor implements NodeProgressMonitor {

    private final NodeProgressMonitor m_parent;

    private final double m_maxProg;

    private double m_lastProg;

    private String m_message;

    SubNodeProgressMonitor(final NodeProgressMonitor parent, final double maxProg) {
        m_parent = parent;
        m_maxProg = maxProg;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        m_parent.checkCanceled();
    }

    @Override
    public void setProgress(final double progress) {
        if (m_maxProg <= 0.0) {
            return;
        }
        synchronized (m_parent) {
            final double bounded = Math.max(0.0, Math.min(progress, 1.0));
            final double diff = Math.max(0.0, bounded - m_lastProg);
            final Double parentProg = m_parent.getProgress();
            final double base = parentProg == null ? 0.0 : parentProg;
            m_parent.setProgress(Math.min(1.0, base + Math.min(m_maxProg, diff * m_maxProg)));
            m_lastProg = Math.max(m_lastProg, bounded);
        }
    }

    @Override
    public Double getProgress() {
        return m_lastProg;
    }

    @Override
    public void setProgress(final double progress, final String message) {
        setProgress(progress);
        setMessage(message);
    }

    @Override
    public synchronized void setMessage(final String message) {
        m_message = message;
    }

    @Override
    public void setProgress(final String message) {
        setMessage(message);
    }

    @Override
    public synchronized String getMessage() {
        return m_message == null ? "" : m_message;
    }

    @Override
    public void setExecuteCanceled() {
        m_parent.setExecuteCanceled();
    }

    @Override
    public void reset() {
        m_parent.reset();
    }
}
