package org.malau.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.malau.data.synth.PngEncoder;

/**
 * A white figure drawn at twice its nominal size, so that text and lines stay sharp on high-density
 * screens when the report shows it at the nominal size.
 */
final class Canvas {
    static final int SCALE = 2;
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final BufferedImage image;
    private final Graphics2D g;
    private final int width;
    private final int height;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.scale(SCALE, SCALE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(FONT);
    }

    Graphics2D graphics() {
        return g;
    }

    /** Nominal width, the one the report displays. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The finished figure as PNG bytes; the canvas cannot be drawn on afterwards. */
    byte[] png() {
        g.dispose();
        return PngEncoder.encodeCompact(image);
    }
}
