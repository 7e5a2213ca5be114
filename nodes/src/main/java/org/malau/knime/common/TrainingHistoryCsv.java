package org.malau.knime.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.malau.io.CsvInput;
import org.malau.io.CsvOutput;
import org.malau.train.EpochRecord;

/**
 * The training history (one {@link EpochRecord} per epoch) as the nodes show and keep it: the column names of the
 * learner's history table and views, and a lossless CSV form (the engine's Commons CSV dialect) for the learner's
 * internals and the MAL model port.
 */
public final class TrainingHistoryCsv {
    /** Column names, in {@link EpochRecord} order. */
    public static final String[] COLUMNS = {"epoch", "iterations", "learning rate", "AU loss", "FE loss",
        "total loss", "meta loss", "meta AU F1", "meta AU F1 (tuned)", "meta FE accuracy", "mean AU weight",
        "mean FE weight", "FE weight clean AUC", "seconds"};

    private TrainingHistoryCsv() {
    }

    /** @return the record's values in {@link #COLUMNS} order (NaN where undefined) */
    public static double[] values(final EpochRecord e) {
        return new double[]{e.epoch(), e.iterations(), e.learningRate(), e.auLoss(), e.expressionLoss(),
            e.totalLoss(), e.metaLoss(), e.metaAuF1(), e.metaAuF1Tuned(), e.metaExpressionAccuracy(),
            e.meanAuWeight(), e.meanExpressionWeight(), e.weightCleanAuc(), e.seconds()};
    }

    /**
     * Writes the header and one row per epoch, NaN as an empty field and doubles with every digit; {@code out} is
     * flushed, not closed.
     */
    public static void write(final List<EpochRecord> history, final Writer out) throws IOException {
        final CsvOutput csv = new CsvOutput(out);
        csv.row((Object[])COLUMNS);
        for (final EpochRecord e : history) {
            final List<String> row = new ArrayList<>();
            for (final double v : values(e)) {
                row.add(Double.isNaN(v) ? "" : Double.toString(v));
            }
            csv.row(row);
        }
        csv.flush();
    }

    /**
     * @param in what {@link #write(List, Writer)} wrote
     * @param name how messages call it
     * @return the records
     * @throws IOException naming the source and line of a row that is not a history row
     */
    public static List<EpochRecord> read(final Reader in, final String name) throws IOException {
        final List<EpochRecord> history = new ArrayList<>();
        final CsvInput csv = CsvInput.of(in, name);
        for (List<String> f = csv.next(); f != null; f = csv.next()) {
            if (f.get(0).equals(COLUMNS[0])) {
                continue;
            }
            if (f.size() != COLUMNS.length) {
                throw csv.error("a training history row has " + COLUMNS.length + " fields, this one " + f.size());
            }
            final double[] v = new double[f.size()];
            try {
                for (int k = 0; k < f.size(); k++) {
                    v[k] = f.get(k).isEmpty() ? Double.NaN : Double.parseDouble(f.get(k));
                }
            } catch (NumberFormatException e) {
                throw csv.error("a training history row holds no number: " + f);
            }
            history.add(new EpochRecord((int)v[0], (int)v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                v[11], v[12], v[13]));
        }
        return history;
    }
}
