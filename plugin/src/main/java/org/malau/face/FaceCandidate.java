package org.malau.face;

import java.util.List;

/**
 * One face reported by a {@link FaceDetector}, in the coordinates of the image it was given.
 *
 * @param box             axis-aligned face box; for a face found in a rotated copy of the image, a box
 *                        of the detected size centred on the face
 * @param landmarks       five points in {@link EyeTemplate#fivePoints()} order when the detector provides
 *                        them (DNN route); empty for cascade detectors
 * @param uprightRotation rotation in degrees (see {@link SimilarityTransform#rotation}) that made the face
 *                        upright for the detector; 0 for faces found in the image as given
 */
public record FaceCandidate(FaceBox box, List<PixelPoint> landmarks, double uprightRotation) {
    /** Defensive copy so a candidate cannot change after creation. */
    public FaceCandidate {
        landmarks = List.copyOf(landmarks);
    }

    /** A candidate found without rotation. */
    public FaceCandidate(FaceBox box, List<PixelPoint> landmarks) {
        this(box, landmarks, 0);
    }
}
