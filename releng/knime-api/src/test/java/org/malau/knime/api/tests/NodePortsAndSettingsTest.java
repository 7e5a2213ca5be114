package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.flowvariable.FlowVariablePortObject;
import org.knime.core.node.port.flowvariable.FlowVariablePortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * {@link Node} as KNIME's executors use it: ports with the implicit flow variable port at index 0, model settings in
 * the {@code model} child of a node's settings, configure and execute through the node.
 */
class NodePortsAndSettingsTest {

    /** A table and an optional table in, an image out; one bounded setting; execute returns what it is told to. */
    static final class TwoInOneOut extends NodeModel {
        int m_limit = 3;

        PortObject[] m_result;

        TwoInOneOut() {
            super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
                new PortType[]{ImagePortObject.TYPE});
        }

        @Override
        protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
            if (inSpecs[0] == null) {
                throw new InvalidSettingsException("first input missing");
            }
            return new PortObjectSpec[]{null};
        }

        @Override
        protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) {
            return m_result;
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            settings.addInt("limit", m_limit);
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            if (settings.getInt("limit") < 1) {
                throw new InvalidSettingsException("limit must be at least 1");
            }
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_limit = settings.getInt("limit");
        }

        @Override
        protected void loadInternals(final File dir, final ExecutionMonitor exec) {
            // stateless
        }

        @Override
        protected void saveInternals(final File dir, final ExecutionMonitor exec) {
            // stateless
        }

        @Override
        protected void reset() {
            // stateless
        }
    }

    static final class Factory extends TestExec.ViewlessFactory {
        @Override
        public NodeModel createNodeModel() {
            return new TwoInOneOut();
        }
    }

    @Test
    void portsCountTheImplicitFlowVariablePort() {
        final Node node = new Node(new Factory());
        assertEquals(3, node.getNrInPorts());
        assertEquals(2, node.getNrOutPorts());
        assertSame(FlowVariablePortObject.TYPE_OPTIONAL, node.getInputType(0));
        assertSame(FlowVariablePortObject.TYPE_OPTIONAL, node.getOutputType(0));
        assertSame(BufferedDataTable.TYPE, node.getInputType(1));
        assertTrue(node.getInputType(2).isOptional());
        assertSame(ImagePortObject.TYPE, node.getOutputType(1));
        assertThrows(IndexOutOfBoundsException.class, () -> node.getInputType(3));
        assertTrue(node.getNodeModel() instanceof TwoInOneOut);
        assertTrue(node.getFactory() instanceof Factory);
    }

    @Test
    void portTypesKnowTheirSubtypes() {
        assertTrue(BufferedDataTable.TYPE.isSuperTypeOf(BufferedDataTable.TYPE_OPTIONAL));
        assertFalse(BufferedDataTable.TYPE.isSuperTypeOf(ImagePortObject.TYPE));
        assertFalse(FlowVariablePortObject.TYPE_OPTIONAL.isSuperTypeOf(BufferedDataTable.TYPE));
        assertTrue(FlowVariablePortObject.TYPE_OPTIONAL.isSuperTypeOf(FlowVariablePortObject.TYPE));
        assertSame(FlowVariablePortObjectSpec.INSTANCE, FlowVariablePortObject.INSTANCE.getSpec());
        assertNull(FlowVariablePortObject.INSTANCE.getViews());
    }

    @Test
    void settingsLiveInTheModelChildAndAreValidatedBeforeLoading() throws Exception {
        final Node node = new Node(new Factory());
        final NodeSettings s = new NodeSettings("settings.xml");
        node.saveSettingsTo(s);
        assertEquals(3, s.getNodeSettings(Node.CFG_MODEL).getInt("limit"));
        s.getNodeSettings(Node.CFG_MODEL).addInt("limit", 7);
        node.loadSettingsFrom(s);
        assertEquals(7, ((TwoInOneOut)node.getNodeModel()).m_limit);

        s.getNodeSettings(Node.CFG_MODEL).addInt("limit", 0);
        final InvalidSettingsException bad = assertThrows(InvalidSettingsException.class, () -> node.loadSettingsFrom(s));
        assertTrue(bad.getMessage().contains("at least 1"));
        assertEquals(7, ((TwoInOneOut)node.getNodeModel()).m_limit, "rejected settings are not loaded");
        assertThrows(InvalidSettingsException.class, () -> node.loadSettingsFrom(new NodeSettings("settings.xml")),
            "no model child");
    }

    @Test
    void configureAndExecuteGoThroughTheNodeWithResultChecks() throws Exception {
        final Node node = new Node(new Factory());
        assertThrows(InvalidSettingsException.class,
            () -> node.invokeNodeModelConfigure(new PortObjectSpec[]{null, null}));
        assertEquals(1, node.invokeNodeModelConfigure(new PortObjectSpec[]{new DataTableSpec(), null}).length);
        final ExecutionContext exec = TestExec.create();
        final var container = exec.createDataContainer(new DataTableSpec());
        container.close();
        final BufferedDataTable table = container.getTable();
        final TwoInOneOut model = (TwoInOneOut)node.getNodeModel();
        model.m_result = new PortObject[]{null};
        assertThrows(IllegalStateException.class,
            () -> node.invokeNodeModelExecute(exec, new PortObject[]{table, null}), "a null output");
        final ImagePortObject image = new ImagePortObject();
        model.m_result = new PortObject[]{image};
        assertSame(image, node.invokeNodeModelExecute(exec, new PortObject[]{table, null})[0]);
        assertThrows(IllegalStateException.class,
            () -> node.invokeNodeModelExecute(exec, new PortObject[]{image, null}), "an image into a table port");
    }
}
