package org.malau.face;

/** Which detected faces of an image to align. */
public enum FaceSelection {
    /** Only the largest face (one output per image). */
    LARGEST,
    /** Every detected face, largest first. */
    ALL
}
