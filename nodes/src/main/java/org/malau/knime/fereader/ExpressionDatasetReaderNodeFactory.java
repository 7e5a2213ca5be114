package org.malau.knime.fereader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Expression Data Set Reader node; its description is {@code ExpressionDatasetReaderNodeFactory.xml}. */
public class ExpressionDatasetReaderNodeFactory extends NodeFactory<ExpressionDatasetReaderNodeModel> {

    @Override
    public ExpressionDatasetReaderNodeModel createNodeModel() {
        return new ExpressionDatasetReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ExpressionDatasetReaderNodeModel> createNodeView(final int viewIndex,
        final ExpressionDatasetReaderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ExpressionDatasetReaderNodeDialog();
    }
}
