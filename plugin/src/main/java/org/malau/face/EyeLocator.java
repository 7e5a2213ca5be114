package org.malau.face;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds both eye centres inside a detected face box.
 *
 * <p>The upper part of the face is resampled to a fixed width (so cascade window sizes and the
 * geometric checks are in face-relative units), eye cascades propose candidates (the plain eye model,
 * then the glasses-tolerant tree model if no valid pair came out), and the best pair passing
 * anatomical checks is kept:
 * both eyes in the upper half of the box, the image-left eye in the left half and the other in the
 * right half, inter-ocular distance a plausible fraction of face width, and small tilt. Each eye
 * centre is then refined with the {@link PupilLocator} inside its eye box. Without a valid pair the
 * centres are estimated from the face box's standard geometry (then, if refinement is on, searched
 * for with the same pupil locator in eye-sized windows around those positions) and marked as
 * estimated.
 */
public final class EyeLocator implements AutoCloseable {
    /** Eye-search band of the face box (fractions of its height). */
    private static final double BAND_TOP = 0.15;
    private static final double BAND_BOTTOM = 0.60;
    /**
     * Generic eye positions in a frontal Haar face box (fractions of width / height), used to rank
     * candidate pairs and as the estimate when no pair is found.
     */
    static final double PRIOR_LEFT_X = 0.30;
    static final double PRIOR_RIGHT_X = 0.70;
    static final double PRIOR_Y = 0.38;
    /** Size of the pupil search window around a prior eye position (fractions of face width / height). */
    private static final double PRIOR_WINDOW_W = 0.25;
    private static final double PRIOR_WINDOW_H = 0.15;
    /**
     * Eye box size limits relative to face width. An eye cascade's box spans about a quarter of a
     * frontal face box (the eye is a fifth of the face width, plus lids and corners); 0.18 leaves room
     * for narrow or partly closed eyes.
     */
    static final double MIN_EYE = 0.18;
    private static final double MAX_EYE = 0.40;
    /** Largest width of the upright patch cut for a rotated face; the eye search resamples to {@link #faceWidth} anyway. */
    private static final double PATCH_WIDTH = 400;
    /** Context kept around a rotated face's box so eye windows near its edge stay whole. */
    private static final double PATCH_MARGIN = 0.1;
    /** Anatomical plausibility limits. */
    private static final double MIN_IOD = 0.25;
    private static final double MAX_IOD = 0.65;
    private static final double MAX_TILT_DEG = 20;

    private final CascadeClassifier eye;
    private final CascadeClassifier eyeGlasses;
    /**
     * Width the face is resampled to for the eye cascades: the smallest eye sought ({@link #MIN_EYE})
     * then fills the cascades' training window exactly. A cascade's cost grows with the pixels it
     * scans, so any wider crop only pays for scales that cannot hold a plausible eye.
     */
    private final int faceWidth;
    private final PupilLocator pupils = new PupilLocator();
    private final boolean refine;

    /** @param refine whether to refine cascade eye boxes to pupil centres with the gradient method */
    public EyeLocator(boolean refine) {
        this.eye = CascadeLoader.load(CascadeLoader.EYE);
        this.eyeGlasses = CascadeLoader.load(CascadeLoader.EYE_GLASSES);
        this.faceWidth = (int) Math.ceil(Math.max(windowSide(eye), windowSide(eyeGlasses)) / MIN_EYE);
        this.refine = refine;
    }

    private static int windowSide(CascadeClassifier c) {
        try (Size w = c.getOriginalWindowSize()) {
            return Math.max(w.width(), w.height());
        }
    }

    /**
     * Eye centres for a face that the detector found after rotating the image by {@code rotation}
     * degrees: the face is resampled upright (at most {@link #PATCH_WIDTH} px wide), searched there, and
     * the centres are mapped back to {@code grey}'s coordinates.
     */
    public EyePair locate(Mat grey, FaceBox box, double rotation) {
        if (rotation == 0) {
            return locate(grey, box);
        }
        double s = Math.min(1.0, PATCH_WIDTH / box.width());
        int pw = (int) Math.ceil(box.width() * (1 + 2 * PATCH_MARGIN) * s);
        int ph = (int) Math.ceil(box.height() * (1 + 2 * PATCH_MARGIN) * s);
        PixelPoint centre = new PixelPoint(box.x() + box.width() / 2, box.y() + box.height() / 2);
        SimilarityTransform t = SimilarityTransform.rotation(rotation, centre, new PixelPoint(pw / 2.0 / s, ph / 2.0 / s))
            .thenScale(s);
        SimilarityTransform back = t.inverse();
        FaceBox inPatch = new FaceBox(pw / 2.0 - box.width() * s / 2, ph / 2.0 - box.height() * s / 2,
            box.width() * s, box.height() * s);
        try (Mat patch = new Mat()) {
            AffineWarp.apply(grey, patch, t, pw, ph);
            EyePair e = locate(patch, inPatch);
            return new EyePair(back.apply(e.left()), back.apply(e.right()), e.estimated());
        }
    }

    /** Eye centres for the upright face {@code box} of the 8-bit grey image {@code grey}, in its pixel coordinates. */
    public EyePair locate(Mat grey, FaceBox box) {
        FaceBox[] pair = null;
        try (Band band = Band.cut(grey, box, faceWidth)) {
            if (band != null) {
                // The glasses-tolerant model is slower; it runs only when the plain one finds no valid pair.
                List<FaceBox> candidates = band.detect(eye);
                pair = bestPair(candidates, box);
                if (pair == null) {
                    candidates.addAll(band.detect(eyeGlasses));
                    pair = bestPair(candidates, box);
                }
            }
        }
        if (pair == null) {
            return refine ? refinedEstimate(grey, box) : estimate(box);
        }
        if (refine) {
            return new EyePair(pupils.locate(grey, pair[0]), pupils.locate(grey, pair[1]), false);
        }
        return new EyePair(centre(pair[0]), centre(pair[1]), false);
    }

    /**
     * The face-box estimate, refined by searching the pupil in an eye-sized window around each prior
     * position. This recovers most of the accuracy of a detected pair (on the landmark photos with
     * cascades bypassed: median error 0.036 instead of 0.082 IOD), because the window almost always
     * contains the whole eye. Still marked as estimated: nothing confirmed that an eye is there.
     */
    EyePair refinedEstimate(Mat grey, FaceBox box) {
        EyePair prior = estimate(box);
        return new EyePair(pupils.locate(grey, window(prior.left(), box)), pupils.locate(grey, window(prior.right(), box)),
            true);
    }

    /** An eye-sized search window (about the width of an eye and its lids) centred on {@code p}. */
    private static FaceBox window(PixelPoint p, FaceBox face) {
        double w = PRIOR_WINDOW_W * face.width();
        double h = PRIOR_WINDOW_H * face.height();
        return new FaceBox(p.x() - w / 2, p.y() - h / 2, w, h);
    }

    /** Eye centres inferred from the face box alone. */
    public static EyePair estimate(FaceBox box) {
        return new EyePair(
            new PixelPoint(box.x() + PRIOR_LEFT_X * box.width(), box.y() + PRIOR_Y * box.height()),
            new PixelPoint(box.x() + PRIOR_RIGHT_X * box.width(), box.y() + PRIOR_Y * box.height()), true);
    }

    /** The eye-search band of one face, resampled so the face is {@link #faceWidth} wide; owns its pixels. */
    private static final class Band implements AutoCloseable {
        private final Mat pixels;
        private final double x0;
        private final double y0;
        private final double f;
        private final int faceWidth;

        private Band(Mat pixels, double x0, double y0, double f, int faceWidth) {
            this.pixels = pixels;
            this.x0 = x0;
            this.y0 = y0;
            this.f = f;
            this.faceWidth = faceWidth;
        }

        /** The band of {@code box} in {@code grey}, or null when it is too small to search. */
        static Band cut(Mat grey, FaceBox box, int faceWidth) {
            int x0 = (int) Math.max(0, Math.round(box.x()));
            int y0 = (int) Math.max(0, Math.round(box.y() + BAND_TOP * box.height()));
            int x1 = (int) Math.min(grey.cols(), Math.round(box.x() + box.width()));
            int y1 = (int) Math.min(grey.rows(), Math.round(box.y() + BAND_BOTTOM * box.height()));
            if (x1 - x0 < 8 || y1 - y0 < 4) {
                return null;
            }
            double f = faceWidth / box.width();
            int bw = Math.max(1, (int) Math.round((x1 - x0) * f));
            int bh = Math.max(1, (int) Math.round((y1 - y0) * f));
            Mat band = new Mat();
            try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(grey, r); Size sz = new Size(bw, bh)) {
                // No histogram equalisation here: the eye cascades were trained on unequalised patches,
                // and equalising a band that also holds hair and background washed out eyes in trials.
                resize(roi, band, sz, 0, 0, f < 1 ? INTER_AREA : INTER_LINEAR);
            }
            return new Band(band, x0, y0, f, faceWidth);
        }

        /** Eye boxes found by {@code c}, in the grey image's coordinates. */
        List<FaceBox> detect(CascadeClassifier c) {
            List<FaceBox> out = new ArrayList<>();
            int minEye = (int) Math.floor(faceWidth * MIN_EYE);
            int maxEye = (int) Math.round(faceWidth * MAX_EYE);
            try (RectVector found = new RectVector(); Size min = new Size(minEye, minEye); Size max = new Size(maxEye, maxEye)) {
                c.detectMultiScale(pixels, found, 1.1, 3, 0, min, max);
                for (long i = 0; i < found.size(); i++) {
                    Rect e = found.get(i);
                    out.add(new FaceBox(x0 + e.x() / f, y0 + e.y() / f, e.width() / f, e.height() / f));
                }
            }
            return out;
        }

        @Override
        public void close() {
            pixels.close();
        }
    }

    /** The plausible (left, right) pair closest to the generic eye positions, or null. */
    static FaceBox[] bestPair(List<FaceBox> eyes, FaceBox face) {
        FaceBox[] best = null;
        double bestCost = Double.MAX_VALUE;
        double midX = face.x() + face.width() / 2;
        double midY = face.y() + face.height() / 2;
        for (FaceBox a : eyes) {
            for (FaceBox b : eyes) {
                PixelPoint ca = centre(a);
                PixelPoint cb = centre(b);
                if (ca.x() >= midX || cb.x() <= midX || ca.y() >= midY || cb.y() >= midY) {
                    continue;
                }
                double iod = ca.distance(cb) / face.width();
                double tilt = Math.toDegrees(Math.atan2(Math.abs(cb.y() - ca.y()), cb.x() - ca.x()));
                double sizeRatio = Math.max(a.width(), b.width()) / Math.min(a.width(), b.width());
                if (iod < MIN_IOD || iod > MAX_IOD || tilt > MAX_TILT_DEG || sizeRatio > 2) {
                    continue;
                }
                EyePair prior = estimate(face);
                double cost = (ca.distance(prior.left()) + cb.distance(prior.right())) / face.width()
                    + 0.5 * Math.log(sizeRatio);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new FaceBox[] {a, b};
                }
            }
        }
        return best;
    }

    private static PixelPoint centre(FaceBox b) {
        return new PixelPoint(b.x() + b.width() / 2, b.y() + b.height() / 2);
    }

    /** Releases the native cascades. */
    @Override
    public void close() {
        eye.close();
        eyeGlasses.close();
    }
}
