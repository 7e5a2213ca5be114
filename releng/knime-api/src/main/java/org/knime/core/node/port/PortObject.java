package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Compile-only subset of KNIME's {@code PortObject}; semantics implemented in memory for tests. All abstract methods
 * of the real interface are declared, so node code may implement it. The {@code TYPE}/{@code TYPE_OPTIONAL} constants
 * and the serializers' registry lookup ({@code Serializer} supertype, {@code getObjectClass()}) are left out.
 */
public interface PortObject {

    /**
     * Saves and loads port objects of one class; registered in plugin.xml through {@code org.knime.core.PortType}.
     *
     * @param <T> the port object class
     */
    abstract static class PortObjectSerializer<T extends PortObject> {

        /**
         * @param portObject the object to save
         * @param out the stream to write to
         * @param exec for progress and cancelling
         * @throws IOException if writing fails
         * @throws CanceledExecutionException if cancelled
         */
        public abstract void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException;

        /**
         * @param in the stream to read from
         * @param spec the spec loaded before
         * @param exec for progress and cancelling
         * @return the loaded object
         * @throws IOException if reading fails
         * @throws CanceledExecutionException if cancelled
         */
        public abstract T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException;
    }

    /** @return a short summary shown in the port's tooltip */
    String getSummary();

    /** @return the spec of this object */
    PortObjectSpec getSpec();

    /** @return the views of the port's output view */
    public JComponent[] getViews();
}
