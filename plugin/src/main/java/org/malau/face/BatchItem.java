package org.malau.face;

import java.nio.file.Path;
import java.util.List;

/**
 * One image of a batch, with landmarks when the caller has them.
 *
 * @param landmarks faces given by the caller in source pixels; empty = detect faces
 */
public record BatchItem(Path image, List<Landmarks> landmarks) {
    /** Defensive copy. */
    public BatchItem {
        landmarks = List.copyOf(landmarks);
    }

    /** An item for the detector route. */
    public static BatchItem detect(Path image) {
        return new BatchItem(image, List.of());
    }
}
