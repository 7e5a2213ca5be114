package org.knime.core.node;

import java.awt.Component;

/**
 * Compile-only subset of KNIME's {@code NodeView}; semantics implemented in memory for tests: no window is created,
 * the view only holds its component. The real class also implements {@code NodeModelWarningListener}; that is left
 * out here.
 *
 * @param <T> the node model type
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    private Component m_comp;

    /**
     * @param nodeModel the model to view
     * @throws IllegalArgumentException if the model is null
     */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    /** @return the viewed model */
    protected T getNodeModel() {
        return getViewableModel();
    }

    /** Called when the view is closed. */
    protected abstract void onClose();

    /** Called when the view is opened. */
    protected abstract void onOpen();

    /** @return the component set last, or null */
    protected final Component getComponent() {
        return m_comp;
    }

    /** @param comp the component to show */
    protected final void setComponent(final Component comp) {
        m_comp = comp;
    }
}
