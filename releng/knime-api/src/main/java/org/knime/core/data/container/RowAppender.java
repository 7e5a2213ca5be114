package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/**
 * Compile-only subset of KNIME's {@code RowAppender}; semantics implemented in memory for tests.
 */
public interface RowAppender {

    /**
     * @param row the row to append
     * @throws NullPointerException if the row is null
     * @throws IllegalStateException if no more rows may be added
     * @throws IllegalArgumentException if the row does not fit the spec
     * @throws org.knime.core.util.DuplicateKeyException if the row's key was added before
     */
    public void addRowToTable(final DataRow row);
}
