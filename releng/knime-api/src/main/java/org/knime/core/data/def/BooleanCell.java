package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/**
 * Compile-only subset of KNIME's {@code BooleanCell}; semantics implemented in memory for tests. The real class also
 * implements the complex/fuzzy/bounded/nominal value interfaces; those are left out here.
 */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue {

    private static final long serialVersionUID = 1L;

    /** The cell for {@code true}. */
    public static final BooleanCell TRUE = new BooleanCell(true);

    /** The cell for {@code false}. */
    public static final BooleanCell FALSE = new BooleanCell(false);

    /**
     * @param value the value
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    /** The type of boolean cells. */
    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_value;

    private BooleanCell(final boolean b) {
        m_value = b;
    }

    @Override
    public boolean getBooleanValue() {
        return m_value;
    }

    @Override
    public int getIntValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return getIntValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(m_value);
    }

    @Override
    public String toString() {
        return Boolean.toString(m_value);
    }
}
