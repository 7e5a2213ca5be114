package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;

/**
 * Compile-only subset of KNIME's {@code DoubleCell}; semantics implemented in memory for tests. The real class also
 * implements the complex/fuzzy/bounded value interfaces; those are left out here.
 */
public final class DoubleCell extends DataCell implements DoubleValue {

    private static final long serialVersionUID = 1L;

    /** The type of double cells. */
    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_double;

    /** @param d the value */
    public DoubleCell(final double d) {
        m_double = d;
    }

    @Override
    public double getDoubleValue() {
        return m_double;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        // bit-wise comparison so that NaN equals NaN, consistent with hashCode
        return Double.doubleToLongBits(m_double) == Double.doubleToLongBits(((DoubleCell)dc).m_double);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m_double);
    }

    @Override
    public String toString() {
        return Double.toString(m_double);
    }
}
