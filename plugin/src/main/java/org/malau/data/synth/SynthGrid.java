package org.malau.data.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.malau.data.Expression;
import org.malau.io.SafeOutputs;

/**
 * An overview picture for people: one entry per AU (neutral next to the AU at intensity 5 on the
 * same subjects) and one per basic expression (its prototype at intensity 4), no nuisance.
 */
public final class SynthGrid {
    private static final int CELL = 128;
    private static final int LABEL = 96;
    private static final int SUBJECTS = 2;
    private static final int COLUMNS = 3;
    private static final int HEADER = 24;

    private SynthGrid() {
    }

    /** The grid for generator seed {@code seed}. */
    public static BufferedImage render(long seed) {
        int entries = SynthAus.COUNT + Expression.BASIC7.length;
        int rows = (entries + COLUMNS - 1) / COLUMNS;
        int entryWidth = LABEL + 2 * SUBJECTS * CELL + 12;
        BufferedImage grid = new BufferedImage(COLUMNS * entryWidth, HEADER + rows * CELL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int c = 0; c < COLUMNS; c++) {
            for (int s = 0; s < SUBJECTS; s++) {
                int x = c * entryWidth + LABEL + 2 * s * CELL;
                g.drawString("neutral", x + 40, 17);
                g.drawString(c * rows < SynthAus.COUNT ? "AU at 5" : "expression", x + CELL + 34, 17);
            }
        }
        Identity[] ids = new Identity[SUBJECTS];
        for (int s = 0; s < SUBJECTS; s++) {
            ids[s] = Identity.of(seed, SynthGenerator.subjectId(s + 1));
        }
        float[] neutral = new float[SynthAus.COUNT];
        for (int e = 0; e < entries; e++) {
            float[] active = new float[SynthAus.COUNT];
            String label;
            if (e < SynthAus.COUNT) {
                active[e] = 5f;
                label = org.malau.data.AuLabels.columnName(SynthAus.code(e));
            } else {
                Expression x = Expression.BASIC7[e - SynthAus.COUNT];
                for (int code : ExpressionSampler.prototype(x)) {
                    active[SynthAus.index(code)] = 4f;
                }
                label = x.label();
            }
            int x0 = (e / rows) * entryWidth;
            int y0 = HEADER + (e % rows) * CELL;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(label, x0 + 6, y0 + CELL / 2 + 5);
            for (int s = 0; s < SUBJECTS; s++) {
                int x = x0 + LABEL + 2 * s * CELL;
                g.drawImage(face(ids[s], neutral), x, y0, null);
                g.drawImage(face(ids[s], active), x + CELL, y0, null);
            }
        }
        g.dispose();
        return grid;
    }

    private static BufferedImage face(Identity id, float[] intensity) {
        return FaceRenderer.render(CELL, id, intensity, Pose.CENTRED, Nuisance.NONE, Unrelated.NONE).image();
    }

    /** Writes {@link #render(long)} as PNG, creating parent folders. */
    public static void write(Path file, long seed) throws IOException {
        byte[] png = PngEncoder.encodeCompact(render(seed));
        SafeOutputs.writeFile(file, "--grid", java.util.List.of(), o -> o.write(png));
    }
}
