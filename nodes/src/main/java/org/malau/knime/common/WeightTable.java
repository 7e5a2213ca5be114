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
import org.knime.core.data.def.StringCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.malau.train.SampleWeightLog;

/**
 * The sample-weight table the MAL Learner writes and the Sample Weight Viewer reads (the engine's
 * {@code SampleWeightLog}): one row per training sample and epoch (long layout) or one row per sample with a weight
 * column per shown epoch (wide layout), in one place so that writer and reader agree.
 */
public final class WeightTable {
    /** The training set of a sample, {@code au} or {@code fe}. */
    public static final String SET = "set";

    /** The sample's input row ID. */
    public static final String ID = "id";

    /** The sample's subject, missing when unknown. */
    public static final String SUBJECT = "subject";

    /** The sample's label: the AUs present, or the expression. */
    public static final String LABEL = "label";

    /** What the data generator did to the sample ({@code none}, {@code label_noise}, {@code unrelated}). */
    public static final String CORRUPTION = "corruption";

    /** Long layout: the epoch of a row, from 1. */
    public static final String EPOCH = "epoch";

    /** Long layout: the sample's mean weight in that epoch. */
    public static final String WEIGHT = "weight";

    /** Wide layout: weight columns are this prefix and the epoch number, e.g. {@code w_epoch12}. */
    public static final String WEIGHT_PREFIX = "w_epoch";

    /** Widest default of the bounded wide layout. */
    public static final int DEFAULT_MAX_COLUMNS = 100;

    /** The two layouts, stored by id. */
    public enum Layout implements Choice {
        /** One row per sample and epoch in which it was drawn. */
        LONG("long", "Long: one row per sample and epoch (columns epoch, weight)"),
        /** One row per sample, one weight column per shown epoch. */
        WIDE("wide", "Wide: one row per sample, one weight column per epoch (at most the maximum below)");

        private final String m_id;

        private final Label m_label;

        Layout(final String id, final String text) {
            m_id = id;
            m_label = new Label(text, null);
        }

        @Override
        public String id() {
            return m_id;
        }

        @Override
        public Label label() {
            return m_label;
        }

        /**
         * @param id a stored id
         * @return its layout, or null for an unknown id
         */
        public static Layout of(final String id) {
            return Choice.byId(values(), id);
        }

        @Override
        public boolean isDefault() {
            return this == LONG;
        }
    }

    private WeightTable() {
    }

    /**
     * The epochs the wide layout shows: all of them when they fit, else {@code maxColumns} epochs spread evenly over
     * the run, the last epoch always among them.
     *
     * @param epochs the epochs of the run
     * @param maxColumns the most weight columns wanted, at least 1
     * @return the epoch numbers, ascending, from 1
     */
    public static int[] wideEpochs(final int epochs, final int maxColumns) {
        final int n = Math.min(epochs, maxColumns);
        final int[] shown = new int[n];
        for (int j = 1; j <= n; j++) {
            // ceil(j * epochs / n): strictly increasing because n <= epochs, and the last is the last epoch
            shown[j - 1] = (int)((j * (long)epochs + n - 1) / n);
        }
        return shown;
    }

    /**
     * @param layout the layout
     * @param shownEpochs the wide layout's epochs (see {@link #wideEpochs(int, int)}); unused for the long layout
     * @param corruption whether the table has the corruption column
     * @return the table spec, named {@code Sample weights}
     */
    public static DataTableSpec spec(final Layout layout, final int[] shownEpochs, final boolean corruption) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final String s : corruption ? new String[]{SET, ID, SUBJECT, LABEL, CORRUPTION}
            : new String[]{SET, ID, SUBJECT, LABEL}) {
            cols.add(new DataColumnSpecCreator(s, StringCell.TYPE).createSpec());
        }
        if (layout == Layout.LONG) {
            cols.add(new DataColumnSpecCreator(EPOCH, IntCell.TYPE).createSpec());
            cols.add(new DataColumnSpecCreator(WEIGHT, DoubleCell.TYPE).createSpec());
        } else {
            for (final int e : shownEpochs) {
                cols.add(new DataColumnSpecCreator(WEIGHT_PREFIX + e, DoubleCell.TYPE).createSpec());
            }
        }
        return new DataTableSpec("Sample weights", cols.toArray(new DataColumnSpec[0]));
    }

    /**
     * The rows of {@code log}: in the long layout one per sample and epoch in which it was drawn, in the wide layout
     * one per sample with its weight in each shown epoch (missing where it was not drawn).
     *
     * @param epochs the epochs of the run
     * @param shownEpochs the wide layout's epochs ({@link #wideEpochs(int, int)})
     * @param rows where the rows go, e.g. a data container's {@code addRowToTable}
     * @param exec checked for cancellation once per sample
     */
    public static void write(final SampleWeightLog log, final Layout layout, final int epochs, final int[] shownEpochs,
        final boolean corruption, final Consumer<DataRow> rows, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        for (final SampleWeightLog.Entry e : log.entries()) {
            exec.checkCanceled();
            final List<DataCell> cells = new ArrayList<>();
            cells.add(new StringCell(e.set()));
            cells.add(new StringCell(e.id()));
            cells.add(e.subject().isEmpty() ? DataType.getMissingCell() : new StringCell(e.subject()));
            cells.add(e.label().isEmpty() ? DataType.getMissingCell() : new StringCell(e.label()));
            if (corruption) {
                cells.add(new StringCell(e.corruption().label()));
            }
            final double[] w = e.perEpoch();
            // the two sets may share row keys; the set keeps them apart
            final String key = e.set() + ":" + e.id();
            if (layout == Layout.LONG) {
                // epochs in which the sample was not drawn have no row
                for (int k = 0; k < Math.min(epochs, w.length); k++) {
                    if (!Double.isNaN(w[k])) {
                        final List<DataCell> row = new ArrayList<>(cells);
                        row.add(new IntCell(k + 1));
                        row.add(new DoubleCell(w[k]));
                        rows.accept(new DefaultRow(new RowKey(key + "#" + (k + 1)), row.toArray(new DataCell[0])));
                    }
                }
            } else {
                for (final int epoch : shownEpochs) {
                    final int k = epoch - 1;
                    cells.add(k < w.length && !Double.isNaN(w[k]) ? new DoubleCell(w[k]) : DataType.getMissingCell());
                }
                rows.accept(new DefaultRow(new RowKey(key), cells.toArray(new DataCell[0])));
            }
        }
    }
}
