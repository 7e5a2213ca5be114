package org.malau.knime.aureader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the AU Data Set Reader node; its description is {@code AuDatasetReaderNodeFactory.xml}. */
public class AuDatasetReaderNodeFactory extends NodeFactory<AuDatasetReaderNodeModel> {

    @Override
    public AuDatasetReaderNodeModel createNodeModel() {
        return new AuDatasetReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AuDatasetReaderNodeModel> createNodeView(final int viewIndex,
        final AuDatasetReaderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AuDatasetReaderNodeDialog();
    }
}
