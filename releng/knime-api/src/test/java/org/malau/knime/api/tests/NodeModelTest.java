package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Drives a small classic node the way the project's node tests will. */
class NodeModelTest {

    /** Keeps rows whose value in the selected column is at least a threshold. */
    static final class ThresholdModel extends NodeModel {
        final SettingsModelString m_column = new SettingsModelString("column", null);

        final SettingsModelDoubleBounded m_min = new SettingsModelDoubleBounded("min", 0, -100, 100);

        ThresholdModel() {
            super(1, 1);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
            final DataTableSpec in = inSpecs[0];
            final int idx = in.findColumnIndex(m_column.getStringValue());
            if (idx < 0 || !in.getColumnSpec(idx).getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("No numeric column \"" + m_column.getStringValue() + "\"");
            }
            return new DataTableSpec[]{in};
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws CanceledExecutionException {
            final BufferedDataTable in = inData[0];
            final int idx = in.getDataTableSpec().findColumnIndex(m_column.getStringValue());
            final BufferedDataContainer out = exec.createDataContainer(in.getDataTableSpec());
            long done = 0;
            int skippedMissing = 0;
            for (DataRow row : in) {
                exec.checkCanceled();
                final DataCell cell = row.getCell(idx);
                if (cell.isMissing()) {
                    skippedMissing++;
                } else if (((DoubleValue)cell).getDoubleValue() >= m_min.getDoubleValue()) {
                    out.addRowToTable(row);
                }
                exec.setProgress(++done / (double)in.size(), "Row " + done);
            }
            out.close();
            if (skippedMissing > 0) {
                setWarningMessage(skippedMissing + " missing value(s) skipped");
            }
            return new BufferedDataTable[]{out.getTable()};
        }

        String warning() {
            return getWarningMessage();
        }

        int outPorts() {
            return getNrOutPorts();
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            m_column.saveSettingsTo(settings);
            m_min.saveSettingsTo(settings);
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_column.validateSettings(settings);
            m_min.validateSettings(settings);
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_column.loadSettingsFrom(settings);
            m_min.loadSettingsFrom(settings);
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
            setWarningMessage(null);
        }
    }

    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("id", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("v", DoubleCell.TYPE).createSpec());

    private static BufferedDataTable input(final ExecutionContext exec) {
        final BufferedDataContainer c = exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("r0", new StringCell("a"), new DoubleCell(1)));
        c.addRowToTable(new DefaultRow("r1", new StringCell("b"), new DoubleCell(5)));
        c.addRowToTable(new DefaultRow("r2", new StringCell("c"), DataType.getMissingCell()));
        c.addRowToTable(new DefaultRow("r3", new StringCell("d"), new DoubleCell(7)));
        c.close();
        return c.getTable();
    }

    private static ThresholdModel configured(final double min) throws InvalidSettingsException {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelString("column", "v").saveSettingsTo(s);
        new SettingsModelDoubleBounded("min", min, -100, 100).saveSettingsTo(s);
        final ThresholdModel m = new ThresholdModel();
        m.validateSettings(s);
        m.loadValidatedSettingsFrom(s);
        return m;
    }

    @Test
    void configureAndExecuteThroughThePublicApi() throws Exception {
        final ThresholdModel m = configured(5);
        assertEquals(1, m.outPorts());
        assertArrayEquals(new DataTableSpec[]{SPEC}, m.configure(new DataTableSpec[]{SPEC}));
        final DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        final ExecutionContext exec = TestExec.create(mon);
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{input(exec)}, exec)[0];
        assertEquals(2, out.size());
        assertEquals("1 missing value(s) skipped", m.warning());
        assertEquals(1.0, mon.getProgress());
        assertEquals("Row 4", mon.getMessage());
        m.reset();
        assertNull(m.warning());
    }

    @Test
    void configureRejectsUnknownColumn() throws InvalidSettingsException {
        final ThresholdModel m = configured(0);
        final DataTableSpec other = new DataTableSpec(new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec());
        assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[]{other}));
    }

    @Test
    void invalidSettingsAreRejectedBeforeLoading() {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelString("column", "v").saveSettingsTo(s);
        new SettingsModelDoubleBounded("min", 0, -1000, 1000).saveSettingsTo(s);
        s.addDouble("min", 500);
        assertThrows(InvalidSettingsException.class, () -> new ThresholdModel().validateSettings(s));
    }

    @Test
    void cancelStopsExecution() throws Exception {
        final ThresholdModel m = configured(0);
        final DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        final ExecutionContext exec = TestExec.create(mon);
        final BufferedDataTable in = input(exec);
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> m.execute(new BufferedDataTable[]{in}, exec));
    }

    /** Overrides neither configure nor execute, to see KNIME's defaults. */
    static final class PlainModel extends NodeModel {
        PlainModel(final int in, final int out) {
            super(in, out);
        }

        @Override
        protected void loadInternals(final File d, final ExecutionMonitor e) {
            // test double
        }

        @Override
        protected void saveInternals(final File d, final ExecutionMonitor e) {
            // test double
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO s) {
            // test double
        }

        @Override
        protected void validateSettings(final NodeSettingsRO s) {
            // test double
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO s) {
            // test double
        }

        @Override
        protected void reset() {
            // test double
        }

        DataTableSpec[] callConfigure() throws InvalidSettingsException {
            return configure(new DataTableSpec[]{SPEC});
        }

        BufferedDataTable[] callExecute() throws Exception {
            return execute(new BufferedDataTable[0], TestExec.create());
        }

        int inPorts() {
            return getNrInPorts();
        }
    }

    @Test
    void defaultConfigureAndExecuteFailLikeKnimes() {
        final PlainModel plain = new PlainModel(2, 0);
        assertEquals(2, plain.inPorts());
        assertThrows(InvalidSettingsException.class, plain::callConfigure);
        assertThrows(IOException.class, plain::callExecute);
        assertThrows(NegativeArraySizeException.class, () -> new PlainModel(-1, 0));
    }
}
