package org.knime.core.node.port;

import java.util.HashMap;
import java.util.Map;

/**
 * Compile-only subset of KNIME's {@code PortTypeRegistry}; semantics implemented in memory for tests: one port type
 * per class and optionality. Registered port types (extension point {@code org.knime.core.PortType}, with their
 * names, colours and serializers) are not modelled.
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<Class<? extends PortObject>, PortType> m_required = new HashMap<>();

    private final Map<Class<? extends PortObject>, PortType> m_optional = new HashMap<>();

    private PortTypeRegistry() {
    }

    /** @return the single instance */
    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    /**
     * @param portClass any port object class
     * @return the required port type of that class
     */
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    /**
     * @param portClass any port object class
     * @param isOptional true for an optional port
     * @return the port type, the same instance on every call
     */
    @SuppressWarnings("deprecation")
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        if (portClass == null) {
            throw new NullPointerException("Port object class must not be null.");
        }
        return (isOptional ? m_optional : m_required).computeIfAbsent(portClass, c -> new PortType(c, isOptional));
    }
}
