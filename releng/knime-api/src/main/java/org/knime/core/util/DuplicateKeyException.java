package org.knime.core.util;

/**
 * Compile-only subset of KNIME's {@code DuplicateKeyException} (bundle org.knime.core, although the package is split
 * with org.knime.core.util); semantics implemented in memory for tests.
 */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String m_key;

    /**
     * @param message the message
     * @param key the duplicate key
     */
    public DuplicateKeyException(final String message, final String key) {
        super(message);
        m_key = key;
    }

    /** @return the duplicate key */
    public String getKey() {
        return m_key;
    }
}
