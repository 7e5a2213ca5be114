package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

/**
 * Compile-only subset of KNIME's {@code ExecutionContext}; semantics implemented in memory for tests. Tables are kept
 * in memory; memory policies, file stores and table repositories are not modelled.
 */
public class ExecutionContext extends ExecutionMonitor {

    private final Node m_node;

    /**
     * @param progMon the monitor to report to
     * @param node the node owning the tables created through this context
     * @throws NullPointerException if the node is null
     * @deprecated as in KNIME; it is the public constructor that needs the fewest framework types, which is why tests
     *             use it
     */
    @Deprecated
    public ExecutionContext(final NodeProgressMonitor progMon, final Node node) {
        super(progMon);
        if (node == null) {
            throw new NullPointerException("Node must not be null.");
        }
        m_node = node;
    }

    /**
     * @param spec the spec of the table to build
     * @return a new, open container
     * @throws NullPointerException if the spec is null
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    /**
     * @param maxProg the share of this context's progress the sub context covers, in [0, 1]
     * @return a context that reports scaled progress to this one and shares its cancel state
     * @throws IllegalArgumentException if maxProg is outside [0, 1]
     */
    @SuppressWarnings("deprecation")
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSubProgressMonitor(maxProg), m_node);
    }
}
