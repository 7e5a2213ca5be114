package org.knime.core.data;

/**
 * Compile-only subset of KNIME's {@code DataColumnSpec}; semantics implemented in memory for tests. Domains,
 * properties and handlers are not modelled.
 */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    DataColumnSpec(final String name, final DataType type) {
        m_name = name;
        m_type = type;
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    @Override
    public boolean equals(final Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof DataColumnSpec)) {
            return false;
        }
        final DataColumnSpec other = (DataColumnSpec)o;
        return m_name.equals(other.m_name) && m_type.equals(other.m_type);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }
}
