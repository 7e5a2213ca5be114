package org.malau.knime.modelwriter;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the MAL Model Writer node; its description is {@code MalModelWriterNodeFactory.xml}. */
public class MalModelWriterNodeFactory extends NodeFactory<MalModelWriterNodeModel> {

    @Override
    public MalModelWriterNodeModel createNodeModel() {
        return new MalModelWriterNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<MalModelWriterNodeModel> createNodeView(final int viewIndex, final MalModelWriterNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MalModelWriterNodeDialog();
    }
}
