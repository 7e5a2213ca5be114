package org.knime.core.node.port;

/**
 * Compile-only subset of KNIME's {@code AbstractPortObject}; semantics implemented in memory for tests. The real
 * class also declares the abstract {@code save}/{@code load} methods (zip streams) and its nested serializer, which
 * the MAL nodes do not call; they are left out here.
 */
public abstract class AbstractPortObject implements PortObject {

    /** Framework constructor, as in KNIME. */
    public AbstractPortObject() {
    }
}
