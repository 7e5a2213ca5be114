package org.malau.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the PNGs this engine writes itself (8-bit grey or RGB, not interlaced, no colour management)
 * straight to network-input pixels, for the prediction and training paths that read thousands of small
 * crops: ImageIO's reader plus {@code getRGB} cost as much per 48x48 crop as LibTorch's whole forward
 * pass. Anything else, and anything damaged, is declined ({@code null}) so that the caller decodes it
 * with ImageIO as before, which also produces the error message for a damaged file.
 * <p>
 * The result equals {@link CropReader#fromImage} of ImageIO's decoding bit for bit (PlainPngTest): an
 * 8-bit grey PNG comes out of ImageIO as {@code TYPE_BYTE_GRAY}, whose {@code getRGB} converts linear
 * grey to sRGB, so the grey values go through a table taken from Java's own conversion.
 */
final class PlainPng {
    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10};
    /** Chunks after which ImageIO's pixels would no longer be the raw samples (colour spaces, transparency, palette). */
    private static final Set<String> DECLINED = Set.of("iCCP", "gAMA", "sRGB", "cHRM", "sBIT", "tRNS", "PLTE");
    private static final float[] GREY_AS_LUMA = new float[256];
    private static final float[] GREY_AS_CHANNEL = new float[256];

    static {
        BufferedImage ramp = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int v = 0; v < 256; v++) {
            ramp.getRaster().setSample(v, 0, 0, v);
        }
        int[] argb = ramp.getRGB(0, 0, 256, 1, null, 0, 256);
        for (int v = 0; v < 256; v++) {
            int r = argb[v] >> 16 & 0xff;
            int g = argb[v] >> 8 & 0xff;
            int b = argb[v] & 0xff;
            // The same expression, in the same float arithmetic, as CropReader.fromImage.
            GREY_AS_LUMA[v] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
            GREY_AS_CHANNEL[v] = r / 255f;
        }
    }

    private PlainPng() {
    }

    /**
     * Pixels of {@code png} in [0, 1], channels first, at its own size ({@code channels} 1 or 3), with
     * the image's width and height in {@code size[0]} and {@code size[1]}; null when the file is not a
     * plain 8-bit grey or RGB PNG or cannot be decoded here.
     */
    static float[] pixels(byte[] png, int channels, int[] size) {
        try {
            return decode(png, channels, size);
        } catch (RuntimeException | DataFormatException e) {
            return null;
        }
    }

    private static float[] decode(byte[] png, int channels, int[] size) throws DataFormatException {
        if (png.length < 33 || !startsWithSignature(png)) {
            return null;
        }
        int pos = 8;
        int width = 0;
        int height = 0;
        int samples = 0;
        ByteArrayOutputStream idat = new ByteArrayOutputStream(png.length);
        boolean header = false;
        while (pos + 12 <= png.length) {
            int length = readInt(png, pos);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (length < 0 || data + length + 4 > png.length) {
                return null;
            }
            if (type.equals("IHDR")) {
                width = readInt(png, data);
                height = readInt(png, data + 4);
                int depth = png[data + 8] & 0xff;
                int colour = png[data + 9] & 0xff;
                int interlace = png[data + 12] & 0xff;
                if (depth != 8 || (colour != 0 && colour != 2) || interlace != 0 || width <= 0 || height <= 0) {
                    return null;
                }
                samples = colour == 0 ? 1 : 3;
                header = true;
            } else if (DECLINED.contains(type)) {
                return null;
            } else if (type.equals("IDAT")) {
                idat.write(png, data, length);
            } else if (type.equals("IEND")) {
                break;
            }
            pos = data + length + 4;
        }
        if (!header || (long) width * height > 16_000_000L) {
            return null;
        }
        int stride = width * samples;
        byte[] raw = new byte[(stride + 1) * height];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(idat.toByteArray());
            int n = 0;
            while (n < raw.length) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                n += got;
            }
        } finally {
            inflater.end();
        }
        byte[] pixels = unfilter(raw, stride, height, samples);
        if (pixels == null) {
            return null;
        }
        size[0] = width;
        size[1] = height;
        return toFloats(pixels, width * height, samples, channels);
    }

    /** Reverses PNG's per-row filters (none, sub, up, average, Paeth); null for an unknown filter. */
    private static byte[] unfilter(byte[] raw, int stride, int height, int bpp) {
        byte[] out = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (stride + 1)] & 0xff;
            int in = y * (stride + 1) + 1;
            int row = y * stride;
            int prev = row - stride;
            for (int x = 0; x < stride; x++) {
                int a = x >= bpp ? out[row + x - bpp] & 0xff : 0;
                int b = y > 0 ? out[prev + x] & 0xff : 0;
                int c = x >= bpp && y > 0 ? out[prev + x - bpp] & 0xff : 0;
                int v = raw[in + x] & 0xff;
                switch (filter) {
                    case 0 -> { }
                    case 1 -> v += a;
                    case 2 -> v += b;
                    case 3 -> v += (a + b) >>> 1;
                    case 4 -> v += paeth(a, b, c);
                    default -> {
                        return null;
                    }
                }
                out[row + x] = (byte) v;
            }
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static float[] toFloats(byte[] px, int n, int samples, int channels) {
        float[] out = new float[channels * n];
        if (samples == 1) {
            for (int i = 0; i < n; i++) {
                int v = px[i] & 0xff;
                if (channels == 1) {
                    out[i] = GREY_AS_LUMA[v];
                } else {
                    float f = GREY_AS_CHANNEL[v];
                    out[i] = f;
                    out[n + i] = f;
                    out[2 * n + i] = f;
                }
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            int r = px[3 * i] & 0xff;
            int g = px[3 * i + 1] & 0xff;
            int b = px[3 * i + 2] & 0xff;
            if (channels == 1) {
                out[i] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
            } else {
                out[i] = r / 255f;
                out[n + i] = g / 255f;
                out[2 * n + i] = b / 255f;
            }
        }
        return out;
    }

    private static boolean startsWithSignature(byte[] png) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }
}
