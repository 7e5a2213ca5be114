package org.malau.data.readers;

import java.nio.file.Path;

/** Reads one data set layout into {@link org.malau.data.FaceRecord}s. */
public interface DatasetReader {
    /**
     * Opens the data set lazily; label files are read as the stream is iterated.
     *
     * @param location the data set's folder, or its label file where the reader says so
     * @throws DatasetFormatException when the layout's folders or files are missing, or at the first bad line
     * @throws IllegalArgumentException when an option does not fit this format (e.g. an AU it does not label)
     */
    RecordStream open(Path location, ReaderOptions options);
}
