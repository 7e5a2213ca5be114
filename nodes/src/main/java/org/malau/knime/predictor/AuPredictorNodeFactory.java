package org.malau.knime.predictor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the AU Predictor node; its description is {@code AuPredictorNodeFactory.xml}. */
public class AuPredictorNodeFactory extends NodeFactory<AuPredictorNodeModel> {

    @Override
    public AuPredictorNodeModel createNodeModel() {
        return new AuPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AuPredictorNodeModel> createNodeView(final int viewIndex, final AuPredictorNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AuPredictorNodeDialog();
    }
}
