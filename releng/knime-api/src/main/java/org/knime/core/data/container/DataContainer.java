package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowIterator;
import org.knime.core.util.DuplicateKeyException;

/**
 * Compile-only subset of KNIME's {@code DataContainer}; semantics implemented in memory for tests. The real class
 * also implements {@code RowFlushable}; that is left out here.
 *
 * <p>
 * Rows are checked as KNIME checks them: the cell count must match the spec, each cell's type must be a subtype of
 * its column type (missing cells always fit), and row keys must be unique. KNIME may report a duplicate key only on
 * {@link #close()}; this in-memory version reports it when the row is added, which KNIME's contract also allows.
 */
public class DataContainer implements RowAppender {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private DataTable m_table;

    /**
     * @param spec the spec of the table to build
     * @throws NullPointerException if the spec is null
     */
    public DataContainer(final DataTableSpec spec) {
        m_spec = Objects.requireNonNull(spec, "Spec must not be null!");
    }

    @Override
    public void addRowToTable(final DataRow row) {
        Objects.requireNonNull(row, "Row must not be null.");
        if (isClosed()) {
            throw new IllegalStateException("Cannot add row: container is closed.");
        }
        final int numCells = row.getNumCells();
        if (numCells != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey()
                + "\" is not equal to length of column names array: " + numCells + " vs. " + m_spec.getNumColumns());
        }
        for (int c = 0; c < numCells; c++) {
            final DataType columnType = m_spec.getColumnSpec(c).getType();
            final DataCell cell = row.getCell(c);
            if (!columnType.isASuperTypeOf(cell.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + cell + "\" (index " + c
                    + ") in row \"" + row.getKey() + "\" is " + cell.getType()
                    + " and does not comply with its supposed superclass " + columnType);
            }
        }
        final String key = row.getKey().getString();
        if (!m_keys.add(key)) {
            throw new DuplicateKeyException("Encountered duplicate row ID \"" + key + "\"", key);
        }
        m_rows.add(row);
    }

    /**
     * @return the table built by this container
     * @throws IllegalStateException if the container has not been closed yet
     */
    public DataTable getTable() {
        if (!isClosed()) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        return m_table;
    }

    /** Closes the container so that {@link #getTable()} is available; closing twice has no further effect. */
    public void close() {
        if (m_table == null) {
            m_table = new InMemoryTable(m_spec, Collections.unmodifiableList(new ArrayList<>(m_rows)));
            m_keys.clear();
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return m_table != null;
    }

    /** @return the number of rows added so far */
    public long size() {
        return m_rows.size();
    }

    /** Immutable table that can be iterated any number of times. */
    private static final class InMemoryTable implements DataTable {

        private final DataTableSpec m_spec;

        private final List<DataRow> m_rows;

        InMemoryTable(final DataTableSpec spec, final List<DataRow> rows) {
            m_spec = spec;
            m_rows = rows;
        }

        @Override
        public DataTableSpec getDataTableSpec() {
            return m_spec;
        }

        @Override
        public RowIterator iterator() {
            final Iterator<DataRow> it = m_rows.iterator();
            return new RowIterator() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public DataRow next() {
                    return it.next();
                }
            };
        }
    }
}
