package org.malau.knime.learner;

import java.awt.BorderLayout;
import java.util.List;
import java.util.Locale;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;

import org.knime.core.node.NodeView;
import org.malau.knime.common.TrainingCurves;
import org.malau.train.EpochRecord;

/**
 * Live view of a training run: AU loss and meta-split AU F1 per epoch, refreshed every second while
 * the view is open (the model records each epoch as the engine finishes it).
 */
public class MalLearnerNodeView extends NodeView<MalLearnerNodeModel> {
    private static final int REFRESH_MS = 1000;

    final TrainingCurves m_chart = new TrainingCurves();
    final JLabel m_status = new JLabel();
    private final Timer m_timer = new Timer(REFRESH_MS, e -> modelChanged());

    /** @param model the learner whose history is shown */
    protected MalLearnerNodeView(final MalLearnerNodeModel model) {
        super(model);
        final JPanel panel = new JPanel(new BorderLayout());
        panel.add(m_chart, BorderLayout.CENTER);
        panel.add(m_status, BorderLayout.SOUTH);
        setComponent(panel);
        modelChanged();
    }

    @Override
    protected void modelChanged() {
        final List<EpochRecord> h = getNodeModel().history();
        m_chart.setHistory(h);
        if (h.isEmpty()) {
            m_status.setText("No epoch finished yet (the view fills while the node trains).");
        } else {
            final EpochRecord last = h.get(h.size() - 1);
            m_status.setText(String.format(Locale.ROOT,
                "Epoch %d: AU loss %.4f, FE loss %s, meta AU F1 %s, meta FE accuracy %s, %.1f s", last.epoch(),
                last.auLoss(), f(last.expressionLoss()), f(last.metaAuF1()), f(last.metaExpressionAccuracy()),
                last.seconds()));
        }
    }

    private static String f(final double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    protected void onOpen() {
        m_timer.start();
    }

    @Override
    protected void onClose() {
        m_timer.stop();
    }
}
