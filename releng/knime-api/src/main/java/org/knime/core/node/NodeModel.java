package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.AbstractNodeView.ViewableModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Compile-only subset of KNIME's {@code NodeModel}; semantics implemented in memory for tests. The classic,
 * table-based API plus the port-object overloads of {@code configure} and {@code execute}, whose defaults delegate
 * to the table versions as in KNIME.
 */
public abstract class NodeModel implements ViewableModel {

    private final NodeLogger m_logger;

    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private String m_warningMessage;

    /** Flow variables this node pushed (its outgoing stack), by name; only double values are modelled. */
    private final Map<String, Object> m_outgoingFlowVariables = new LinkedHashMap<>();

    /**
     * @param nrInDataPorts number of input data tables
     * @param nrOutDataPorts number of output data tables
     * @throws NegativeArraySizeException if a number is negative
     */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(dataPorts(nrInDataPorts), dataPorts(nrOutDataPorts));
    }

    private static PortType[] dataPorts(final int count) {
        final PortType[] types = new PortType[count];
        Arrays.fill(types, BufferedDataTable.TYPE);
        return types;
    }

    /**
     * @param inPortTypes input port types, null means none
     * @param outPortTypes output port types, null means none
     * @throws IllegalArgumentException if an element is null
     */
    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_logger = NodeLogger.getLogger(getClass());
        m_inPortTypes = checkPorts(inPortTypes, "InPortType");
        m_outPortTypes = checkPorts(outPortTypes, "OutPortType");
    }

    private static PortType[] checkPorts(final PortType[] types, final String what) {
        if (types == null) {
            return new PortType[0];
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new IllegalArgumentException(what + "[" + i + "] must not be null!");
            }
        }
        return types.clone();
    }

    /**
     * @param nodeInternDir directory to read internals from
     * @param exec for progress and cancelling
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if cancelled
     */
    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * @param nodeInternDir directory to write internals to
     * @param exec for progress and cancelling
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if cancelled
     */
    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** @return the number of input ports */
    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    /** @return the number of output ports */
    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    /**
     * @param index index of the input port
     * @return its type, as given to the constructor
     * @throws IndexOutOfBoundsException if the index is invalid
     */
    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    /**
     * @param index index of the output port
     * @return its type, as given to the constructor
     * @throws IndexOutOfBoundsException if the index is invalid
     */
    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    /** @param settings to write the current settings to */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    /**
     * @param settings the settings to check, without applying them
     * @throws InvalidSettingsException if they are incomplete or invalid
     */
    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings validated settings to apply
     * @throws InvalidSettingsException if they cannot be applied
     */
    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * Classic nodes override this; the default fails as KNIME's does.
     *
     * @param inData the input tables
     * @param exec for progress, cancelling and creating tables
     * @return the output tables
     * @throws Exception if execution fails
     */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    /**
     * Nodes with non-table ports override this; the default casts to tables and calls the table version, as KNIME's.
     *
     * @param inObjects the input objects (null for an unconnected optional port)
     * @param exec for progress, cancelling and creating tables
     * @return the output objects
     * @throws Exception if execution fails
     */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException("Input port " + i + " does not hold a BufferedDataTable. "
                    + "Likely reason: wrong version of NodeModel.execute() overwritten!");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    /**
     * Nodes with non-table ports override this; the default casts to table specs and calls the table version, as
     * KNIME's.
     *
     * @param inSpecs the input specs (null for an unconnected optional port)
     * @return the output specs (null elements if unknown)
     * @throws InvalidSettingsException if settings and inputs do not fit
     */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of NodeModel.configure() overwritten!");
            }
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    /** Drops results and internal state (but not settings). */
    protected abstract void reset();

    /**
     * Classic nodes override this; the default fails as KNIME's does.
     *
     * @param inSpecs the input table specs
     * @return the output table specs (null elements if unknown)
     * @throws InvalidSettingsException if settings and inputs do not fit
     */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /** @param warningMessage the warning to show on the node, null to clear it */
    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    /** @return the warning last set, or null */
    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    /** @return the logger of this node's class */
    protected final NodeLogger getLogger() {
        return m_logger;
    }

    /**
     * Puts a double flow variable onto the node's outgoing stack; a variable of the same name is overwritten.
     *
     * @param name the variable's name
     * @param value its value
     * @throws NullPointerException if the name is null
     */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        if (name == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_outgoingFlowVariables.put(name, value);
    }

    /**
     * @param name the variable's name
     * @return the value of the double variable of that name (only the variables this node pushed are modelled)
     * @throws NullPointerException if the name is null
     * @throws java.util.NoSuchElementException if there is no double variable of that name
     */
    public final double peekFlowVariableDouble(final String name) {
        if (name == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        if (m_outgoingFlowVariables.get(name) instanceof Double d) {
            return d;
        }
        throw new NoSuchElementException("No such variable \"" + name + "\" of type DOUBLE");
    }
}
