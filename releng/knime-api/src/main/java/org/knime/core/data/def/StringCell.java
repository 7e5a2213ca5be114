package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

/**
 * Compile-only subset of KNIME's {@code StringCell}; semantics implemented in memory for tests. The real class also
 * implements {@code NominalValue}; that is left out here.
 */
public final class StringCell extends DataCell implements StringValue {

    private static final long serialVersionUID = 1L;

    /** The type of string cells. */
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    /**
     * @param str the value
     * @throws NullPointerException if the value is null
     */
    public StringCell(final String str) {
        if (str == null) {
            throw new NullPointerException("String value can't be null.");
        }
        m_string = str;
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    public String toString() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return m_string.equals(((StringCell)dc).m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }
}
