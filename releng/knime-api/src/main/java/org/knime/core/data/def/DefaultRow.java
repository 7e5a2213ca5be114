package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/**
 * Compile-only subset of KNIME's {@code DefaultRow}; semantics implemented in memory for tests.
 */
public class DefaultRow implements DataRow {

    private final RowKey m_key;

    private final DataCell[] m_row;

    /**
     * @param rowKey the key
     * @param row the cells
     * @throws NullPointerException if the key, the array or any cell is null
     */
    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row ID must not be null!");
        }
        if (row == null) {
            throw new NullPointerException("Row array must not be null!");
        }
        m_row = row.clone();
        for (int i = 0; i < m_row.length; i++) {
            if (m_row[i] == null) {
                throw new NullPointerException("Cell at index " + i + " is null!");
            }
        }
        m_key = rowKey;
    }

    /**
     * @param rowId the row ID
     * @param row the cells
     * @throws NullPointerException if the ID, the array or any cell is null
     */
    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowId the row ID
     * @param row the cells
     * @throws NullPointerException if the ID, the list or any cell is null
     */
    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowKey the key
     * @param row the cells
     * @throws NullPointerException if the key, the list or any cell is null
     */
    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    @Override
    public final int getNumCells() {
        return m_row.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_row[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_row)).iterator();
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder(m_key.toString()).append(": (");
        for (int i = 0; i < m_row.length; i++) {
            b.append(i > 0 ? ", " : "").append(m_row[i]);
        }
        return b.append(')').toString();
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DefaultRow)) {
            return false;
        }
        final DefaultRow other = (DefaultRow)obj;
        return m_key.equals(other.m_key) && Arrays.equals(m_row, other.m_row);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode() ^ Arrays.hashCode(m_row);
    }
}
