package org.malau.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One aligned face. Coordinates are in source-image pixels (even when the image was decoded at
 * reduced resolution); the crop is a plain byte array, row-major, BGR-interleaved or grey.
 *
 * @param faceIndex  0 for the largest face, then by decreasing size (landmark route: input order)
 * @param status     {@link AlignStatus#OK} or {@link AlignStatus#EYES_ESTIMATED}
 * @param box        face box; for the landmark route the box of the template's crop area in the source
 * @param eyes       eye centres used for the alignment
 * @param rollDegrees in-plane head roll removed by the alignment, degrees (positive = right eye lower in the image)
 * @param scale      crop pixels per source pixel
 * @param size       crop width and height
 * @param channels   1 (grey) or 3 (BGR)
 * @param pixels     {@code size * size * channels} bytes
 * @param transform  maps source-image pixels to crop pixels (e.g. to carry other landmarks into the crop)
 * @param landmarks68 the 68 iBUG landmarks in source-image pixels when the 68-point network located the eyes, else null
 */
public record AlignedFace(int faceIndex, AlignStatus status, FaceBox box, EyePair eyes, double rollDegrees, double scale,
    int size, int channels, byte[] pixels, SimilarityTransform transform, List<PixelPoint> landmarks68) {

    /** Copies the landmarks. */
    public AlignedFace {
        landmarks68 = landmarks68 == null ? null : List.copyOf(landmarks68);
    }

    /** The crop encoded as PNG. */
    public byte[] png() {
        try (Mat m = new Mat(size, size, channels == 1 ? CV_8UC1 : CV_8UC3); BytePointer out = new BytePointer()) {
            m.data().put(pixels);
            if (!imencode(".png", m, out)) {
                throw new IllegalStateException("PNG encoding failed");
            }
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }
}
