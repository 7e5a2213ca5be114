package org.malau.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Resamples an image through a {@link SimilarityTransform} for detection on rotated copies. */
final class AffineWarp {
    private AffineWarp() {
    }

    /**
     * {@code dst} becomes the {@code w x h} image whose pixel {@code t(p)} shows {@code src} at {@code p}.
     * Borders replicate edge pixels so a cascade does not see artificial black edges as face contours.
     */
    static void apply(Mat src, Mat dst, SimilarityTransform t, int w, int h) {
        try (DoublePointer m = new DoublePointer(t.matrix()); Mat matrix = new Mat(2, 3, CV_64F, m);
             Size sz = new Size(w, h); Scalar zero = new Scalar(0.0)) {
            warpAffine(src, dst, matrix, sz, INTER_LINEAR, BORDER_REPLICATE, zero);
        }
    }
}
