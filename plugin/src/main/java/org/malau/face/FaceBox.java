package org.malau.face;

/** An axis-aligned face rectangle in source-image pixels. */
public record FaceBox(double x, double y, double width, double height) {

    /** Area in square pixels. */
    public double area() {
        return width * height;
    }

    /** Intersection over union with {@code o}; used to merge detections of the same face. */
    public double iou(FaceBox o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** This box with every coordinate multiplied by {@code f}. */
    public FaceBox scaled(double f) {
        return new FaceBox(x * f, y * f, width * f, height * f);
    }
}
