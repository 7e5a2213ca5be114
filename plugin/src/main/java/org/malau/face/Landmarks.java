package org.malau.face;

import java.util.ArrayList;
import java.util.List;

/**
 * Landmarks of one face reduced to the points the {@link EyeTemplate} knows about.
 *
 * <p>Supported layouts, recognised by point count:
 * <ul>
 * <li>2: the eye centres;</li>
 * <li>5: eyes, nose tip, mouth corners (MTCNN / InsightFace / YuNet order);</li>
 * <li>68: iBUG 300-W; eye centre = mean of points 36-41 and of 42-47, nose tip 30, mouth corners 48 and 54;</li>
 * <li>83: Face++ 83-point template (webmorphR {@code fpp83}); pupils are points 63 and 81;</li>
 * <li>106: Face++ 106-point template ({@code fpp106}); eye centres are points 0 and 1;</li>
 * <li>189: FRL / Psychomorph template; pupils are points 0 and 1.</li>
 * </ul>
 * Left/right pairs are ordered by image x, since formats disagree on whose "left" they mean.
 *
 * @param points          source-image points, one per entry of {@code templateIndices}
 * @param templateIndices indices into {@link EyeTemplate#fivePoints()}; eyes are always indices 0 and 1
 */
public record Landmarks(List<PixelPoint> points, List<Integer> templateIndices) {
    /** Coordinates beyond this are no pixel of any image the decoder accepts (and 1e300 would overflow the warp). */
    public static final double MAX_COORDINATE = 1e6;

    /** Defensive copies; the first two points must be the eyes, every coordinate finite. */
    public Landmarks {
        points = List.copyOf(points);
        templateIndices = List.copyOf(templateIndices);
        if (points.size() != templateIndices.size() || points.size() < 2) {
            throw new IllegalArgumentException("landmarks need >= 2 points matched to template indices");
        }
        for (PixelPoint p : points) {
            if (!(Math.abs(p.x()) <= MAX_COORDINATE && Math.abs(p.y()) <= MAX_COORDINATE)) {
                throw new IllegalArgumentException("landmark (" + p.x() + ", " + p.y() + ") is no pixel coordinate; expected finite"
                    + " numbers of at most " + (long) MAX_COORDINATE);
            }
        }
    }

    /** Eye centres only. */
    public static Landmarks ofEyes(PixelPoint a, PixelPoint b) {
        List<PixelPoint> eyes = distinctEyes(a, b);
        return new Landmarks(eyes, List.of(0, 1));
    }

    /** Interprets {@code pts} by their count (see the class comment). */
    public static Landmarks of(List<PixelPoint> pts) {
        switch (pts.size()) {
            case 2:
                return ofEyes(pts.get(0), pts.get(1));
            case 5:
                return five(pts.get(0), pts.get(1), pts.get(2), pts.get(3), pts.get(4));
            case 68:
                return five(PixelPoint.mean(pts.subList(36, 42).toArray(PixelPoint[]::new)),
                    PixelPoint.mean(pts.subList(42, 48).toArray(PixelPoint[]::new)),
                    pts.get(30), pts.get(48), pts.get(54));
            case 83:
                return ofEyes(pts.get(63), pts.get(81));
            case 106:
            case 189:
                return ofEyes(pts.get(0), pts.get(1));
            default:
                throw new IllegalArgumentException("unsupported landmark layout with " + pts.size()
                    + " points (expected 2, 5, 68, 83, 106 or 189)");
        }
    }

    private static Landmarks five(PixelPoint eyeA, PixelPoint eyeB, PixelPoint nose, PixelPoint mouthA, PixelPoint mouthB) {
        List<PixelPoint> p = new ArrayList<>(distinctEyes(eyeA, eyeB));
        p.add(nose);
        p.addAll(ordered(mouthA, mouthB));
        return new Landmarks(p, List.of(0, 1, 2, 3, 4));
    }

    /** The eyes ordered by x; eyes less than a pixel apart give no scale or angle to align by. */
    private static List<PixelPoint> distinctEyes(PixelPoint a, PixelPoint b) {
        if (!(a.distance(b) >= 1)) {
            throw new IllegalArgumentException("the two eyes are less than a pixel apart ((" + a.x() + ", " + a.y() + ") and (" + b.x()
                + ", " + b.y() + ")); expected two distinct eye centres");
        }
        return ordered(a, b);
    }

    private static List<PixelPoint> ordered(PixelPoint a, PixelPoint b) {
        return a.x() <= b.x() ? List.of(a, b) : List.of(b, a);
    }

    /** The eye centres. */
    public EyePair eyes() {
        return new EyePair(points.get(0), points.get(1), false);
    }

    /** This set with every coordinate divided by {@code f} (source pixels to reduced-decode pixels). */
    Landmarks shrunk(double f) {
        List<PixelPoint> p = new ArrayList<>();
        for (PixelPoint q : points) {
            p.add(new PixelPoint(q.x() / f, q.y() / f));
        }
        return new Landmarks(p, templateIndices);
    }
}
