package org.knime.core.node;

/**
 * Compile-only subset of KNIME's {@code CanceledExecutionException}; semantics implemented in memory for tests. The
 * real class also implements {@code MessageAwareException}; that is left out here.
 */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Uses KNIME's default message "Execution canceled". */
    public CanceledExecutionException() {
        this("Execution canceled");
    }

    /** @param s the message */
    public CanceledExecutionException(final String s) {
        super(s);
    }
}
