package org.malau.knime.aligner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Face Aligner node; its description is {@code FaceAlignerNodeFactory.xml}. */
public class FaceAlignerNodeFactory extends NodeFactory<FaceAlignerNodeModel> {

    @Override
    public FaceAlignerNodeModel createNodeModel() {
        return new FaceAlignerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<FaceAlignerNodeModel> createNodeView(final int viewIndex, final FaceAlignerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new FaceAlignerNodeDialog();
    }
}
