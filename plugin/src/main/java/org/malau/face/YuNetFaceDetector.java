package org.malau.face;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

/**
 * Face detection with OpenCV's {@code FaceDetectorYN} and a model file the user supplies (e.g. the
 * YuNet ONNX model from the OpenCV model zoo). Nothing is downloaded; the detector also yields five
 * landmarks per face, which make eye search unnecessary.
 */
public final class YuNetFaceDetector implements FaceDetector {
    private final FaceDetectorYN net;
    private final int maxSide;

    /**
     * @param model          the model file
     * @param scoreThreshold minimum face confidence, e.g. 0.8
     * @param maxSide        longer side of the detection image in pixels
     * @throws IllegalArgumentException naming the file when it is missing, unreadable or not a usable model
     */
    public YuNetFaceDetector(Path model, float scoreThreshold, int maxSide) {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("face detector model file not found: " + model);
        }
        if (!Files.isReadable(model)) {
            throw new IllegalArgumentException("face detector model file not readable: " + model);
        }
        FaceDetectorYN created;
        try (Size size = new Size(320, 320)) {
            created = FaceDetectorYN.create(model.toAbsolutePath().toString(), "", size, scoreThreshold, 0.3f, 5000, 0, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot load face detector model " + model + ": " + e.getMessage(), e);
        }
        if (created == null || created.isNull()) {
            throw new IllegalArgumentException("cannot load face detector model " + model);
        }
        this.net = created;
        this.maxSide = maxSide;
    }

    @Override
    public List<FaceCandidate> detect(Mat bgr, Mat grey) {
        List<FaceCandidate> out = new ArrayList<>();
        double f = Math.min(1.0, maxSide / (double) Math.max(bgr.cols(), bgr.rows()));
        try (Mat small = new Mat(); Mat faces = new Mat()) {
            if (f < 1.0) {
                try (Size sz = new Size((int) Math.round(bgr.cols() * f), (int) Math.round(bgr.rows() * f))) {
                    resize(bgr, small, sz, 0, 0, INTER_AREA);
                }
            } else {
                bgr.copyTo(small);
            }
            try (Size in = new Size(small.cols(), small.rows())) {
                net.setInputSize(in);
            }
            net.detect(small, faces);
            if (faces.empty() || faces.type() != CV_32F) {
                return out;
            }
            // Each row: box x, y, w, h; five landmarks (x, y); score.
            try (FloatIndexer ix = faces.createIndexer()) {
                for (int r = 0; r < faces.rows(); r++) {
                    FaceBox box = new FaceBox(ix.get(r, 0) / f, ix.get(r, 1) / f, ix.get(r, 2) / f, ix.get(r, 3) / f);
                    List<PixelPoint> pts = new ArrayList<>();
                    for (int k = 0; k < 5; k++) {
                        pts.add(new PixelPoint(ix.get(r, 4 + 2 * k) / f, ix.get(r, 5 + 2 * k) / f));
                    }
                    out.add(new FaceCandidate(box, imageLeftFirst(pts)));
                }
            }
        }
        out.sort(Comparator.comparingDouble((FaceCandidate c) -> c.box().area()).reversed());
        return out;
    }

    /** YuNet names points from the subject's view; order each left/right pair by image x instead. */
    private static List<PixelPoint> imageLeftFirst(List<PixelPoint> p) {
        List<PixelPoint> o = new ArrayList<>(p);
        if (o.get(0).x() > o.get(1).x()) {
            o.set(0, p.get(1));
            o.set(1, p.get(0));
        }
        if (o.get(3).x() > o.get(4).x()) {
            o.set(3, p.get(4));
            o.set(4, p.get(3));
        }
        return o;
    }

    @Override
    public void close() {
        net.close();
    }
}
