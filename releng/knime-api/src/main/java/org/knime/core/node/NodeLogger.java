package org.knime.core.node;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compile-only subset of KNIME's {@code NodeLogger}; semantics implemented in memory for tests: messages go to
 * {@code java.util.logging} (debug as FINE, info as INFO, warn as WARNING, error as SEVERE).
 */
public final class NodeLogger {

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    /**
     * @param c the class to log for
     * @return a logger named after the class
     */
    public static NodeLogger getLogger(final Class<?> c) {
        return getLogger(c.getName());
    }

    /**
     * @param s the logger name
     * @return a logger with that name
     */
    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    private void log(final Level level, final Object o, final Throwable t) {
        if (m_logger.isLoggable(level)) {
            m_logger.log(level, String.valueOf(o), t);
        }
    }

    /** @param o the message */
    public void warn(final Object o) {
        log(Level.WARNING, o, null);
    }

    /** @param o the message */
    public void debug(final Object o) {
        log(Level.FINE, o, null);
    }

    /** @param o the message */
    public void info(final Object o) {
        log(Level.INFO, o, null);
    }

    /** @param o the message */
    public void error(final Object o) {
        log(Level.SEVERE, o, null);
    }

    /**
     * @param o the message
     * @param t the cause
     */
    public void warn(final Object o, final Throwable t) {
        log(Level.WARNING, o, t);
    }

    /**
     * @param o the message
     * @param t the cause
     */
    public void debug(final Object o, final Throwable t) {
        log(Level.FINE, o, t);
    }

    /**
     * @param o the message
     * @param t the cause
     */
    public void info(final Object o, final Throwable t) {
        log(Level.INFO, o, t);
    }

    /**
     * @param o the message
     * @param t the cause
     */
    public void error(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    /** @return whether debug messages are logged */
    public boolean isDebugEnabled() {
        return m_logger.isLoggable(Level.FINE);
    }
}
