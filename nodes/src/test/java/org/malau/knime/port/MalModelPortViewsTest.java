package org.malau.knime.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JTable;

import org.junit.jupiter.api.Test;
import org.malau.knime.common.TrainingCurves;
import org.malau.knime.testing.TinyModel;
import org.malau.model.ModelHeader;
import org.malau.train.EpochRecord;

/** The MAL model port's views show the model's content and render without a screen. */
class MalModelPortViewsTest {

    /** Lays a view out at a window's size and paints it into an image, as a screen would. */
    private static BufferedImage render(final JComponent view) {
        view.setSize(900, 700);
        layout(view);
        final BufferedImage img = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        view.paint(img.getGraphics());
        return img;
    }

    private static void layout(final Component c) {
        c.doLayout();
        if (c instanceof Container k) {
            for (final Component child : k.getComponents()) {
                layout(child);
            }
        }
    }

    /** How many pixels differ from the top-left one: a blank view has none. */
    private static int inked(final BufferedImage img) {
        final int bg = img.getRGB(0, 0);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += img.getRGB(x, y) != bg ? 1 : 0;
            }
        }
        return n;
    }

    private static <T> List<T> all(final Component c, final Class<T> type) {
        final List<T> out = new ArrayList<>();
        if (type.isInstance(c)) {
            out.add(type.cast(c));
        }
        if (c instanceof Container k) {
            for (final Component child : k.getComponents()) {
                out.addAll(all(child, type));
            }
        }
        return out;
    }

    /** The page's text as a reader sees it (the HTML's text, without tags). */
    private static String text(final JComponent view) throws Exception {
        final JEditorPane pane = all(view, JEditorPane.class).get(0);
        return pane.getDocument().getText(0, pane.getDocument().getLength());
    }

    @Test
    void theModelViewShowsStrategyEngineAusThresholdsAndSettings() throws Exception {
        final MalModelPortObject model = TinyModel.auOnlyModel();
        final ModelHeader h = model.getModel().header();
        final JComponent[] views = model.getViews();
        assertEquals(2, views.length);
        assertEquals("MAL model", views[0].getName());
        assertEquals("Training history", views[1].getName());

        final String page = text(views[0]);
        assertTrue(page.contains("AU only (au-only)"), page);
        assertTrue(page.contains(ModelViews.engineLabel(h.engine()) + " (" + h.engine() + ")"), page);
        assertTrue(List.of("LibTorch", "DL4J (Deeplearning4j)").contains(ModelViews.engineLabel(h.engine())),
            "the engines the extension has get a readable name: " + h.engine());
        assertTrue(page.contains("16 x 16 pixels, grayscale"), page);
        for (int j = 0; j < h.auCodes().length; j++) {
            final String au = String.format(Locale.ROOT, "AU%02d", h.auCodes()[j]);
            final String threshold = String.format(Locale.ROOT, "%.4g", h.thresholds()[j]);
            assertTrue(page.contains(au + threshold) || page.contains(au + " " + threshold)
                || page.contains(au + "\n" + threshold), au + " with its threshold " + threshold + " in " + page);
        }
        for (final String key : h.settings().keySet()) {
            assertTrue(page.contains(key), "setting " + key);
        }
        assertTrue(page.contains(Long.toString(h.seed())));
        assertTrue(inked(render(views[0])) > 1000, "the page is drawn");
    }

    @Test
    void theHistoryViewShowsEveryEpochAndSurvivesTheWorkflowsSaving() throws Exception {
        final MalModelPortObject model = TinyModel.model();
        final List<EpochRecord> history = model.getHistory();
        assertEquals(2, history.size(), "the tiny model trained two epochs");
        final JComponent view = model.getViews()[1];
        final JTable table = all(view, JTable.class).get(0);
        assertEquals(history.size(), table.getRowCount());
        assertEquals(2, table.getValueAt(1, 0));
        final TrainingCurves curves = all(view, TrainingCurves.class).get(0);
        assertEquals(history, curves.history());
        assertTrue(inked(render(view)) > 1000, "the curves and the table are drawn");

        // saved with the workflow and loaded again, the port keeps its history
        final MalModelPortObject loaded = TinyModel.throughPortZip(model);
        assertEquals(history, loaded.getHistory());
    }

    @Test
    void aModelWithoutHistoryAndTheSpecSayWhatTheyKnow() throws Exception {
        final MalModelPortObject read = new MalModelPortObject(TinyModel.auOnlyModel().getModel());
        final JComponent history = read.getViews()[1];
        final List<JLabel> labels = all(history, JLabel.class);
        assertTrue(labels.get(0).getText().startsWith("No training history"), labels.get(0).getText());

        final JComponent[] specViews = read.getSpec().getViews();
        assertEquals(1, specViews.length);
        assertEquals("MAL model spec", specViews[0].getName());
        final String page = text(specViews[0]);
        assertTrue(page.contains("AU only (au-only)"), page);
        assertTrue(page.contains(String.join(", ", read.getSpec().getAuNames())), page);
        assertTrue(page.contains(String.join(", ", read.getSpec().getExpressionClasses())), page);
        assertNotNull(render(specViews[0]));
        assertTrue(inked(render(specViews[0])) > 500);

        // a spec of the MAL strategy shows its readable name
        final MalModelPortObjectSpec mal = new MalModelPortObjectSpec(List.of("AU01"), List.of("neutral"), 48, 1, "mal");
        assertTrue(text(mal.getViews()[0]).contains("Meta Auxiliary Learning (MAL) (mal)"));
    }
}
