package org.malau.knime.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.malau.train.EpochRecord;
import org.malau.train.EpochRecord.Column;

/** The training history as a KNIME table (the MAL Learner's third output): a column per {@link Column}, by its label. */
public final class HistoryTable {
    private HistoryTable() {
    }

    /** @return the table spec, named {@code Training history}; counts as integers, measures as doubles */
    public static DataTableSpec spec() {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final Column c : Column.values()) {
            cols.add(new DataColumnSpecCreator(c.label(), c.isCount() ? IntCell.TYPE : DoubleCell.TYPE).createSpec());
        }
        return new DataTableSpec("Training history", cols.toArray(new DataColumnSpec[0]));
    }

    /**
     * One row per epoch, keyed {@code Epoch N}; an undefined value (NaN) as a missing cell.
     *
     * @param rows where the rows go, e.g. a data container's {@code addRowToTable}
     */
    public static void write(final List<EpochRecord> epochs, final Consumer<DataRow> rows) {
        for (final EpochRecord e : epochs) {
            final List<DataCell> cells = new ArrayList<>();
            for (final Column col : Column.values()) {
                final double v = e.value(col);
                cells.add(col.isCount() ? new IntCell((int)v)
                    : Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v));
            }
            rows.accept(new DefaultRow(new RowKey("Epoch " + e.epoch()), cells.toArray(new DataCell[0])));
        }
    }
}
