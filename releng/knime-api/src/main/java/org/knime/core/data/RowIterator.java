package org.knime.core.data;

import java.util.Iterator;

/**
 * Compile-only subset of KNIME's {@code RowIterator}; semantics implemented in memory for tests.
 */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    /** Tables are read-only, so removal is never supported. */
    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Can't remove row from table.");
    }
}
