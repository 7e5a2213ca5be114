package org.malau.knime.expressions;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Facial Expressions node; its description is {@code FacialExpressionsNodeFactory.xml}. */
public class FacialExpressionsNodeFactory extends NodeFactory<FacialExpressionsNodeModel> {

    @Override
    public FacialExpressionsNodeModel createNodeModel() {
        return new FacialExpressionsNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<FacialExpressionsNodeModel> createNodeView(final int viewIndex,
        final FacialExpressionsNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new FacialExpressionsNodeDialog();
    }
}
