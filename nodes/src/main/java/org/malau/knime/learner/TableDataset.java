package org.malau.knime.learner;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.knime.common.ImageCrops;
import org.malau.train.InMemoryFaceDataset;

/**
 * Adapter from a KNIME table to the engine's {@link InMemoryFaceDataset}: decodes each row's image
 * (PNG cell or file path) into the grey crop the network reads, and its labels (AU occurrence,
 * expression, corruption, subject). Missing label cells are unknown labels; rows whose image is
 * missing are skipped and counted.
 */
final class TableDataset {
    /** Column indices resolved against the spec; -1 = absent. */
    record Columns(int image, boolean paths, int[] au, int[] auCodes, int expression, int subject, int corruption) {
    }

    /** The dataset and how many rows had no image. */
    record Result(InMemoryFaceDataset data, int skipped) {
    }

    private TableDataset() {
    }

    static Result read(final BufferedDataTable table, final Columns c, final int size, final int channels,
        final String what, final ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        final long total = table.size();
        final List<String> ids = new ArrayList<>();
        final List<String> subjects = new ArrayList<>();
        final List<byte[]> au = new ArrayList<>();
        final List<Expression> expressions = new ArrayList<>();
        final List<Corruption> corruptions = new ArrayList<>();
        final List<float[]> crops = new ArrayList<>();
        int skipped = 0;
        long done = 0;
        for (final DataRow row : table) {
            exec.checkCanceled();
            done++;
            final String key = row.getKey().getString();
            final DataCell image = row.getCell(c.image());
            if (image.isMissing()) {
                skipped++;
                continue;
            }
            crops.add(ImageCrops.crop(image, c.paths(), size, channels, what, key));
            ids.add(key);
            subjects.add(c.subject() < 0 || row.getCell(c.subject()).isMissing() ? ""
                : ((StringValue)row.getCell(c.subject())).getStringValue());
            au.add(c.au().length == 0 ? null : auLabels(row, c.au()));
            expressions.add(c.expression() < 0 ? null : expression(row.getCell(c.expression()), what, key));
            corruptions.add(c.corruption() < 0 || row.getCell(c.corruption()).isMissing() ? Corruption.UNKNOWN
                : corruption(((StringValue)row.getCell(c.corruption())).getStringValue(), what, key));
            final long d = done;
            exec.setProgress(d / (double)Math.max(1, total), () -> "Reading " + what + " row " + d + "/" + total);
        }
        final int n = ids.size();
        return new Result(new InMemoryFaceDataset(c.auCodes(), ids.toArray(new String[0]),
            subjects.toArray(new String[0]), au.toArray(new byte[n][]), expressions.toArray(new Expression[0]),
            corruptions.toArray(new Corruption[0]), crops.toArray(new float[n][]), size, channels), skipped);
    }

    /** Occurrence 1/0 (a value >= 0.5 counts as present), missing = unknown; null when every AU is unknown. */
    private static byte[] auLabels(final DataRow row, final int[] cols) {
        final byte[] y = new byte[cols.length];
        boolean any = false;
        for (int j = 0; j < cols.length; j++) {
            final DataCell cell = row.getCell(cols[j]);
            if (cell.isMissing() || Double.isNaN(((DoubleValue)cell).getDoubleValue())) {
                y[j] = AuLabels.UNKNOWN;
            } else {
                y[j] = (byte)(((DoubleValue)cell).getDoubleValue() >= 0.5 ? 1 : 0);
                any = true;
            }
        }
        return any ? y : null;
    }

    private static Expression expression(final DataCell cell, final String what, final String key)
        throws InvalidSettingsException {
        if (cell.isMissing()) {
            return null;
        }
        final String s = ((StringValue)cell).getStringValue();
        if (s.isBlank()) {
            return null;
        }
        try {
            return Expression.parse(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + " row \"" + key + "\": " + e.getMessage(), e);
        }
    }

    private static Corruption corruption(final String s, final String what, final String key)
        throws InvalidSettingsException {
        try {
            return Corruption.parse(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + " row \"" + key + "\": " + e.getMessage(), e);
        }
    }
}
