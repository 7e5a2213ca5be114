package org.malau.face;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Frontal-face detection with a cascade from the OpenCV jar. The smallest face searched for is
 * {@code minFaceFraction} of the shorter image side (at least {@link #MIN_FACE_PX} pixels), and
 * detection runs on a copy scaled so that this size equals the cascade's training window (and whose
 * longer side is at most {@code maxSide}): a cascade's cost is set by how many window positions and
 * scales it scans, so this bounds the cost per photo whatever its resolution. Boxes are mapped back
 * to the full-resolution image.
 *
 * <p>Frontal cascades tolerate only about 15 degrees of in-plane roll. When the upright pass finds no
 * face, the detection image is rotated by each of {@link #ROLL_SEARCH} degrees and searched again; a
 * face found that way carries the rotation, so eye search can work on an upright patch (and callers
 * should demand a confirmed eye pair for such faces, since every extra pass is another chance for a
 * false detection). The extra passes run only when the upright pass came back empty, and only for
 * faces at least {@link #ROLL_SEARCH_SIZE} times the smallest upright size, keeping the common case
 * fast; a tilted face next to upright ones is therefore not searched for.
 *
 * <p>When only the largest face is wanted, large faces are sought first and the small scales, which
 * hold most of the window positions, are scanned only if no large face turned up.
 */
public final class CascadeFaceDetector implements FaceDetector {
    /** Rotations tried when the upright pass is empty: beyond the cascade's tolerance, within a head's usual roll. */
    private static final double[] ROLL_SEARCH = {-25, 25};
    /** Smallest face sought in the rotated passes, relative to the upright pass's smallest (4x fewer windows). */
    static final double ROLL_SEARCH_SIZE = 2.0;
    /** Faces found at different rotations are the same face when their centres are this close (fraction of width). */
    private static final double SAME_FACE = 0.5;

    /**
     * Ratio between successive scan scales. 1.2 scans half as many scales as OpenCV's customary 1.1
     * (about 40 % less time here) and the coarser box costs nothing downstream, because the eye
     * search, not the face box, places the crop.
     */
    static final double SCALE_STEP = 1.2;
    /** Faces below this many source pixels are not searched for: too small to give a useful crop. */
    static final double MIN_FACE_PX = 32;
    /**
     * When only the largest face is wanted, a first pass seeks faces at least this many times the
     * smallest size. Window positions fall with the square of the scale, so that pass costs about a
     * quarter of a full one, and when it finds a face no smaller face can be the answer; only when it
     * finds none do the small scales run.
     */
    static final double LARGE_FIRST = 2.0;

    private final CascadeClassifier cascade;
    private final int window;
    private final int maxSide;
    private final double minFaceFraction;
    private final int minNeighbours;
    private final boolean largestOnly;

    /** A detector that reports every face. */
    public CascadeFaceDetector(String cascadeResource, int maxSide, double minFaceFraction, int minNeighbours) {
        this(cascadeResource, maxSide, minFaceFraction, minNeighbours, FaceSelection.ALL);
    }

    /**
     * @param cascadeResource  a cascade path relative to the jar's {@code share/opencv4}, see {@link CascadeLoader}
     * @param maxSide          upper bound on the longer side of the detection image in pixels
     * @param minFaceFraction  smallest face side searched for, as a fraction of the shorter image side
     * @param minNeighbours    overlapping raw detections needed to accept a face (higher = fewer false faces)
     * @param selection        {@link FaceSelection#LARGEST} lets the search stop early once a large face is found
     */
    public CascadeFaceDetector(String cascadeResource, int maxSide, double minFaceFraction, int minNeighbours,
        FaceSelection selection) {
        this.cascade = CascadeLoader.load(cascadeResource);
        try (Size w = cascade.getOriginalWindowSize()) {
            this.window = Math.max(w.width(), w.height());
        }
        this.maxSide = maxSide;
        this.minFaceFraction = minFaceFraction;
        this.minNeighbours = minNeighbours;
        this.largestOnly = selection == FaceSelection.LARGEST;
    }

    @Override
    public List<FaceCandidate> detect(Mat bgr, Mat grey) {
        List<FaceCandidate> out = new ArrayList<>();
        int shortSide = Math.min(grey.cols(), grey.rows());
        int longSide = Math.max(grey.cols(), grey.rows());
        double minFace = Math.max(MIN_FACE_PX, minFaceFraction * shortSide);
        if (minFace > shortSide) {
            return out;
        }
        // Scale so the smallest wanted face matches the cascade's own window: the scan then starts at
        // its first, cheapest scale and never looks for faces nobody asked for.
        double f = Math.min(1.0, Math.min(window / minFace, maxSide / (double) longSide));
        try (Mat small = new Mat()) {
            if (f < 1.0) {
                try (Size sz = new Size(Math.max(1, (int) Math.round(grey.cols() * f)),
                    Math.max(1, (int) Math.round(grey.rows() * f)))) {
                    resize(grey, small, sz, 0, 0, INTER_AREA);
                }
            } else {
                grey.copyTo(small);
            }
            // Histogram equalisation makes the fixed cascade thresholds less sensitive to exposure.
            equalizeHist(small, small);
            int minSide = (int) Math.max(window, Math.round(minFace * f));
            if (minSide > Math.min(small.cols(), small.rows())) {
                return out;
            }
            if (largestOnly) {
                detectLarge(small, f, minSide * LARGE_FIRST, 0, out);
            }
            if (out.isEmpty()) {
                detectInto(small, f, minSide, 0, out);
            }
            if (out.isEmpty()) {
                // Only prominent faces are sought in rotated copies: that keeps each pass at about a quarter
                // of the upright one, and a small rolled face has too few pixels for the eye confirmation it
                // needs anyway.
                for (double degrees : ROLL_SEARCH) {
                    detectLarge(small, f, minSide * ROLL_SEARCH_SIZE, degrees, out);
                }
            }
        }
        out.sort(Comparator.comparingDouble((FaceCandidate c) -> c.box().area()).reversed());
        return out;
    }

    /**
     * Searches {@code small} (rotated by {@code degrees}) for faces of at least {@code minSide} of its
     * pixels on a copy shrunk so that this size is the cascade's window, as for the full image. Asking
     * the cascade for large faces through its minimum size instead would cost more: OpenCV scans
     * scales above 2 at every pixel rather than every other one, quadrupling their windows.
     */
    private void detectLarge(Mat small, double f, double minSide, double degrees, List<FaceCandidate> out) {
        double k = window / minSide;
        int w = (int) Math.round(small.cols() * k);
        int h = (int) Math.round(small.rows() * k);
        if (Math.min(w, h) < window) {
            return;
        }
        try (Mat shrunk = new Mat(); Size sz = new Size(w, h)) {
            resize(small, shrunk, sz, 0, 0, INTER_AREA);
            if (degrees == 0) {
                detectInto(shrunk, f * k, window, 0, out);
            } else {
                detectRotated(shrunk, f * k, window, degrees, out);
            }
        }
    }

    private void detectInto(Mat image, double f, int minSide, double rotation, List<FaceCandidate> out) {
        try (RectVector found = new RectVector(); Size min = new Size(minSide, minSide); Size max = new Size()) {
            cascade.detectMultiScale(image, found, SCALE_STEP, minNeighbours, 0, min, max);
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                out.add(new FaceCandidate(new FaceBox(r.x() / f, r.y() / f, r.width() / f, r.height() / f), List.of(), rotation));
            }
        }
    }

    /** Searches {@code small} rotated by {@code degrees}; adds new faces in unrotated full-resolution coordinates. */
    private void detectRotated(Mat small, double f, int minSide, double degrees, List<FaceCandidate> out) {
        int w = small.cols();
        int h = small.rows();
        double r = Math.toRadians(Math.abs(degrees));
        int rw = (int) Math.ceil(w * Math.cos(r) + h * Math.sin(r));
        int rh = (int) Math.ceil(w * Math.sin(r) + h * Math.cos(r));
        SimilarityTransform t = SimilarityTransform.rotation(degrees, new PixelPoint(w / 2.0, h / 2.0),
            new PixelPoint(rw / 2.0, rh / 2.0));
        SimilarityTransform back = t.inverse();
        List<FaceCandidate> rotated = new ArrayList<>();
        try (Mat turned = new Mat()) {
            AffineWarp.apply(small, turned, t, rw, rh);
            detectInto(turned, 1.0, minSide, degrees, rotated);
        }
        for (FaceCandidate c : rotated) {
            FaceBox b = c.box();
            PixelPoint centre = back.apply(new PixelPoint(b.x() + b.width() / 2, b.y() + b.height() / 2));
            FaceBox mapped = new FaceBox((centre.x() - b.width() / 2) / f, (centre.y() - b.height() / 2) / f,
                b.width() / f, b.height() / f);
            boolean duplicate = false;
            for (FaceCandidate o : out) {
                double d = Math.hypot(o.box().x() + o.box().width() / 2 - (mapped.x() + mapped.width() / 2),
                    o.box().y() + o.box().height() / 2 - (mapped.y() + mapped.height() / 2));
                duplicate |= d < SAME_FACE * o.box().width();
            }
            if (!duplicate) {
                out.add(new FaceCandidate(mapped, List.of(), degrees));
            }
        }
    }

    @Override
    public void close() {
        cascade.close();
    }
}
