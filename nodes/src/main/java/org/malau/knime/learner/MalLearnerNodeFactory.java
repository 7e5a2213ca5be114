package org.malau.knime.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the MAL Learner node; its description is {@code MalLearnerNodeFactory.xml}. */
public class MalLearnerNodeFactory extends NodeFactory<MalLearnerNodeModel> {

    @Override
    public MalLearnerNodeModel createNodeModel() {
        return new MalLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<MalLearnerNodeModel> createNodeView(final int viewIndex, final MalLearnerNodeModel nodeModel) {
        return new MalLearnerNodeView(nodeModel);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MalLearnerNodeDialog();
    }
}
