package org.malau.knime.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.FaceRecord;

/**
 * The columns of a table of labelled faces, in this order: image (a path string, or a PNG image
 * cell), subject, id, one AU occurrence column per AU ({@code AU01}, ...), one AU intensity column
 * per AU when the source has intensities ({@code AU01 intensity}), expression, corruption, and
 * optionally landmarks. Every label that the source does not know is a missing cell, never 0 or an
 * empty string, so that training can mask it out. Immutable.
 */
public final class FaceTableLayout {
    /** Image file path (string). */
    public static final String IMAGE_COLUMN = "image";
    /** Subject id (string); missing when the data set has none. */
    public static final String SUBJECT_COLUMN = "subject";
    /** Sample id, unique within the data set (string). */
    public static final String ID_COLUMN = "id";
    /** Expression label as {@link org.malau.data.Expression#label()} writes it (string). */
    public static final String EXPRESSION_COLUMN = "expression";
    /** Label-quality ground truth as {@link Corruption#label()} writes it; missing when unknown (real data). */
    public static final String CORRUPTION_COLUMN = "corruption";
    /** Landmarks as {@code x1;y1;x2;y2;...} in image pixels (string); missing when the image shows no face. */
    public static final String LANDMARKS_COLUMN = "landmarks";
    /** Suffix of AU intensity columns after the occurrence column's name. */
    public static final String INTENSITY_SUFFIX = " intensity";

    private final int[] m_auCodes;
    private final boolean m_intensities;
    private final DataType m_imageType;
    private final boolean m_landmarks;

    /**
     * A table whose image column holds file paths, without landmarks.
     *
     * @param auCodes AU codes with occurrence columns, in column order (empty for expression-only tables)
     * @param intensities whether each AU also gets an intensity column
     */
    public FaceTableLayout(final int[] auCodes, final boolean intensities) {
        this(auCodes, intensities, StringCell.TYPE, false);
    }

    /**
     * @param auCodes AU codes with occurrence columns, in column order (empty for expression-only tables)
     * @param intensities whether each AU also gets an intensity column
     * @param imageType type of the image column: {@link StringCell#TYPE} for paths, or an image cell type
     * @param landmarks whether the table ends with a landmarks column
     */
    public FaceTableLayout(final int[] auCodes, final boolean intensities, final DataType imageType,
        final boolean landmarks) {
        m_auCodes = auCodes.clone();
        m_intensities = intensities && auCodes.length > 0;
        m_imageType = imageType;
        m_landmarks = landmarks;
    }

    /** AU occurrence column name, e.g. {@code AU01}. */
    public static String occurrenceColumn(final int auCode) {
        return AuLabels.columnName(auCode);
    }

    /** AU intensity column name, e.g. {@code AU01 intensity}. */
    public static String intensityColumn(final int auCode) {
        return AuLabels.columnName(auCode) + INTENSITY_SUFFIX;
    }

    /** The AU codes with columns, in column order. */
    public int[] auCodes() {
        return m_auCodes.clone();
    }

    /** Whether the table has AU intensity columns. */
    public boolean hasIntensities() {
        return m_intensities;
    }

    /** The table spec; depends on the layout only, so configure can return it before anything is read. */
    public DataTableSpec createSpec() {
        final List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(column(IMAGE_COLUMN, m_imageType));
        cols.add(column(SUBJECT_COLUMN, StringCell.TYPE));
        cols.add(column(ID_COLUMN, StringCell.TYPE));
        for (final int au : m_auCodes) {
            cols.add(column(occurrenceColumn(au), IntCell.TYPE));
        }
        if (m_intensities) {
            for (final int au : m_auCodes) {
                cols.add(column(intensityColumn(au), DoubleCell.TYPE));
            }
        }
        cols.add(column(EXPRESSION_COLUMN, StringCell.TYPE));
        cols.add(column(CORRUPTION_COLUMN, StringCell.TYPE));
        if (m_landmarks) {
            cols.add(column(LANDMARKS_COLUMN, StringCell.TYPE));
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    /**
     * The cells of one record in {@link #createSpec()}'s order.
     *
     * @param image the image cell: the path where the record's image lies (for pixel sources, where the
     *            caller wrote it), or the image itself
     */
    public DataCell[] createCells(final FaceRecord record, final DataCell image) {
        final List<DataCell> cells = new ArrayList<>();
        cells.add(image);
        cells.add(record.subject().isEmpty() ? DataType.getMissingCell() : new StringCell(record.subject()));
        cells.add(new StringCell(record.id()));
        final AuLabels au = record.au();
        final int[] index = indexIn(au);
        for (final int i : index) {
            cells.add(i < 0 || au.occurrence(i) == AuLabels.UNKNOWN ? DataType.getMissingCell()
                : new IntCell(au.occurrence(i)));
        }
        if (m_intensities) {
            for (final int i : index) {
                final float v = i < 0 ? Float.NaN : au.intensity(i);
                cells.add(Float.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v));
            }
        }
        cells.add(record.expression() == null ? DataType.getMissingCell() : new StringCell(record.expression().label()));
        cells.add(record.corruption() == Corruption.UNKNOWN ? DataType.getMissingCell()
            : new StringCell(record.corruption().label()));
        if (m_landmarks) {
            cells.add(record.landmarks() == null ? DataType.getMissingCell() : new StringCell(landmarks(record.landmarks())));
        }
        return cells.toArray(new DataCell[0]);
    }

    /** Position of each layout AU in the record's labels, -1 where the record does not label it. */
    private int[] indexIn(final AuLabels au) {
        final int[] index = new int[m_auCodes.length];
        for (int k = 0; k < index.length; k++) {
            index[k] = -1;
            for (int i = 0; au != null && i < au.size(); i++) {
                if (au.auCode(i) == m_auCodes[k]) {
                    index[k] = i;
                    break;
                }
            }
        }
        return index;
    }

    /** How many AU occurrence labels of the record are unknown among the layout's AUs. */
    public int unknownAuLabels(final FaceRecord record) {
        int unknown = 0;
        for (final int i : indexIn(record.au())) {
            if (i < 0 || record.au().occurrence(i) == AuLabels.UNKNOWN) {
                unknown++;
            }
        }
        return unknown;
    }

    /** {@code x1;y1;x2;y2;...}, the separator AffectNet's lists use, so the text reads back with one split. */
    private static String landmarks(final float[] xy) {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < xy.length; i++) {
            if (i > 0) {
                b.append(';');
            }
            b.append(xy[i]);
        }
        return b.toString();
    }

    private static DataColumnSpec column(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }
}
