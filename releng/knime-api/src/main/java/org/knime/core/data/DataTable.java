package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code DataTable}; semantics implemented in memory for tests.
 */
public interface DataTable extends Iterable<DataRow> {

    /** @return the table spec */
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
