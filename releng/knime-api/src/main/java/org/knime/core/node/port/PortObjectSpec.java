package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/**
 * Compile-only subset of KNIME's {@code PortObjectSpec}; semantics implemented in memory for tests. All abstract
 * methods of the real interface are declared, so node code may implement it. The serializer's registry lookup
 * ({@code Serializer} supertype, {@code getSpecClass()}) is left out.
 */
public interface PortObjectSpec {

    /**
     * Saves and loads port object specs of one class; registered in plugin.xml through {@code org.knime.core.PortType}.
     *
     * @param <T> the spec class
     */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {

        /**
         * @param portObjectSpec the spec to save
         * @param out the stream to write to
         * @throws IOException if writing fails
         */
        public abstract void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException;

        /**
         * @param in the stream to read from
         * @return the loaded spec
         * @throws IOException if reading fails
         */
        public abstract T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException;
    }

    /** @return the views of the spec in the port's output view */
    public JComponent[] getViews();
}
