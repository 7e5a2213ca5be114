package org.knime.core.data.container;

import java.io.Closeable;

import org.knime.core.data.RowIterator;

/**
 * Compile-only subset of KNIME's {@code CloseableRowIterator}; semantics implemented in memory for tests.
 */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    /** Releases resources; in-memory iterators have none, but callers must still close them as in KNIME. */
    @Override
    public abstract void close();
}
