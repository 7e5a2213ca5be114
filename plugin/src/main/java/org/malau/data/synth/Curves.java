package org.malau.data.synth;

import java.awt.geom.Path2D;

/** Smooth outlines through landmark points (Catmull-Rom splines as cubic Béziers). */
final class Curves {
    private Curves() {
    }

    /** x,y pairs of the given landmarks. */
    static float[] pts(float[] lm, int... idx) {
        float[] xy = new float[idx.length * 2];
        for (int i = 0; i < idx.length; i++) {
            xy[2 * i] = lm[2 * idx[i]];
            xy[2 * i + 1] = lm[2 * idx[i] + 1];
        }
        return xy;
    }

    /** Same points moved by (dx, dy). */
    static float[] shift(float[] xy, float dx, float dy) {
        float[] out = xy.clone();
        for (int i = 0; i < out.length; i += 2) {
            out[i] += dx;
            out[i + 1] += dy;
        }
        return out;
    }

    /** An open curve through all points. */
    static Path2D.Float open(float[] xy) {
        Path2D.Float p = new Path2D.Float();
        p.moveTo(xy[0], xy[1]);
        append(p, xy);
        return p;
    }

    /**
     * Appends a curve from the path's current point (which must be xy[0]) through the remaining
     * points. End tangents use the end points themselves, so joined curves keep sharp corners, as
     * eye and mouth corners are.
     */
    static void append(Path2D.Float p, float[] xy) {
        int n = xy.length / 2;
        for (int i = 0; i < n - 1; i++) {
            int a = Math.max(i - 1, 0);
            int d = Math.min(i + 2, n - 1);
            float c1x = xy[2 * i] + (xy[2 * (i + 1)] - xy[2 * a]) / 6f;
            float c1y = xy[2 * i + 1] + (xy[2 * (i + 1) + 1] - xy[2 * a + 1]) / 6f;
            float c2x = xy[2 * (i + 1)] - (xy[2 * d] - xy[2 * i]) / 6f;
            float c2y = xy[2 * (i + 1) + 1] - (xy[2 * d + 1] - xy[2 * i + 1]) / 6f;
            p.curveTo(c1x, c1y, c2x, c2y, xy[2 * (i + 1)], xy[2 * (i + 1) + 1]);
        }
    }

    /** A closed outline made of two curves that share their end points (upper and lower lid or lip). */
    static Path2D.Float closed(float[] first, float[] second) {
        Path2D.Float p = open(first);
        append(p, second);
        p.closePath();
        return p;
    }
}
