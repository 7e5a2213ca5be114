package org.malau.knime.weightviewer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Sample Weight Viewer node; its description is {@code SampleWeightViewerNodeFactory.xml}. */
public class SampleWeightViewerNodeFactory extends NodeFactory<SampleWeightViewerNodeModel> {

    @Override
    public SampleWeightViewerNodeModel createNodeModel() {
        return new SampleWeightViewerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<SampleWeightViewerNodeModel> createNodeView(final int viewIndex,
        final SampleWeightViewerNodeModel nodeModel) {
        return new SampleWeightViewerNodeView(nodeModel);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SampleWeightViewerNodeDialog();
    }
}
