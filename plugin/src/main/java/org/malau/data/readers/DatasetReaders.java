package org.malau.data.readers;

import java.nio.file.Path;

/** One entry point for a node with a format drop-down and a path setting. */
public final class DatasetReaders {
    private DatasetReaders() {
    }

    /**
     * Reads a whole data set into memory. Fine for label sets of a few hundred thousand frames
     * (records hold image paths, not pixels); FER2013 holds pixels, about 2.3 kB per record.
     *
     * @param location the data set folder, or the CSV file for {@link DatasetFormat#GENERIC_CSV} and FER2013
     * @throws DatasetFormatException naming the file and line of the first problem
     */
    public static ReadResult read(DatasetFormat format, Path location, ReaderOptions options) {
        try (RecordStream s = open(format, location, options)) {
            return new ReadResult(s.toList(), s.report());
        }
    }

    /** Opens a data set for reading record by record; close it when stopping early. */
    public static RecordStream open(DatasetFormat format, Path location, ReaderOptions options) {
        return format.reader().open(location.toAbsolutePath().normalize(), options == null ? ReaderOptions.defaults() : options);
    }
}
