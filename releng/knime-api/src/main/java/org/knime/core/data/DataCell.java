package org.knime.core.data;

import java.io.Serializable;

/**
 * Compile-only subset of KNIME's {@code DataCell}; semantics implemented in memory for tests.
 */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    /** @return the type of this cell, derived from its class */
    public final DataType getType() {
        return DataType.getType(getClass());
    }

    /** @return whether this cell represents a missing value */
    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    /**
     * Two missing cells are equal; a missing and a non-missing cell are not; otherwise only cells of the same class
     * can be equal, and {@link #equalsDataCell(DataCell)} decides.
     */
    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell)) {
            return false;
        }
        final DataCell other = (DataCell)o;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        return getClass().equals(other.getClass()) && equalsDataCell(other);
    }

    /**
     * @param dc a non-missing cell of the same class as this one
     * @return whether the content is equal
     */
    protected abstract boolean equalsDataCell(final DataCell dc);

    @Override
    public abstract int hashCode();
}
