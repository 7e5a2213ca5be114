package org.malau.data.synth;

import java.awt.geom.AffineTransform;

/**
 * Where the face sits in the image. Landmark-based alignment is expected to undo exactly this.
 *
 * @param rollDegrees in-plane head rotation, clockwise on screen
 * @param scale face size relative to the canonical face
 * @param dx horizontal offset of the face centre from the image centre, in canonical units
 * @param dy vertical offset, in canonical units
 */
public record Pose(float rollDegrees, float scale, float dx, float dy) {
    /** Upright, canonical size, centred: for figures and for the AU region tests. */
    public static final Pose CENTRED = new Pose(0f, 1f, 0f, 0f);

    /** Maps canonical face units to pixels of a {@code size} x {@code size} image. */
    public AffineTransform toImage(int size) {
        double k = size / 128.0;
        AffineTransform t = new AffineTransform();
        t.translate(size / 2.0 + dx * k, size / 2.0 + dy * k);
        t.rotate(Math.toRadians(rollDegrees));
        t.scale(scale * k, scale * k);
        t.translate(-FaceGeometry.CX, -FaceGeometry.PIVOT_Y);
        return t;
    }
}
