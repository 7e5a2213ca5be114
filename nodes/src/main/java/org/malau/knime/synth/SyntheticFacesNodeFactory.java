package org.malau.knime.synth;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Synthetic FACS Faces node; its description is {@code SyntheticFacesNodeFactory.xml}. */
public class SyntheticFacesNodeFactory extends NodeFactory<SyntheticFacesNodeModel> {

    @Override
    public SyntheticFacesNodeModel createNodeModel() {
        return new SyntheticFacesNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SyntheticFacesNodeModel> createNodeView(final int viewIndex,
        final SyntheticFacesNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SyntheticFacesNodeDialog();
    }
}
