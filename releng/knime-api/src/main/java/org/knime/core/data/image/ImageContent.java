package org.knime.core.data.image;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;

import org.knime.core.data.DataCell;

/**
 * Compile-only subset of KNIME's {@code ImageContent}. Node code uses the implementations KNIME provides
 * ({@link org.knime.core.data.image.png.PNGImageContent}) and does not implement this interface itself.
 */
public interface ImageContent {

    /**
     * @param g the graphics to paint into
     * @param maxWidth maximum width; the aspect ratio is kept
     * @param maxHeight maximum height
     */
    public void paint(final Graphics2D g, final int maxWidth, final int maxHeight);

    /** @return the size the image prefers to be shown at */
    public Dimension getPreferredSize();

    /** @return a cell holding this content */
    public DataCell toImageCell();

    /**
     * @param out where the encoded image is written to
     * @throws IOException if writing fails
     */
    public void save(final OutputStream out) throws IOException;

    /** @return a short description, e.g. size and byte count */
    public String getSummary();
}
