package org.knime.core.node;

/**
 * Compile-only subset of KNIME's {@code Node}; semantics implemented in memory for tests. It exists so that tests can
 * build an {@link ExecutionContext} through KNIME's public constructor.
 */
public final class Node {

    private final NodeModel m_model;

    /**
     * Creates the node and, as KNIME does, its model through the factory.
     *
     * @param nodeFactory the factory
     * @throws IllegalArgumentException if the factory is null
     */
    public Node(final NodeFactory<NodeModel> nodeFactory) {
        if (nodeFactory == null) {
            throw new IllegalArgumentException("NodeFactory must not be null.");
        }
        m_model = nodeFactory.createNodeModel();
    }

    NodeModel model() {
        return m_model;
    }
}
