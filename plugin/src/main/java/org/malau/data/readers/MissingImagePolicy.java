package org.malau.data.readers;

/** What a reader does with a labelled sample whose image file does not exist. */
public enum MissingImagePolicy {
    /** Stop with a {@link DatasetFormatException} naming the label file, its line and the image path. */
    FAIL,
    /** Leave the sample out, and count and name it in the {@link ReadReport}. */
    SKIP
}
