package org.malau.face;

import java.util.List;

/**
 * Result for one input image.
 *
 * @param source  file name or caller-given name of the image
 * @param status  {@link AlignStatus#UNREADABLE} or {@link AlignStatus#NO_FACE} when {@code faces} is
 *                empty, else the status of the first face
 * @param message why the image is unreadable, a warning (e.g. truncated JPEG decoded in part), or empty
 * @param width   decoded width in source pixels (0 when unreadable)
 * @param height  decoded height in source pixels (0 when unreadable)
 * @param faces   aligned faces, largest first
 */
public record ImageAlignment(String source, AlignStatus status, String message, int width, int height,
    List<AlignedFace> faces) {

    /** Defensive copy. */
    public ImageAlignment {
        faces = List.copyOf(faces);
    }

    static ImageAlignment unreadable(String source, String message) {
        return new ImageAlignment(source, AlignStatus.UNREADABLE, message, 0, 0, List.of());
    }

    static ImageAlignment of(String source, int width, int height, List<AlignedFace> faces, String warning) {
        AlignStatus s = faces.isEmpty() ? AlignStatus.NO_FACE : faces.get(0).status();
        return new ImageAlignment(source, s, warning, width, height, faces);
    }
}
