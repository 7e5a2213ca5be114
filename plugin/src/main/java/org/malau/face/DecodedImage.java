package org.malau.face;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pixels of one image (8-bit BGR) plus the factor that maps them back to source-image pixels; the
 * factor is above 1 only when a very large JPEG was decoded at reduced resolution.
 */
public final class DecodedImage implements AutoCloseable {
    private final Mat bgr;
    private final int sourceScale;
    private final String warning;

    DecodedImage(Mat bgr, int sourceScale, String warning) {
        this.bgr = bgr;
        this.sourceScale = sourceScale;
        this.warning = warning;
    }

    /** Why the pixels may be incomplete (e.g. a truncated JPEG), or empty. */
    public String warning() {
        return warning;
    }

    /** The pixels; owned by this object. */
    public Mat bgr() {
        return bgr;
    }

    /** Source-image pixels per decoded pixel (1, 2, 4 or 8). */
    public int sourceScale() {
        return sourceScale;
    }

    /** Decoded width in pixels. */
    public int width() {
        return bgr.cols();
    }

    /** Decoded height in pixels. */
    public int height() {
        return bgr.rows();
    }

    @Override
    public void close() {
        bgr.close();
    }
}
