package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code DataRow}; semantics implemented in memory for tests.
 */
public interface DataRow extends Iterable<DataCell> {

    /** @return the number of cells */
    int getNumCells();

    /** @return the row key */
    RowKey getKey();

    /**
     * @param index the cell index
     * @return the cell at that index
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    DataCell getCell(final int index);
}
