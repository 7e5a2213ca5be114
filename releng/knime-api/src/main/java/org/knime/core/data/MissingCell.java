package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code MissingCell}; semantics implemented in memory for tests. The real class also
 * implements {@code MissingValue}; that is left out here.
 */
public final class MissingCell extends DataCell {

    private static final long serialVersionUID = 1L;

    /** Backs {@link DataType#getMissingCell()}. */
    static final MissingCell INSTANCE = new MissingCell(null);

    private final String m_error;

    /** @param error why the value is missing, may be null */
    public MissingCell(final String error) {
        m_error = error;
    }

    /** @return why the value is missing, may be null */
    public String getError() {
        return m_error;
    }

    @Override
    public boolean isMissing() {
        return true;
    }

    @Override
    public String toString() {
        return "?";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return MissingCell.class.hashCode();
    }
}
