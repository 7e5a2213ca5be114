package org.malau.face;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in an 8-bit BGR image. Implementations hold native models and are not thread-safe. */
public interface FaceDetector extends AutoCloseable {

    /** Faces in an image given both as 8-bit BGR and as its grey version (each detector uses what it needs), largest first. */
    List<FaceCandidate> detect(Mat bgr, Mat grey);

    @Override
    void close();
}
