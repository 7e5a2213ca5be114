package org.malau.knime.common;

import java.util.ArrayList;
import java.util.List;

import org.malau.train.EpochRecord;

/**
 * The training history (one {@link EpochRecord} per epoch) as the nodes show and keep it: the column names of the
 * learner's history table and views, and a lossless CSV form for the learner's internals and the MAL model port.
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

    /** @return the header line and one line per epoch; NaN is an empty field, doubles keep every digit */
    public static List<String> lines(final List<EpochRecord> history) {
        final List<String> lines = new ArrayList<>();
        lines.add(String.join(",", COLUMNS));
        for (final EpochRecord e : history) {
            final double[] v = values(e);
            final StringBuilder sb = new StringBuilder();
            for (int k = 0; k < v.length; k++) {
                sb.append(k == 0 ? "" : ",").append(Double.isNaN(v[k]) ? "" : Double.toString(v[k]));
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /**
     * @param lines what {@link #lines(List)} wrote
     * @return the records
     * @throws IllegalArgumentException naming the line that is not a history line
     */
    public static List<EpochRecord> parse(final List<String> lines) {
        final List<EpochRecord> history = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            final String line = lines.get(n);
            if (line.isEmpty() || line.startsWith(COLUMNS[0] + ",")) {
                continue;
            }
            final String[] f = line.split(",", -1);
            if (f.length != COLUMNS.length) {
                throw new IllegalArgumentException("Training history line " + (n + 1) + " has " + f.length
                    + " fields, expected " + COLUMNS.length + ": " + line);
            }
            final double[] v = new double[f.length];
            try {
                for (int k = 0; k < f.length; k++) {
                    v[k] = f[k].isEmpty() ? Double.NaN : Double.parseDouble(f[k]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Training history line " + (n + 1) + " holds no number: " + line,
                    e);
            }
            history.add(new EpochRecord((int)v[0], (int)v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                v[11], v[12], v[13]));
        }
        return history;
    }
}
