package org.knime.core.node;

/**
 * Compile-only subset of KNIME's {@code AbstractNodeView}; semantics implemented in memory for tests. The real class's
 * abstract {@code callOpenView}/{@code callCloseView} are left out; node views extend {@link NodeView}, which
 * implements them in KNIME.
 *
 * @param <T> the viewed model type
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    private final T m_viewableModel;

    /**
     * @param viewableModel the model to view
     * @throws IllegalArgumentException if the model is null
     */
    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new IllegalArgumentException("Node model must not be null");
        }
        m_viewableModel = viewableModel;
    }

    /** @return the viewed model */
    protected final T getViewableModel() {
        return m_viewableModel;
    }

    /** Called when the model has changed. */
    protected abstract void modelChanged();

    /** Compile-only subset of KNIME's {@code AbstractNodeView.ViewableModel}; a marker for viewable models. */
    public static interface ViewableModel {
    }
}
