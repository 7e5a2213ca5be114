package org.knime.core.node;

/**
 * Compile-only subset of KNIME's {@code NotConfigurableException}; semantics implemented in memory for tests.
 */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the message */
    public NotConfigurableException(final String message) {
        super(message);
    }

    /**
     * @param message the message
     * @param cause the cause
     */
    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
