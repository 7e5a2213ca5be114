package org.malau.face;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Encodes OpenCV images for tests that build their own input files. */
final class TestImages {
    private TestImages() {
    }

    /** {@code m} encoded with the codec for {@code ext} (e.g. {@code ".png"}). */
    static byte[] encode(Mat m, String ext) {
        try (BytePointer out = new BytePointer()) {
            if (!imencode(ext, m, out)) {
                throw new IllegalStateException("cannot encode " + ext);
            }
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }
}
