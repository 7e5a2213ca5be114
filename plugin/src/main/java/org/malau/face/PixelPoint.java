package org.malau.face;

/** A point in image pixel coordinates (origin top-left, x to the right, y down; sub-pixel). */
public record PixelPoint(double x, double y) {

    /** Euclidean distance to {@code other}. */
    public double distance(PixelPoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }

    /** Mean of the given points. */
    public static PixelPoint mean(PixelPoint... points) {
        double sx = 0;
        double sy = 0;
        for (PixelPoint p : points) {
            sx += p.x;
            sy += p.y;
        }
        return new PixelPoint(sx / points.length, sy / points.length);
    }
}
