package org.malau.face;

/** Outcome of aligning one face (or one image when no face could be produced). */
public enum AlignStatus {
    /** Face found and both eyes located (by detector, model landmarks or given landmarks). */
    OK,
    /** Face found but the eye centres were inferred from the face box, so alignment is approximate. */
    EYES_ESTIMATED,
    /** The image decoded but no face was found. */
    NO_FACE,
    /** The file is missing, empty, truncated beyond use, of an unknown format or too large to decode. */
    UNREADABLE
}
