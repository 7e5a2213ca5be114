package org.knime.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DataTableSpec}; semantics implemented in memory for tests.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DFT_SPEC_NAME = "default";

    private final String m_name;

    private final DataColumnSpec[] m_columnSpecs;

    private final Map<String, Integer> m_colIndexMap = new HashMap<>();

    /** Creates an empty spec named "default". */
    public DataTableSpec() {
        this(DFT_SPEC_NAME);
    }

    /**
     * @param colSpecs the column specs
     * @throws IllegalArgumentException if two columns have the same name
     */
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DFT_SPEC_NAME, colSpecs);
    }

    /** @param name the table name (null means "default") */
    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    /**
     * @param name the table name (null means "default")
     * @param colSpecs the column specs
     * @throws IllegalArgumentException if two columns have the same name
     */
    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name == null ? DFT_SPEC_NAME : name;
        m_columnSpecs = colSpecs.clone();
        for (int i = 0; i < m_columnSpecs.length; i++) {
            final Integer previous = m_colIndexMap.put(m_columnSpecs[i].getName(), i);
            if (previous != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + m_columnSpecs[i].getName()
                    + "\" at positions " + previous + " and " + i + ".");
            }
        }
    }

    /**
     * @param names the column names
     * @param types the column types, same length as names
     * @throws IllegalArgumentException if the arrays differ in length or two names are equal
     */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DFT_SPEC_NAME, createColumnSpecs(names, types));
    }

    private static DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException(
                "Arrays must have the same length: " + names.length + " vs. " + types.length);
        }
        final DataColumnSpec[] specs = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            specs[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return specs;
    }

    /**
     * @param columnName a column name
     * @return whether a column of that name exists
     */
    public boolean containsName(final String columnName) {
        return findColumnIndex(columnName) >= 0;
    }

    /**
     * @param columnName a column name, may be null
     * @return the column index or -1 if there is no such column
     */
    public int findColumnIndex(final String columnName) {
        if (columnName == null) {
            return -1;
        }
        final Integer index = m_colIndexMap.get(columnName);
        return index == null ? -1 : index;
    }

    /** @return the column names in order */
    public final String[] getColumnNames() {
        final String[] names = new String[m_columnSpecs.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = m_columnSpecs[i].getName();
        }
        return names;
    }

    /**
     * @param index the column index
     * @return the column spec
     * @throws ArrayIndexOutOfBoundsException if the index is out of range
     */
    public DataColumnSpec getColumnSpec(final int index) {
        return m_columnSpecs[index];
    }

    /**
     * @param column the column name
     * @return the column spec or null if there is no such column
     */
    public DataColumnSpec getColumnSpec(final String column) {
        final int index = findColumnIndex(column);
        return index < 0 ? null : m_columnSpecs[index];
    }

    /** @return the table name */
    public String getName() {
        return m_name;
    }

    /** @return the number of columns */
    public int getNumColumns() {
        return m_columnSpecs.length;
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataTableSpec)) {
            return false;
        }
        final DataTableSpec other = (DataTableSpec)obj;
        return m_name.equals(other.m_name) && Arrays.equals(m_columnSpecs, other.m_columnSpecs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_columnSpecs);
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_columnSpecs)).iterator();
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder("name=").append(m_name).append(",columns=[");
        for (int i = 0; i < m_columnSpecs.length; i++) {
            b.append(i > 0 ? "; " : "").append(m_columnSpecs[i].getName());
        }
        return b.append(']').toString();
    }

    /** Spec views are not modelled: no views. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
