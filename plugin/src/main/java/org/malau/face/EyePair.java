package org.malau.face;

/**
 * The two eye (pupil) centres of one face in source-image pixels. "Left" means image-left (the
 * subject's right eye), matching the landmark files in {@code shared/data/landmarks}.
 *
 * @param estimated true when the centres were inferred from face-box geometry rather than observed
 */
public record EyePair(PixelPoint left, PixelPoint right, boolean estimated) {

    /** Inter-ocular distance in pixels. */
    public double distance() {
        return left.distance(right);
    }

    /** Angle of the line from left to right eye in degrees; positive when the right eye is lower. */
    public double rollDegrees() {
        return Math.toDegrees(Math.atan2(right.y() - left.y(), right.x() - left.x()));
    }
}
