package org.malau.knime.weightviewer;

import java.awt.image.BufferedImage;

import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.SwingConstants;

import org.knime.core.node.NodeView;

/** View of the Sample Weight Viewer: the figure of the last execution, the same image as the PNG output. */
public class SampleWeightViewerNodeView extends NodeView<SampleWeightViewerNodeModel> {
    static final String NOT_EXECUTED = "No figure yet: execute the node.";

    // package-private so the tests can see what is shown
    final JLabel m_label = new JLabel(NOT_EXECUTED, SwingConstants.CENTER);

    /** @param model the node model whose figure is shown */
    protected SampleWeightViewerNodeView(final SampleWeightViewerNodeModel model) {
        super(model);
        setComponent(new JScrollPane(m_label));
        modelChanged();
    }

    @Override
    protected void modelChanged() {
        final BufferedImage figure = getNodeModel().figure();
        m_label.setIcon(figure == null ? null : new ImageIcon(figure));
        m_label.setText(figure == null ? NOT_EXECUTED : null);
    }

    @Override
    protected void onClose() {
        // nothing to release
    }

    @Override
    protected void onOpen() {
        // the figure is set in modelChanged
    }
}
