package org.knime.core.data;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compile-only subset of KNIME's {@code DataColumnSpecCreator}; semantics implemented in memory for tests.
 */
public final class DataColumnSpecCreator {

    /** KNIME numbers replacement names for blank column names globally. */
    private static final AtomicInteger EMPTY_COLUMN_COUNT = new AtomicInteger();

    private final String m_name;

    private final DataType m_type;

    /**
     * @param name the column name; surrounding white space is removed and a blank name is replaced by
     *            {@code <empty_N>}, as in KNIME
     * @param type the column type
     * @throws NullPointerException if name or type is null
     */
    public DataColumnSpecCreator(final String name, final DataType type) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        if (type == null) {
            throw new NullPointerException("Type of DataColumnSpec must not be null!");
        }
        final String trimmed = name.trim();
        m_name = trimmed.isEmpty() ? "<empty_" + EMPTY_COLUMN_COUNT.incrementAndGet() + ">" : trimmed;
        m_type = type;
    }

    /** @return a new column spec with this creator's name and type */
    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type);
    }
}
