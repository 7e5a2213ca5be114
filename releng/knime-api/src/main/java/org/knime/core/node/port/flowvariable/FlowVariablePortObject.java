package org.knime.core.node.port.flowvariable;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Compile-only subset of KNIME's {@code FlowVariablePortObject}; semantics implemented in memory for tests: the
 * object of a flow variable port, which carries no data (the variables travel with the node's flow object stack).
 * The nested serializer is left out.
 */
public class FlowVariablePortObject implements PortObject {

    /** Type of a flow variable port. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(FlowVariablePortObject.class);

    /** Type of an optional flow variable port, e.g. every node's implicit port 0. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(FlowVariablePortObject.class, true);

    /** The one instance. */
    public static final FlowVariablePortObject INSTANCE = new FlowVariablePortObject();

    private FlowVariablePortObject() {
    }

    @Override
    public PortObjectSpec getSpec() {
        return FlowVariablePortObjectSpec.INSTANCE;
    }

    @Override
    public String getSummary() {
        return "Variables connection";
    }

    @Override
    public JComponent[] getViews() {
        return null; // NOSONAR KNIME semantics: no views
    }

    @Override
    public String toString() {
        return getSummary();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj != null && getClass().equals(obj.getClass());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
