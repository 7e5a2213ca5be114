package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/**
 * Compile-only subset of KNIME's {@code PNGImageContent}; semantics implemented in memory for tests: the bytes are
 * decoded with {@link ImageIO} on construction (so bytes that are not an image fail with
 * {@link IllegalArgumentException}, as in KNIME) and {@link #toImageCell()} always creates an in-memory
 * {@link PNGImageCell} (KNIME switches to a blob cell for large images; blob cells are not modelled).
 */
public class PNGImageContent implements ImageContent {

    /** The type of PNG image cells. */
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private byte[] m_imageBytes;

    private BufferedImage m_image;

    /** Empty content, for deserialisation (as in KNIME). */
    public PNGImageContent() {
        // no content yet
    }

    /**
     * @param imageBytes the PNG file's bytes; kept by reference
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if the bytes are not a readable image
     */
    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_imageBytes = imageBytes;
        m_image = decode(imageBytes);
    }

    /**
     * @param is the PNG file's bytes; read to the end, not closed
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the bytes are not a readable image
     */
    public PNGImageContent(final InputStream is) throws IOException {
        this(is.readAllBytes());
    }

    private static BufferedImage decode(final byte[] bytes) {
        final BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("Image can't be read", e);
        }
        if (img == null) {
            throw new IllegalArgumentException("ImageIO returned null while reading image bytes");
        }
        return img;
    }

    /** @return the bytes themselves, not a copy */
    public byte[] getByteArrayReference() {
        return m_imageBytes;
    }

    /** @return a copy of the bytes */
    public byte[] getByteArray() {
        return Arrays.copyOf(m_imageBytes, m_imageBytes.length);
    }

    /** @return the decoded image */
    public Image getImage() {
        return m_image;
    }

    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        final double scale = Math.min(1.0, Math.min(width / (double)m_image.getWidth(), height / (double)m_image.getHeight()));
        g.drawImage(m_image, 0, 0, (int)Math.round(m_image.getWidth() * scale), (int)Math.round(m_image.getHeight() * scale),
            null);
    }

    @Override
    public void save(final OutputStream output) throws IOException {
        output.write(m_imageBytes);
    }

    @Override
    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(m_image.getWidth(), m_image.getHeight());
    }

    @Override
    public String getSummary() {
        final String size = m_imageBytes.length < 1000 ? m_imageBytes.length + " B" : (m_imageBytes.length / 1024) + " KB";
        return "PNG Image " + m_image.getWidth() + " x " + m_image.getHeight() + " with " + size;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_imageBytes);
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        return Arrays.equals(m_imageBytes, ((PNGImageContent)o).m_imageBytes);
    }
}
