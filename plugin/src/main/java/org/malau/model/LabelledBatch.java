package org.malau.model;

import java.util.Arrays;

import org.malau.data.AuLabels;

/**
 * Images with their AU and expression targets. A sample may carry AU labels, an expression label
 * or both; what it lacks contributes no loss. AU occurrences are 1, 0 or {@link AuLabels#UNKNOWN},
 * and unknown ones are masked out of the loss, never treated as absent.
 *
 * @param images the crops
 * @param au per sample the J occurrences, or null when the sample has no AU labels
 * @param expression per sample the expression class index, or -1 when it has none
 */
public record LabelledBatch(ImageTensor images, byte[][] au, int[] expression) {
    public LabelledBatch {
        if (au.length != images.count() || expression.length != images.count()) {
            throw new IllegalArgumentException("a batch of " + images.count() + " images has " + au.length
                + " AU rows and " + expression.length + " expression labels");
        }
    }

    public int size() {
        return images.count();
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive). */
    public LabelledBatch slice(int from, int to) {
        return new LabelledBatch(images.slice(from, to), Arrays.copyOfRange(au, from, to),
            Arrays.copyOfRange(expression, from, to));
    }

    /** This batch's samples followed by {@code other}'s, so that one forward pass serves both. */
    public LabelledBatch concat(LabelledBatch other) {
        byte[][] a = Arrays.copyOf(au, au.length + other.au.length);
        System.arraycopy(other.au, 0, a, au.length, other.au.length);
        int[] e = Arrays.copyOf(expression, expression.length + other.expression.length);
        System.arraycopy(other.expression, 0, e, expression.length, other.expression.length);
        return new LabelledBatch(images.concat(other.images), a, e);
    }
}
