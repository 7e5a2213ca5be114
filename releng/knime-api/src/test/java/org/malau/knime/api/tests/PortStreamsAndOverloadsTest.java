package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.PortUtil;

/** The port zip streams, the port type registry and NodeModel's port-object overloads with an optional input. */
class PortStreamsAndOverloadsTest {

    /** One required and one optional table in; the default overloads hand them to the table versions. */
    static final class TwoTablesModel extends NodeModel {
        DataTableSpec[] m_seenSpecs;

        TwoTablesModel() {
            super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
                new PortType[]{BufferedDataTable.TYPE});
        }

        PortObjectSpec[] callConfigure(final PortObjectSpec... specs) throws InvalidSettingsException {
            return configure(specs);
        }

        PortObject[] callExecute(final ExecutionContext exec, final PortObject... in) throws Exception {
            return execute(in, exec);
        }

        int inPorts() {
            return getNrInPorts();
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            m_seenSpecs = inSpecs;
            return new DataTableSpec[]{inSpecs[0]};
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec) {
            return new BufferedDataTable[]{inData[0]};
        }

        @Override
        protected void reset() {
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadInternals(final File dir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(final File dir, final ExecutionMonitor exec) {
        }
    }

    @Test
    void portObjectStreamsRoundTripTheirOneEntry() throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            out.write("model".getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals("model".getBytes(StandardCharsets.UTF_8),
            PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray())).readAllBytes());

        final ByteArrayOutputStream specBytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(specBytes)) {
            out.write(1);
        }
        assertEquals(1,
            PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(specBytes.toByteArray())).read());
        // a spec stream is no object stream
        final IOException e = assertThrows(IOException.class,
            () -> PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(specBytes.toByteArray())));
        assertTrue(e.getMessage().contains("'portObject.file'"), e.getMessage());
    }

    @Test
    void registryGivesOneTypePerClassAndOptionality() {
        final PortTypeRegistry r = PortTypeRegistry.getInstance();
        assertSame(r.getPortType(BufferedDataTable.class, true), BufferedDataTable.TYPE_OPTIONAL);
        assertSame(r.getPortType(BufferedDataTable.class), r.getPortType(BufferedDataTable.class, false));
        assertTrue(BufferedDataTable.TYPE_OPTIONAL.isOptional());
        assertFalse(BufferedDataTable.TYPE.isOptional());
        assertEquals(BufferedDataTable.class, BufferedDataTable.TYPE_OPTIONAL.getPortObjectClass());
    }

    @Test
    void defaultOverloadsDelegateToTablesWithNullForAnUnconnectedOptionalPort() throws Exception {
        final TwoTablesModel m = new TwoTablesModel();
        assertEquals(2, m.inPorts());
        final DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("a", StringCell.TYPE).createSpec());
        assertArrayEquals(new PortObjectSpec[]{spec}, m.callConfigure(spec, null));
        assertNull(m.m_seenSpecs[1]);
        assertEquals(0, spec.getViews().length);

        final ExecutionContext exec = TestExec.create();
        final BufferedDataContainer c = exec.createDataContainer(spec);
        c.close();
        final BufferedDataTable table = c.getTable();
        final PortObject[] out = m.callExecute(exec, table, null);
        assertSame(table, out[0]);
        assertEquals(spec, table.getSpec());
        assertEquals("Rows: 0, Cols: 1", table.getSummary());

        // a foreign spec fails as KNIME's default does
        final PortObjectSpec foreign = () -> new javax.swing.JComponent[0];
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> m.callConfigure(foreign, null));
        assertTrue(e.getMessage().contains("Input Port 0 does not hold data table specs"), e.getMessage());
    }
}
