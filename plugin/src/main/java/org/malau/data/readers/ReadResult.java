package org.malau.data.readers;

import java.util.List;

import org.malau.data.FaceRecord;

/**
 * All records of a data set with the report of what was skipped and noted while reading.
 *
 * @param records in the order of the data set's label files
 * @param report skips and notes; show {@link ReadReport#warnings()} to the user
 */
public record ReadResult(List<FaceRecord> records, ReadReport report) {
    public ReadResult {
        records = List.copyOf(records);
    }
}
