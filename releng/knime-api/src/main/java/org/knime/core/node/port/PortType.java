package org.knime.core.node.port;

/**
 * Compile-only subset of KNIME's {@code PortType}; semantics implemented in memory for tests.
 */
public final class PortType {

    private final Class<? extends PortObject> m_objectClass;

    private final boolean m_optional;

    /**
     * @param objectClass the class of port objects this port accepts
     * @param isOptional whether the port need not be connected
     * @deprecated as in KNIME; node code should use {@link PortTypeRegistry#getPortType(Class, boolean)}
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        if (objectClass == null) {
            throw new NullPointerException("Port object class must not be null.");
        }
        m_objectClass = objectClass;
        m_optional = isOptional;
    }

    /**
     * @param objectClass the class of port objects this port accepts
     * @deprecated as in KNIME; node code should use constants such as {@code BufferedDataTable.TYPE}
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    /** @return the class of port objects this port accepts */
    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    /** @return whether the port need not be connected */
    public boolean isOptional() {
        return m_optional;
    }

    /**
     * @param subType another port type
     * @return whether an object of {@code subType} can be connected to a port of this type (its object class is this
     *         type's object class or a subclass)
     * @throws NullPointerException if the argument is null
     */
    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    @Override
    public String toString() {
        return m_objectClass.getSimpleName() + (m_optional ? " (optional)" : "");
    }
}
