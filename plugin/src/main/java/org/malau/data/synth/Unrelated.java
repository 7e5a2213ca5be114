package org.malau.data.synth;

/**
 * How an {@code unrelated} sample destroys the facial signal; {@link #NONE} for every usable face.
 */
public enum Unrelated {
    NONE,
    /** Large opaque objects cover the face from brows to chin. */
    OCCLUSION,
    /** So much blur that no feature survives. */
    EXTREME_BLUR,
    /** Background only: the face detector would have fired on clutter. */
    NO_FACE
}
