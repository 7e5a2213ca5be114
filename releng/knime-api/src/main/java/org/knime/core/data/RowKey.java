package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code RowKey}; semantics implemented in memory for tests. The real class also
 * implements {@code RowKeyValue}; that is left out here.
 */
public final class RowKey {

    private final String m_id;

    /**
     * @param id the row ID
     * @throws NullPointerException if the argument is null
     */
    public RowKey(final String id) {
        if (id == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_id = id;
    }

    /** @return the row ID */
    public String getString() {
        return m_id;
    }

    @Override
    public String toString() {
        return getString();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof RowKey && ((RowKey)obj).m_id.equals(m_id));
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }

    /**
     * @param rowIndex the row index
     * @return the KNIME default key for that index, "Row" followed by the index
     */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }
}
