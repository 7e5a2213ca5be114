package org.malau.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.malau.data.FaceRecord;
import org.malau.face.ImageDecoder;
import org.malau.face.UnreadableImageException;

/**
 * Reads a face crop into raw network-input pixels in [0, 1], channels first, resized to the
 * network's square input. Training and prediction expect crops that are already aligned; an
 * unaligned image is simply resized (squashed if not square), which is only useful if the face
 * fills the frame. Downscaling averages the source pixels each target pixel covers, so that thin
 * structures (brows, lip lines) do not alias away.
 */
public final class CropReader {
    private CropReader() {
    }

    /** Pixels of {@code source} at {@code size} x {@code size}, 1 (grey) or 3 (RGB) channels. */
    public static float[] read(FaceRecord.ImageSource source, int size, int channels) throws IOException {
        if (source instanceof FaceRecord.GreyPixels g) {
            float[] grey = new float[g.pixels().length];
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (g.pixels()[i] & 0xff) / 255f;
            }
            float[] r = resize(grey, 1, g.height(), g.width(), size);
            return channels == 1 ? r : replicate(r, channels);
        }
        Path file = ((FaceRecord.ImageFile) source).path();
        return read(file, size, channels);
    }

    /** Pixels of an image file; every problem is an {@link IOException} naming the file. */
    public static float[] read(Path file, int size, int channels) throws IOException {
        byte[] bytes;
        try {
            bytes = ImageDecoder.readFile(file);
        } catch (UnreadableImageException e) {
            throw new IOException(e.getMessage(), e);
        }
        return read(bytes, file.toString(), size, channels);
    }

    /**
     * As {@link #read(Path, int, int)} for an image file's bytes read elsewhere (e.g. from a Hadoop file system);
     * {@code name} stands for them in messages. The same pixels as from the file: the engine's own PNGs take the
     * fast {@link PlainPng} path, anything else ImageIO.
     */
    public static float[] read(byte[] bytes, String name, int size, int channels) throws IOException {
        try {
            ImageDecoder.checkedHeader(bytes, name, ImageDecoder.DEFAULT_MAX_PIXELS);
        } catch (UnreadableImageException e) {
            throw new IOException(e.getMessage(), e);
        }
        int[] wh = new int[2];
        float[] plain = PlainPng.pixels(bytes, channels, wh);
        if (plain != null) {
            return resize(plain, channels, wh[1], wh[0], size);
        }
        return fromImage(decode(bytes, name), size, channels);
    }

    /**
     * Decodes an image file whole, after checking its header against the engine's pixel budget
     * ({@link ImageDecoder#DEFAULT_MAX_PIXELS}): a small file claiming 40000x40000 pixels is refused, not
     * decoded into gigabytes.
     *
     * @throws IOException naming the file and what is wrong: missing, empty, not an image, too large, damaged
     */
    public static BufferedImage decode(Path file) throws IOException {
        try {
            return decode(ImageDecoder.readFile(file), file.toString());
        } catch (UnreadableImageException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** As {@link #decode(Path)} for encoded bytes; {@code name} stands for them in messages. */
    public static BufferedImage decode(byte[] bytes, String name) throws IOException {
        try {
            ImageDecoder.checkedHeader(bytes, name, ImageDecoder.DEFAULT_MAX_PIXELS);
        } catch (UnreadableImageException e) {
            throw new IOException(e.getMessage(), e);
        }
        BufferedImage img;
        try {
            // A stream cached in memory: ImageIO's default for a plain InputStream is a temporary file per image.
            img = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": cannot decode (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new IOException(name + ": not an image format Java can decode (PNG, JPEG, BMP, GIF)");
        }
        return img;
    }

    /** Pixels of a decoded image. */
    public static float[] fromImage(BufferedImage img, int size, int channels) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] px = new float[channels * h * w];
        for (int i = 0; i < argb.length; i++) {
            int r = argb[i] >> 16 & 0xff;
            int g = argb[i] >> 8 & 0xff;
            int b = argb[i] & 0xff;
            if (channels == 1) {
                px[i] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
            } else {
                px[i] = r / 255f;
                px[h * w + i] = g / 255f;
                px[2 * h * w + i] = b / 255f;
            }
        }
        return resize(px, channels, h, w, size);
    }

    private static float[] replicate(float[] grey, int channels) {
        float[] out = new float[grey.length * channels];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(grey, 0, out, c * grey.length, grey.length);
        }
        return out;
    }

    /** Area-average (downscaling) or bilinear (upscaling) resize of each channel to size x size. */
    public static float[] resize(float[] px, int channels, int h, int w, int size) {
        if (h == size && w == size) {
            return px;
        }
        float[] out = new float[channels * size * size];
        double sy = (double) h / size;
        double sx = (double) w / size;
        for (int c = 0; c < channels; c++) {
            int in = c * h * w;
            int o = c * size * size;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    out[o + y * size + x] = sy > 1 || sx > 1
                        ? area(px, in, w, h, y * sy, (y + 1) * sy, x * sx, (x + 1) * sx)
                        : bilinear(px, in, w, h, (y + 0.5) * sy - 0.5, (x + 0.5) * sx - 0.5);
                }
            }
        }
        return out;
    }

    private static float area(float[] px, int in, int w, int h, double y0, double y1, double x0, double x1) {
        double sum = 0;
        double weight = 0;
        for (int y = (int) y0; y < Math.min(h, Math.ceil(y1)); y++) {
            double wy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) x0; x < Math.min(w, Math.ceil(x1)); x++) {
                double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                sum += wy * wx * px[in + y * w + x];
                weight += wy * wx;
            }
        }
        return (float) (sum / weight);
    }

    /**
     * The bilinear interpolation of the plane starting at {@code in} ({@code w} x {@code h}) at ({@code x}, {@code y}),
     * coordinates clamped to the plane (edge pixels repeated).
     */
    public static float bilinear(float[] px, int in, int w, int h, double y, double x) {
        y = Math.max(0, Math.min(h - 1, y));
        x = Math.max(0, Math.min(w - 1, x));
        int y0 = (int) y;
        int x0 = (int) x;
        int y1 = Math.min(h - 1, y0 + 1);
        int x1 = Math.min(w - 1, x0 + 1);
        double fy = y - y0;
        double fx = x - x0;
        double top = px[in + y0 * w + x0] * (1 - fx) + px[in + y0 * w + x1] * fx;
        double bottom = px[in + y1 * w + x0] * (1 - fx) + px[in + y1 * w + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
