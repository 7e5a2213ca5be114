package org.malau.model;

import java.nio.file.Path;

/**
 * The prediction for one image file, or why there is none: one unreadable image is reported on its
 * own row and does not stop the others.
 *
 * @param file the image file
 * @param prediction null when the file could not be read
 * @param problem null when predicted, else what was wrong with the file (its message names it)
 */
public record FileOutcome(Path file, FacePrediction prediction, String problem) {
}
