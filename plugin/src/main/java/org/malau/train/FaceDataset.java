package org.malau.train;

import java.io.IOException;

import org.malau.data.Corruption;
import org.malau.data.Expression;

/**
 * Labelled faces with random access to labels and lazily loaded pixels, so that a large image set
 * never has to sit in memory: labels for all samples, pixels only for the batches in flight.
 * Implementations must allow {@link #crop} from a background thread while the labels are read
 * from another.
 */
public interface FaceDataset {
    int size();

    /** Unique sample id within the set. */
    String id(int i);

    /** Subject id, "" when unknown. */
    String subject(int i);

    /** FACS numbers of the AU label columns, in the order of {@link #au(int)}; empty for expression-only sets. */
    int[] auCodes();

    /** AU occurrences 1/0/{@link org.malau.data.AuLabels#UNKNOWN}, or null when the sample has no AU labels. */
    byte[] au(int i);

    /** Expression label, or null when unknown. */
    Expression expression(int i);

    /** What is known about the sample's label quality. */
    Corruption corruption(int i);

    /** Raw pixels in [0, 1], channels first, resized to {@code size} x {@code size}. */
    float[] crop(int i, int size, int channels) throws IOException;
}
