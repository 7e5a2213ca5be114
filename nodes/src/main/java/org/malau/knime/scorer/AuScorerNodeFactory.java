package org.malau.knime.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the AU Scorer node; its description is {@code AuScorerNodeFactory.xml}. */
public class AuScorerNodeFactory extends NodeFactory<AuScorerNodeModel> {

    @Override
    public AuScorerNodeModel createNodeModel() {
        return new AuScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AuScorerNodeModel> createNodeView(final int viewIndex, final AuScorerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AuScorerNodeDialog();
    }
}
