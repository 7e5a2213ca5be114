package org.knime.core.node;

/**
 * Compile-only subset of KNIME's {@code NodeFactory}; semantics implemented in memory for tests. All abstract methods
 * of the real class are declared, so that factories compiled against the subset implement everything KNIME calls.
 *
 * @param <T> the node model type
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** Creates the factory. */
    protected NodeFactory() {
        // the real constructor reads the node description; there is none here
    }

    /** @return a new node model */
    public abstract T createNodeModel();

    /** @return the number of classic views */
    protected abstract int getNrNodeViews();

    /**
     * @param viewIndex the view index
     * @param nodeModel the model to show
     * @return a new view
     */
    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    /** @return whether the node has a dialog */
    protected abstract boolean hasDialog();

    /** @return a new dialog, or null if there is none */
    protected abstract NodeDialogPane createNodeDialogPane();
}
