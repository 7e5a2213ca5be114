package org.malau.knime.learner;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;

import org.knime.core.node.NodeView;
import org.malau.train.EpochRecord;

/**
 * Live view of a training run: AU loss and meta-split AU F1 per epoch, refreshed every second while
 * the view is open (the model records each epoch as the engine finishes it).
 */
public class MalLearnerNodeView extends NodeView<MalLearnerNodeModel> {
    private static final int REFRESH_MS = 1000;

    final Chart m_chart = new Chart();
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
        m_chart.m_history = h;
        if (h.isEmpty()) {
            m_status.setText("No epoch finished yet (the view fills while the node trains).");
        } else {
            final EpochRecord last = h.get(h.size() - 1);
            m_status.setText(String.format(Locale.ROOT,
                "Epoch %d: AU loss %.4f, FE loss %s, meta AU F1 %s, meta FE accuracy %s, %.1f s", last.epoch(),
                last.auLoss(), f(last.expressionLoss()), f(last.metaAuF1()), f(last.metaExpressionAccuracy()),
                last.seconds()));
        }
        m_chart.repaint();
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

    /** AU loss (blue, scaled to its maximum) and meta AU F1 (red, 0-1) over the epochs. */
    static final class Chart extends JPanel {
        private static final long serialVersionUID = 1L;

        transient volatile List<EpochRecord> m_history = List.of();

        Chart() {
            setPreferredSize(new Dimension(480, 300));
            setBackground(Color.WHITE);
        }

        @Override
        protected void paintComponent(final Graphics g) {
            super.paintComponent(g);
            final List<EpochRecord> h = m_history;
            final Graphics2D g2 = (Graphics2D)g;
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            final int m = 30;
            final int w = getWidth() - 2 * m;
            final int ht = getHeight() - 2 * m;
            g2.setColor(Color.GRAY);
            g2.drawRect(m, m, w, ht);
            g2.setColor(new Color(40, 80, 170));
            g2.drawString("AU loss", m, m - 10);
            g2.setColor(new Color(190, 50, 40));
            g2.drawString("meta AU F1 (0-1)", m + 80, m - 10);
            if (h.isEmpty()) {
                return;
            }
            double maxLoss = 0;
            for (final EpochRecord r : h) {
                maxLoss = Math.max(maxLoss, r.auLoss());
            }
            final double scale = maxLoss > 0 ? maxLoss : 1;
            line(g2, h, r -> r.auLoss() / scale, new Color(40, 80, 170), m, w, ht);
            line(g2, h, EpochRecord::metaAuF1, new Color(190, 50, 40), m, w, ht);
        }

        private static void line(final Graphics2D g, final List<EpochRecord> h, final ToDoubleFunction<EpochRecord> y,
            final Color c, final int m, final int w, final int ht) {
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < h.size(); i++) {
                final double v = y.applyAsDouble(h.get(i));
                if (Double.isNaN(v)) {
                    px = -1;
                    continue;
                }
                final int x = m + (h.size() == 1 ? w / 2 : i * w / (h.size() - 1));
                final int yy = m + ht - (int)Math.round(Math.max(0, Math.min(1, v)) * ht);
                g.fillOval(x - 3, yy - 3, 6, 6);
                if (px >= 0) {
                    g.drawLine(px, py, x, yy);
                }
                px = x;
                py = yy;
            }
        }
    }
}
