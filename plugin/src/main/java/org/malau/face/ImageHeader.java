package org.malau.face;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Image dimensions read from the encoded header alone, so a 20000x20000 file can be refused or
 * decoded at reduced resolution before any pixel buffer is allocated.
 *
 * @param format     {@code png}, {@code jpeg} or the ImageIO format name for anything else
 * @param components colour components per pixel as declared in the header (4 = CMYK JPEG), 0 if unknown
 */
public record ImageHeader(String format, int width, int height, int components) {

    /** Pixel count as a long: PNG allows 2^31-1 pixels per side, so the product can overflow an int. */
    public long pixels() {
        return (long) width * height;
    }

    /** Reads the header of {@code bytes}; empty when the format is unknown or the header is damaged. */
    public static Optional<ImageHeader> read(byte[] bytes) {
        if (isPng(bytes)) {
            return png(bytes);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return jpeg(bytes);
        }
        if (bytes.length >= 30 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return webp(bytes);
        }
        return viaImageIo(bytes);
    }

    private static boolean isPng(byte[] b) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if (b[i] != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ImageHeader> png(byte[] b) {
        // IHDR must be the first chunk: length(4) "IHDR" width(4) height(4) depth(1) colour type(1).
        if (b.length < 26 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return Optional.empty();
        }
        int w = int32(b, 16);
        int h = int32(b, 20);
        int colourType = b[25] & 0xFF;
        int comps = switch (colourType) {
            case 0 -> 1;
            case 2 -> 3;
            case 3 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 0;
        };
        return w > 0 && h > 0 ? Optional.of(new ImageHeader("png", w, h, comps)) : Optional.empty();
    }

    private static Optional<ImageHeader> jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length field
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty(); // end of image or scan data before any frame header
            }
            int len = uint16(b, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (i + 10 > b.length) {
                    return Optional.empty();
                }
                int h = uint16(b, i + 5);
                int w = uint16(b, i + 7);
                int comps = b[i + 9] & 0xFF;
                return w > 0 && h > 0 ? Optional.of(new ImageHeader("jpeg", w, h, comps)) : Optional.empty();
            }
            if (len < 2) {
                return Optional.empty();
            }
            i += 2 + len;
        }
        return Optional.empty();
    }

    /** WebP (which ImageIO cannot read): the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
    private static Optional<ImageHeader> webp(byte[] b) {
        int w;
        int h;
        if (ascii(b, 12, "VP8X")) {
            w = 1 + ((b[24] & 0xFF) | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16);
            h = 1 + ((b[27] & 0xFF) | (b[28] & 0xFF) << 8 | (b[29] & 0xFF) << 16);
        } else if (ascii(b, 12, "VP8L")) {
            int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
            w = 1 + (bits & 0x3FFF);
            h = 1 + ((bits >>> 14) & 0x3FFF);
        } else if (ascii(b, 12, "VP8 ")) {
            w = ((b[26] & 0xFF) | (b[27] & 0xFF) << 8) & 0x3FFF;
            h = ((b[28] & 0xFF) | (b[29] & 0xFF) << 8) & 0x3FFF;
        } else {
            return Optional.empty();
        }
        return w > 0 && h > 0 ? Optional.of(new ImageHeader("webp", w, h, 0)) : Optional.empty();
    }

    private static boolean ascii(byte[] b, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (offset + i >= b.length || b[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ImageHeader> viaImageIo(byte[] bytes) {
        // getWidth/getHeight on an ImageIO reader parse only the header (BMP, GIF, TIFF, WBMP).
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageHeader(reader.getFormatName().toLowerCase(java.util.Locale.ROOT),
                    reader.getWidth(0), reader.getHeight(0), 0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int int32(byte[] b, int o) {
        return ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
    }

    private static int uint16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }
}
