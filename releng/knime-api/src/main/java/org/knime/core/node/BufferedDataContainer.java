package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/**
 * Compile-only subset of KNIME's {@code BufferedDataContainer}; semantics implemented in memory for tests. Create it
 * with {@link ExecutionContext#createDataContainer(DataTableSpec)}.
 */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_resultTable;

    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    /**
     * @return the table, the same instance on every call
     * @throws IllegalStateException if the container has not been closed yet
     */
    @Override
    public BufferedDataTable getTable() {
        if (m_resultTable == null) {
            m_resultTable = new BufferedDataTable(super.getTable());
        }
        return m_resultTable;
    }
}
