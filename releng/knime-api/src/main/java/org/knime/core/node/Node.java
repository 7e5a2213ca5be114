package org.knime.core.node;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.flowvariable.FlowVariablePortObject;

/**
 * Compile-only subset of KNIME's {@code Node}; semantics implemented in memory for tests. It exists so that tests can
 * build an {@link ExecutionContext} through KNIME's public constructor, and drive a node model as KNIME's own
 * executors do (settings in the {@code model} child, configure, execute, port types with the implicit flow variable
 * port at index 0).
 */
public final class Node {

    /** Config key of a node's model settings in its {@code settings.xml}. */
    public static final String CFG_MODEL = "model";

    /** Config key of a node's flow variable settings in its {@code settings.xml}. */
    public static final String CFG_VARIABLES = "variables";

    /** Config key of the node container's own settings (memory policy) in {@code settings.xml}. */
    public static final String CFG_MISC_SETTINGS = "internal_node_subsettings";

    private static final NodeLogger LOGGER = NodeLogger.getLogger(Node.class);

    private final NodeFactory<NodeModel> m_factory;

    private final NodeModel m_model;

    /**
     * Creates the node and, as KNIME does, its model through the factory.
     *
     * @param nodeFactory the factory
     * @throws IllegalArgumentException if the factory is null
     */
    public Node(final NodeFactory<NodeModel> nodeFactory) {
        if (nodeFactory == null) {
            throw new IllegalArgumentException("NodeFactory must not be null.");
        }
        m_factory = nodeFactory;
        m_model = nodeFactory.createNodeModel();
    }

    NodeModel model() {
        return m_model;
    }

    /** @return the factory that created this node */
    public NodeFactory<NodeModel> getFactory() {
        return m_factory;
    }

    /** @return the node model */
    public NodeModel getNodeModel() {
        return m_model;
    }

    /** @return the number of input ports, the implicit flow variable port (index 0) included */
    public int getNrInPorts() {
        return m_model.getNrInPorts() + 1;
    }

    /** @return the number of output ports, the implicit flow variable port (index 0) included */
    public int getNrOutPorts() {
        return m_model.getNrOutPorts() + 1;
    }

    /**
     * @param index port index; 0 is the implicit, optional flow variable port
     * @return the input port's type
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public PortType getInputType(final int index) {
        if (index == 0) {
            return FlowVariablePortObject.TYPE_OPTIONAL;
        }
        return m_model.getInPortType(index - 1);
    }

    /**
     * @param index port index; 0 is the implicit flow variable port
     * @return the output port's type
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public PortType getOutputType(final int index) {
        if (index == 0) {
            return FlowVariablePortObject.TYPE_OPTIONAL;
        }
        return m_model.getOutPortType(index - 1);
    }

    /**
     * Saves the model's settings into a child {@value #CFG_MODEL} of the argument, as a node's {@code settings.xml}
     * holds them. A failing model is logged, not thrown, as in KNIME.
     *
     * @param modelSettings the settings to add the model child to
     */
    public void saveSettingsTo(final NodeSettingsWO modelSettings) {
        final NodeSettingsWO model = modelSettings.addNodeSettings(CFG_MODEL);
        try {
            m_model.saveSettingsTo(model);
        } catch (Exception e) { // NOSONAR KNIME logs whatever the model throws
            LOGGER.error("Could not save model", e);
        }
    }

    /**
     * Validates the child {@value #CFG_MODEL} of the argument with the model's {@code validateSettings} and then loads
     * it with {@code loadValidatedSettingsFrom}, as KNIME does when it loads a node from its {@code settings.xml}.
     *
     * @param modelSettings settings with a {@value #CFG_MODEL} child
     * @throws InvalidSettingsException if the child is missing, or the model rejects it
     */
    public void loadSettingsFrom(final NodeSettingsRO modelSettings) throws InvalidSettingsException {
        try {
            final NodeSettingsRO model = modelSettings.getNodeSettings(CFG_MODEL);
            m_model.validateSettings(model);
            m_model.loadValidatedSettingsFrom(model);
        } catch (InvalidSettingsException e) {
            throw e;
        } catch (Exception e) { // NOSONAR KNIME turns anything else into a settings error
            throw new InvalidSettingsException(
                "Loading model settings failed, caught \"" + e.getClass().getSimpleName() + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Calls the model's {@code configure}.
     *
     * @param inSpecs the input specs, without the flow variable port; null for an unconnected optional port
     * @return the output specs, without the flow variable port
     * @throws InvalidSettingsException if the model cannot be configured
     */
    public PortObjectSpec[] invokeNodeModelConfigure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return m_model.configure(inSpecs);
    }

    /**
     * Calls the model's {@code execute} and checks the result as KNIME does: one object per output port, none null.
     *
     * @param exec the execution context
     * @param inData the input objects, without the flow variable port; null for an unconnected optional port
     * @return the output objects, without the flow variable port
     * @throws Exception whatever the model throws
     */
    public PortObject[] invokeNodeModelExecute(final ExecutionContext exec, final PortObject[] inData)
        throws Exception {
        for (int i = 0; i < inData.length; i++) {
            final PortType type = m_model.getInPortType(i);
            if (!(inData[i] == null && type.isOptional()) && !type.getPortObjectClass().isInstance(inData[i])) {
                throw new IllegalStateException("Connection Error: Mismatch of input port types (port " + i + ").");
            }
        }
        final PortObject[] out = m_model.execute(inData, exec);
        if (out == null || out.length != m_model.getNrOutPorts()) {
            throw new IllegalStateException("Invalid result. Execution failed, reason: "
                + m_model.getClass().getSimpleName() + " returned null or an incorrect number of output tables.");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException(
                    "Invalid result. Execution failed, reason: data at output " + i + " is null.");
            }
        }
        return out;
    }
}
