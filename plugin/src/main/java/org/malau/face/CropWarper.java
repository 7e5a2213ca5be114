package org.malau.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Applies a similarity transform to cut the aligned square crop out of a BGR image. */
public final class CropWarper {
    private CropWarper() {
    }

    /**
     * Warps {@code bgr} by {@code t} into a {@code size x size} crop; areas outside the source are black.
     * Only the source region that maps into the crop is touched. When the transform shrinks by 2x or
     * more, that region is first reduced with area averaging, because bilinear sampling alone at 1/6
     * scale (a 1350 px portrait to 112 px) would alias hair and skin texture.
     *
     * @return row-major bytes, 1 or 3 channels
     */
    public static byte[] warp(Mat bgr, SimilarityTransform t, int size, boolean grey) {
        int channels = grey ? 1 : bgr.channels();
        SimilarityTransform inv = t.inverse();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int cy = 0; cy <= 1; cy++) {
            for (int cx = 0; cx <= 1; cx++) {
                PixelPoint p = inv.apply(new PixelPoint(cx * size, cy * size));
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        int x0 = (int) Math.max(0, Math.floor(minX) - 2);
        int y0 = (int) Math.max(0, Math.floor(minY) - 2);
        int x1 = (int) Math.min(bgr.cols(), Math.ceil(maxX) + 2);
        int y1 = (int) Math.min(bgr.rows(), Math.ceil(maxY) + 2);
        if (x1 - x0 < 1 || y1 - y0 < 1) {
            return new byte[size * size * channels];
        }
        // Shrink by an integer factor first: OpenCV's area averaging has a fast path for integer
        // factors, and the remaining shrink (less than 2x) is safe for bilinear sampling.
        int k = t.scale() < 1 ? (int) Math.floor(1 / t.scale()) : 1;
        if (k > 1) {
            int[] xs = multipleOf(k, x0, x1, bgr.cols());
            int[] ys = multipleOf(k, y0, y1, bgr.rows());
            if (xs == null || ys == null) {
                k = 1;
            } else {
                x0 = xs[0];
                x1 = xs[1];
                y0 = ys[0];
                y1 = ys[1];
            }
        }
        try (Rect rect = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(bgr, rect); Mat reduced = new Mat();
             Mat out = new Mat(); Size sz = new Size(size, size); Scalar black = new Scalar(0.0)) {
            Mat src = roi;
            if (k > 1) {
                try (Size small = new Size((x1 - x0) / k, (y1 - y0) / k)) {
                    resize(roi, reduced, small, 0, 0, INTER_AREA);
                }
                src = reduced;
            }
            // Map a pixel of the reduced region back to the source, then through t.
            double rx = (x1 - x0) / (double) src.cols();
            double ry = (y1 - y0) / (double) src.rows();
            double[] m = t.matrix();
            double[] composed = {
                m[0] * rx, m[1] * ry, m[0] * x0 + m[1] * y0 + m[2],
                m[3] * rx, m[4] * ry, m[3] * x0 + m[4] * y0 + m[5]};
            // Pixel centres: source pixel i of the reduced grid covers [i*rx, (i+1)*rx) of the region.
            composed[2] += m[0] * (rx - 1) / 2 + m[1] * (ry - 1) / 2;
            composed[5] += m[3] * (rx - 1) / 2 + m[4] * (ry - 1) / 2;
            try (DoublePointer mp = new DoublePointer(composed); Mat matrix = new Mat(2, 3, CV_64F, mp)) {
                warpAffine(src, out, matrix, sz, INTER_LINEAR, BORDER_CONSTANT, black);
            }
            byte[] b = new byte[size * size * channels];
            if (grey && out.channels() != 1) {
                try (Mat g = new Mat()) {
                    cvtColor(out, g, COLOR_BGR2GRAY);
                    g.data().get(b);
                }
            } else {
                out.data().get(b);
            }
            return b;
        }
    }

    /** The span [lo, hi) widened (within [0, limit)) or trimmed to a length divisible by k; null if shorter than k. */
    private static int[] multipleOf(int k, int lo, int hi, int limit) {
        int len = (hi - lo + k - 1) / k * k;
        int start = Math.max(0, Math.min(lo, limit - len));
        int end = Math.min(limit, start + len);
        int usable = (end - start) / k * k;
        return usable < k ? null : new int[] {start, start + usable};
    }
}
