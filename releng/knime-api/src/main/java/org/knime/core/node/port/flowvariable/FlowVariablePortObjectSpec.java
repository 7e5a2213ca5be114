package org.knime.core.node.port.flowvariable;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code FlowVariablePortObjectSpec}; semantics implemented in memory for tests: the
 * spec of a flow variable port. The nested serializer is left out.
 */
public final class FlowVariablePortObjectSpec implements PortObjectSpec {

    /** The one instance. */
    public static final FlowVariablePortObjectSpec INSTANCE = new FlowVariablePortObjectSpec();

    private FlowVariablePortObjectSpec() {
    }

    @Override
    public JComponent[] getViews() {
        return null; // NOSONAR KNIME semantics: no views
    }

    @Override
    public String toString() {
        return "Variables connection (spec)";
    }
}
