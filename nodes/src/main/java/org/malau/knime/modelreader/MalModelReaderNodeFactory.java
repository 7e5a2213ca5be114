package org.malau.knime.modelreader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the MAL Model Reader node; its description is {@code MalModelReaderNodeFactory.xml}. */
public class MalModelReaderNodeFactory extends NodeFactory<MalModelReaderNodeModel> {

    @Override
    public MalModelReaderNodeModel createNodeModel() {
        return new MalModelReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<MalModelReaderNodeModel> createNodeView(final int viewIndex, final MalModelReaderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MalModelReaderNodeDialog();
    }
}
