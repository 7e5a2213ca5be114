package org.malau.face;

import java.util.List;

/**
 * Where facial points land in the aligned square crop.
 *
 * <p>The template is the widely used ArcFace/InsightFace five-point reference for a 112x112 crop,
 * scaled linearly to the requested size, so crops can feed recognition or expression models trained
 * on that convention:
 * <pre>
 *   point             x (of 112)   y (of 112)   fraction of size
 *   image-left eye    38.2946      51.6963      (0.3419, 0.4616)
 *   image-right eye   73.5318      51.5014      (0.6565, 0.4598)
 *   nose tip          56.0252      71.7366      (0.5002, 0.6405)
 *   mouth left        41.5493      92.3655      (0.3710, 0.8247)
 *   mouth right       70.7299      92.2041      (0.6315, 0.8233)
 * </pre>
 * At 112 px the inter-ocular distance is 35.24 px (31.5 % of the crop width).
 */
public final class EyeTemplate {
    private static final double REFERENCE_SIZE = 112.0;
    private static final double[][] REFERENCE = {
        {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    private final int size;

    /** The template for a {@code size} x {@code size} crop. */
    public EyeTemplate(int size) {
        if (size < 8 || size > 4096) {
            throw new IllegalArgumentException("crop size must be 8..4096 px, got " + size);
        }
        this.size = size;
    }

    /** Crop width and height in pixels. */
    public int size() {
        return size;
    }

    /** Position of the image-left eye centre in the crop. */
    public PixelPoint leftEye() {
        return point(0);
    }

    /** Position of the image-right eye centre in the crop. */
    public PixelPoint rightEye() {
        return point(1);
    }

    /** The five reference points in the order eyes (image-left, image-right), nose tip, mouth corners (image-left, image-right). */
    public List<PixelPoint> fivePoints() {
        return List.of(point(0), point(1), point(2), point(3), point(4));
    }

    private PixelPoint point(int i) {
        double f = size / REFERENCE_SIZE;
        return new PixelPoint(REFERENCE[i][0] * f, REFERENCE[i][1] * f);
    }
}
