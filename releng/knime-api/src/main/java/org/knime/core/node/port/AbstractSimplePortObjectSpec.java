package org.knime.core.node.port;

/**
 * Compile-only subset of KNIME's {@code AbstractSimplePortObjectSpec}; semantics implemented in memory for tests. The
 * real class also declares the abstract {@code save}/{@code load} methods (model content), content-based
 * {@code equals}/{@code hashCode}, a default {@code getViews} and its nested serializer, which the MAL nodes do not
 * call; they are left out here.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    /** Framework constructor, as in KNIME. */
    public AbstractSimplePortObjectSpec() {
    }
}
