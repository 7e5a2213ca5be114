package org.malau.knime.port;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

import org.malau.data.AuLabels;
import org.malau.knime.common.StrategyChoice;
import org.malau.knime.common.TrainingCurves;
import org.malau.model.ModelHeader;
import org.malau.model.NetworkEngines;
import org.malau.train.EpochRecord;
import org.malau.train.EpochRecord.Column;

/**
 * The views of the MAL model port (KNIME shows each component as a tab named by the component's name): what the model
 * is (strategy, network engine, input, AUs with their thresholds, expression classes, training settings and data) and
 * how its training went (curves and the per-epoch table).
 */
final class ModelViews {
    /** Tab names. */
    static final String MODEL = "MAL model";
    static final String HISTORY = "Training history";
    static final String SPEC = "MAL model spec";

    private ModelViews() {
    }

    /** @return the readable name of a network engine id ({@link NetworkEngines}); unknown ids as they are */
    static String engineLabel(final String id) {
        if (NetworkEngines.DL4J.equals(id)) {
            return "DL4J (Deeplearning4j)";
        }
        return NetworkEngines.LIBTORCH.equals(id) ? "LibTorch" : id;
    }

    /** The model's header as a readable page. */
    static JComponent model(final ModelHeader h) {
        final StringBuilder html = new StringBuilder("<html><body style='font-family:sans-serif'>");
        html.append("<h2>MAL model</h2><table>");
        row(html, "Strategy", StrategyChoice.label(h.strategy()) + " (" + h.strategy() + ")");
        row(html, "Network engine", engineLabel(h.engine()) + " (" + h.engine() + ")");
        row(html, "Input", h.network().inputSize() + " x " + h.network().inputSize() + " pixels, "
            + (h.network().channels() == 1 ? "grayscale" : "color") + ", normalization " + h.normalisation().mode());
        row(html, "Network", "convolution channels " + java.util.Arrays.toString(h.network().convChannels())
            + ", " + h.network().featureSize() + " features");
        row(html, "Seed", Long.toString(h.seed()));
        row(html, "Trained on", h.auTrainSize() + " AU samples, " + h.expressionTrainSize()
            + " expression samples; meta split " + h.metaSplitSize() + " AU samples");
        row(html, "Expression classes", String.join(", ", h.expressionClasses()));
        row(html, "Model format version", Integer.toString(h.formatVersion()));
        if (h.provenance() != null) {
            final var p = h.provenance();
            row(html, "Trained", "from " + p.startedAt() + " with " + p.engine() + " " + p.engineVersion() + ", "
                + p.networkLibrary() + ", on " + p.java() + ", " + p.system());
            p.data().forEach((table, d) -> row(html, "Data " + table, d.rows() + " rows, SHA-256 " + d.sha256()));
        }
        html.append("</table>");

        html.append("<h3>Action units and decision thresholds</h3>");
        html.append("<p>An AU counts as present when its probability reaches the threshold tuned on the meta split.</p>");
        html.append("<table border='1' cellspacing='0' cellpadding='3'><tr><th>AU</th><th>threshold</th>");
        final double[] weights = h.auPositiveWeights();
        if (weights != null) {
            html.append("<th>positive weight in the loss</th>");
        }
        html.append("</tr>");
        final int[] codes = h.auCodes();
        final double[] thresholds = h.thresholds();
        for (int j = 0; j < codes.length; j++) {
            html.append("<tr><td>").append(AuLabels.columnName(codes[j])).append("</td><td>")
                .append(number(thresholds[j])).append("</td>");
            if (weights != null) {
                html.append("<td>").append(number(weights[j])).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");

        html.append("<h3>Training settings</h3><table border='1' cellspacing='0' cellpadding='3'>");
        for (final Map.Entry<String, Object> e : h.settings().entrySet()) {
            html.append("<tr><td>").append(escape(e.getKey())).append("</td><td>")
                .append(escape(String.valueOf(e.getValue()))).append("</td></tr>");
        }
        html.append("</table></body></html>");
        return page(MODEL, html.toString());
    }

    /** The training curves above the per-epoch table, or a note that the model has no history. */
    static JComponent history(final List<EpochRecord> history) {
        final JPanel panel = new JPanel(new BorderLayout());
        panel.setName(HISTORY);
        if (history.isEmpty()) {
            panel.add(new JLabel("No training history: the model was read from a model file, which keeps none. "
                + "The MAL Learner's third output has it."), BorderLayout.NORTH);
            return panel;
        }
        final TrainingCurves curves = new TrainingCurves();
        curves.setHistory(history);
        final DefaultTableModel table = new DefaultTableModel(
            java.util.Arrays.stream(Column.values()).map(Column::label).toArray(), 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(final int row, final int column) {
                return false;
            }
        };
        for (final EpochRecord e : history) {
            final List<Object> row = new ArrayList<>();
            for (final Column c : Column.values()) {
                final double v = e.value(c);
                row.add(c.isCount() ? Integer.valueOf((int)v) : Double.isNaN(v) ? "" : number(v));
            }
            table.addRow(row.toArray());
        }
        panel.add(new JSplitPane(JSplitPane.VERTICAL_SPLIT, curves, new JScrollPane(new JTable(table))),
            BorderLayout.CENTER);
        return panel;
    }

    /** What the spec knows before a model exists. */
    static JComponent spec(final MalModelPortObjectSpec spec) {
        final StringBuilder html = new StringBuilder("<html><body style='font-family:sans-serif'>");
        html.append("<h2>MAL model spec</h2><table>");
        row(html, "Strategy", StrategyChoice.label(spec.getStrategy()) + " (" + spec.getStrategy() + ")");
        row(html, "Action units", String.join(", ", spec.getAuNames()));
        row(html, "Expression classes", String.join(", ", spec.getExpressionClasses()));
        row(html, "Input", spec.getInputSize() + " x " + spec.getInputSize() + " pixels, "
            + (spec.getChannels() == 1 ? "grayscale" : "color"));
        html.append("</table><p>Thresholds, settings and the training history are known once the model is trained "
            + "or read.</p></body></html>");
        return page(SPEC, html.toString());
    }

    private static JComponent page(final String name, final String html) {
        final JEditorPane pane = new JEditorPane("text/html", html);
        pane.setEditable(false);
        final JScrollPane scroll = new JScrollPane(pane);
        scroll.setName(name);
        return scroll;
    }

    private static void row(final StringBuilder html, final String key, final String value) {
        html.append("<tr><td><b>").append(escape(key)).append("</b></td><td>").append(escape(value))
            .append("</td></tr>");
    }

    private static String number(final double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String escape(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
