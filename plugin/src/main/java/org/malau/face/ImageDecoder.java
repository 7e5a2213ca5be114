package org.malau.face;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns encoded bytes into 8-bit BGR pixels without risking an out-of-memory error: dimensions come
 * from the header first, a JPEG that is too large is decoded at 1/2, 1/4 or 1/8 resolution by the
 * JPEG library itself (IDCT scaling, so the full image never exists in memory), and anything else
 * that is too large is refused. Grey, alpha, 16-bit and CMYK inputs are all converted to 8-bit BGR
 * by OpenCV's {@code IMREAD_COLOR}.
 */
public final class ImageDecoder {
    /** Default pixel budget: about 50 MP (150 MB as BGR), far above any camera photo's need for face alignment. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** Refuse files above this size before reading them into memory. */
    private static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private final long maxPixels;

    /** A decoder with the default pixel budget. */
    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** A decoder that never materialises more than {@code maxPixels} pixels. */
    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
    }

    /**
     * The header of {@code bytes}, refused when it is not an image or has more than {@code maxPixels} pixels: the
     * check every path that decodes whole images makes before a pixel buffer exists (this class decodes a large
     * JPEG reduced instead; other decoders cannot).
     */
    public static ImageHeader checkedHeader(byte[] bytes, String name, long maxPixels) throws UnreadableImageException {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableImageException(name + ": empty input (0 bytes)");
        }
        ImageHeader h = ImageHeader.read(bytes).orElseThrow(() -> new UnreadableImageException(name
            + ": not a recognised image (no readable PNG, JPEG, WebP, BMP or TIFF header)"));
        if (h.pixels() > maxPixels) {
            throw tooLarge(h, name, maxPixels);
        }
        return h;
    }

    private static UnreadableImageException tooLarge(ImageHeader h, String name, long maxPixels) {
        return new UnreadableImageException(name + ": image too large to decode (" + h.width() + "x" + h.height() + " = "
            + h.pixels() + " pixels, the limit is " + maxPixels + ")");
    }

    /** Reads and decodes {@code file}. */
    public DecodedImage decode(Path file) throws UnreadableImageException {
        return decode(readFile(file), file.toString());
    }

    /** Reads {@code file} completely, with errors that name the file. */
    public static byte[] readFile(Path file) throws UnreadableImageException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UnreadableImageException(file + ": no such file");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new UnreadableImageException(file + ": empty file (0 bytes)");
            }
            if (size > MAX_FILE_BYTES) {
                throw new UnreadableImageException(file + ": file too large (" + size + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableImageException(file + ": no such file");
        } catch (IOException e) {
            throw new UnreadableImageException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Decodes {@code bytes}; {@code name} only appears in error messages. */
    public DecodedImage decode(byte[] bytes, String name) throws UnreadableImageException {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableImageException(name + ": empty input (0 bytes)");
        }
        Optional<ImageHeader> header = ImageHeader.read(bytes);
        if (header.isEmpty()) {
            throw new UnreadableImageException(name + ": not a recognised image (no readable PNG, JPEG, WebP, BMP or TIFF header)");
        }
        ImageHeader h = header.get();
        int reduce = 1;
        if (h.pixels() > maxPixels) {
            if (!h.format().equals("jpeg")) {
                throw tooLarge(h, name, maxPixels);
            }
            while (reduce < 8 && h.pixels() / ((long) reduce * reduce) > maxPixels) {
                reduce *= 2;
            }
            if (h.pixels() / ((long) reduce * reduce) > maxPixels) {
                throw new UnreadableImageException(name + ": image too large to decode even at 1/8 (" + h.width() + "x"
                    + h.height() + ")");
            }
        }
        String warning = "";
        if (h.format().equals("jpeg")) {
            int sos = JpegScan.startOfScan(bytes);
            if (sos < 0) {
                throw new UnreadableImageException(name + ": truncated JPEG (no image data after the header)");
            }
            if (!JpegScan.hasEndMarker(bytes, sos)) {
                // libjpeg pads a cut-off scan with grey rows; the top of the photo may still hold a face.
                warning = name + ": truncated JPEG (end marker missing), missing rows decoded as grey";
            }
        }
        int flags = switch (reduce) {
            case 1 -> IMREAD_COLOR;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            default -> IMREAD_REDUCED_COLOR_8;
        };
        Mat mat;
        try (Mat buf = new Mat(bytes)) {
            mat = imdecode(buf, flags);
        } catch (RuntimeException e) {
            throw new UnreadableImageException(name + ": decoder failed (" + e.getMessage() + ")");
        }
        if (mat == null || mat.empty()) {
            if (mat != null) {
                mat.close();
            }
            throw new UnreadableImageException(name + ": cannot decode " + h.format()
                + " data (truncated, corrupt, or a variant OpenCV cannot read)");
        }
        return new DecodedImage(mat, reduce, warning);
    }
}
