package org.malau.knime.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import java.util.function.ToDoubleFunction;

import javax.swing.JPanel;

import org.malau.train.EpochRecord;

/** AU loss (blue, scaled to its maximum) and meta-split AU F1 (red, 0-1) over the epochs of a training run. */
public final class TrainingCurves extends JPanel {
    private static final long serialVersionUID = 1L;

    private static final Color LOSS = new Color(40, 80, 170);

    private static final Color F1 = new Color(190, 50, 40);

    private transient volatile List<EpochRecord> m_history = List.of();

    /** An empty chart. */
    public TrainingCurves() {
        setPreferredSize(new Dimension(480, 300));
        setBackground(Color.WHITE);
    }

    /** @param history the epochs to draw; the chart repaints */
    public void setHistory(final List<EpochRecord> history) {
        m_history = List.copyOf(history);
        repaint();
    }

    /** @return the epochs drawn */
    public List<EpochRecord> history() {
        return m_history;
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
        g2.setColor(LOSS);
        g2.drawString("AU loss", m, m - 10);
        g2.setColor(F1);
        g2.drawString("meta AU F1 (0-1)", m + 80, m - 10);
        if (h.isEmpty()) {
            return;
        }
        double maxLoss = 0;
        for (final EpochRecord r : h) {
            maxLoss = Math.max(maxLoss, r.auLoss());
        }
        final double scale = maxLoss > 0 ? maxLoss : 1;
        line(g2, h, r -> r.auLoss() / scale, LOSS, m, w, ht);
        line(g2, h, EpochRecord::metaAuF1, F1, m, w, ht);
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
