package org.malau.knime.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.data.DataCell;
import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.InvalidSettingsException;
import org.malau.model.CropReader;

/**
 * Decodes a face table's image cell (a PNG image cell or an absolute file path) into the raw crop the
 * MAL network reads, through the engine's {@link CropReader}, or into the whole image; shared by the learner, the
 * predictor and the weight viewer's thumbnails.
 */
public final class ImageCrops {
    private ImageCrops() {
    }

    /**
     * The crop of one non-missing image cell.
     *
     * @param image a PNG image cell, or a string cell holding an absolute path when {@code paths}
     * @param paths whether the column holds file paths
     * @param size the crop's width and height
     * @param channels 1 (grey) or 3 (colour)
     * @param what the table, for messages
     * @param key the row ID, for messages
     * @return the crop, pixels in [0, 1], channels first
     * @throws InvalidSettingsException naming the row when the path is invalid or relative or the image unreadable
     */
    public static float[] crop(final DataCell image, final boolean paths, final int size, final int channels,
        final String what, final String key) throws InvalidSettingsException {
        try {
            if (paths) {
                final String s = ((StringValue)image).getStringValue().trim();
                final Path p;
                try {
                    p = Path.of(s);
                } catch (InvalidPathException e) {
                    throw new InvalidSettingsException(what + " row \"" + key + "\": \"" + s + "\" is no valid path");
                }
                if (!p.isAbsolute()) {
                    throw new InvalidSettingsException(what + " row \"" + key + "\": image path \"" + s
                        + "\" is relative; use absolute paths (e.g. from the MAL dataset readers)");
                }
                return CropReader.read(p, size, channels);
            }
            return CropReader.fromImage(png(image), size, channels);
        } catch (IOException e) {
            throw new InvalidSettingsException(what + " row \"" + key + "\": image cannot be read: " + e.getMessage(),
                e);
        }
    }

    /**
     * The whole image of one non-missing image cell, e.g. for a thumbnail.
     *
     * @param image a PNG image cell, or a string cell holding an absolute path when {@code paths}
     * @param paths whether the column holds file paths
     * @throws IOException naming the file or saying what is wrong when the image cannot be read
     */
    public static BufferedImage image(final DataCell image, final boolean paths) throws IOException {
        if (!paths) {
            return png(image);
        }
        final String s = ((StringValue)image).getStringValue().trim();
        final Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            throw new IOException("\"" + s + "\" is no valid path", e);
        }
        if (!p.isAbsolute()) {
            throw new IOException("image path \"" + s + "\" is relative");
        }
        return CropReader.decode(p);
    }

    /** Decoded through the engine, so that the pixel budget is checked from the PNG header before decoding. */
    private static BufferedImage png(final DataCell image) throws IOException {
        final byte[] png = ((PNGImageValue)image).getImageContent().getByteArrayReference();
        return CropReader.decode(png, "the PNG cell");
    }
}
