package org.malau.face;

import java.util.List;

/**
 * A 2-D similarity (rotation, uniform scale, translation; no reflection or shear):
 * {@code x' = a x - b y + tx, y' = b x + a y + ty}.
 */
public final class SimilarityTransform {
    private final double a;
    private final double b;
    private final double tx;
    private final double ty;

    SimilarityTransform(double a, double b, double tx, double ty) {
        this.a = a;
        this.b = b;
        this.tx = tx;
        this.ty = ty;
    }

    /**
     * The least-squares similarity mapping {@code from[i]} onto {@code to[i]}. Treating points as
     * complex numbers turns the problem into linear regression {@code to = s*from + t} with complex
     * {@code s}, which has a closed form and needs no SVD; with two points it is exact.
     */
    public static SimilarityTransform fit(List<PixelPoint> from, List<PixelPoint> to) {
        if (from.size() != to.size() || from.size() < 2) {
            throw new IllegalArgumentException("need >= 2 point pairs, got " + from.size() + " and " + to.size());
        }
        PixelPoint cf = PixelPoint.mean(from.toArray(PixelPoint[]::new));
        PixelPoint ct = PixelPoint.mean(to.toArray(PixelPoint[]::new));
        double num1 = 0;
        double num2 = 0;
        double den = 0;
        for (int i = 0; i < from.size(); i++) {
            double fx = from.get(i).x() - cf.x();
            double fy = from.get(i).y() - cf.y();
            double gx = to.get(i).x() - ct.x();
            double gy = to.get(i).y() - ct.y();
            num1 += fx * gx + fy * gy;
            num2 += fx * gy - fy * gx;
            den += fx * fx + fy * fy;
        }
        if (den < 1e-12) {
            throw new IllegalArgumentException("source points coincide; cannot fit a similarity");
        }
        double a = num1 / den;
        double b = num2 / den;
        return new SimilarityTransform(a, b, ct.x() - (a * cf.x() - b * cf.y()), ct.y() - (b * cf.x() + a * cf.y()));
    }

    /**
     * Rotation by {@code degrees} about {@code centre}, then translation so {@code centre} lands on
     * {@code target}. Positive angles turn clockwise on screen, because image y points down.
     */
    public static SimilarityTransform rotation(double degrees, PixelPoint centre, PixelPoint target) {
        double r = Math.toRadians(degrees);
        double a = Math.cos(r);
        double b = Math.sin(r);
        return new SimilarityTransform(a, b, target.x() - (a * centre.x() - b * centre.y()),
            target.y() - (b * centre.x() + a * centre.y()));
    }

    /** This transform followed by a uniform scaling by {@code f} about the origin. */
    public SimilarityTransform thenScale(double f) {
        return new SimilarityTransform(a * f, b * f, tx * f, ty * f);
    }

    /** This transform followed by a uniform scaling by {@code f} about {@code pivot}. */
    public SimilarityTransform thenScaleAbout(double f, PixelPoint pivot) {
        return new SimilarityTransform(a * f, b * f, (tx - pivot.x()) * f + pivot.x(), (ty - pivot.y()) * f + pivot.y());
    }

    /** This transform applied to input coordinates first multiplied by {@code f}: {@code p -> this(f p)}. */
    public SimilarityTransform afterScaling(double f) {
        return new SimilarityTransform(a * f, b * f, tx, ty);
    }

    /** Maps {@code p}. */
    public PixelPoint apply(PixelPoint p) {
        return new PixelPoint(a * p.x() - b * p.y() + tx, b * p.x() + a * p.y() + ty);
    }

    /** The inverse mapping. */
    public SimilarityTransform inverse() {
        double d = a * a + b * b;
        double ia = a / d;
        double ib = -b / d;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** Uniform scale factor (destination pixels per source pixel). */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** Rotation applied by the transform, in degrees; positive turns clockwise on screen (image y points down). */
    public double rotationDegrees() {
        return Math.toDegrees(Math.atan2(b, a));
    }

    /** Row-major 2x3 matrix {@code [a, -b, tx, b, a, ty]} as OpenCV's warpAffine expects. */
    public double[] matrix() {
        return new double[] {a, -b, tx, b, a, ty};
    }
}
