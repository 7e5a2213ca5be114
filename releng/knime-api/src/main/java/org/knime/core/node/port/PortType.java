package org.knime.core.node.port;

/**
 * Compile-only subset of KNIME's {@code PortType}; semantics implemented in memory for tests.
 */
public final class PortType {

    private final Class<? extends PortObject> m_objectClass;

    /**
     * @param objectClass the class of port objects this port accepts
     * @deprecated as in KNIME; node code should use constants such as {@code BufferedDataTable.TYPE}
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        if (objectClass == null) {
            throw new NullPointerException("Port object class must not be null.");
        }
        m_objectClass = objectClass;
    }

    @Override
    public String toString() {
        return m_objectClass.getSimpleName();
    }
}
