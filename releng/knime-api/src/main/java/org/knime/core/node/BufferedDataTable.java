package org.knime.core.node;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Compile-only subset of KNIME's {@code BufferedDataTable}; semantics implemented in memory for tests. Tables are
 * immutable and can be iterated any number of times.
 */
public final class BufferedDataTable implements DataTable, PortObject {

    /** The port type of data tables. */
    @SuppressWarnings("deprecation")
    public static final PortType TYPE = new PortType(BufferedDataTable.class);

    /** The port type of optional data table inputs. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final DataTable m_delegate;

    private final long m_size;

    BufferedDataTable(final DataTable delegate) {
        m_delegate = delegate;
        long size = 0;
        for (RowIterator it = delegate.iterator(); it.hasNext(); it.next()) {
            size++;
        }
        m_size = size;
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_delegate.getDataTableSpec();
    }

    @Override
    public CloseableRowIterator iterator() {
        final RowIterator it = m_delegate.iterator();
        return new CloseableRowIterator() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public DataRow next() {
                return it.next();
            }

            @Override
            public void close() {
                // nothing to release in memory
            }
        };
    }

    /** @return the number of rows */
    public long size() {
        return m_size;
    }

    @Override
    public DataTableSpec getSpec() {
        return getDataTableSpec();
    }

    @Override
    public String getSummary() {
        return "Rows: " + size() + ", Cols: " + getSpec().getNumColumns();
    }

    /** Table views are not modelled: no views. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
