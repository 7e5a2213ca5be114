package org.malau.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.malau.io.CsvOutput;

/** The per-epoch records of a run, in order. */
public record TrainingHistory(List<EpochRecord> epochs) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** Writes the history as CSV (one line per epoch, empty cells for NaN). */
    public void writeCsv(Path file) throws IOException {
        try (CsvOutput out = new CsvOutput(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.row((Object[]) EpochRecord.CSV_HEADER.split(","));
            for (EpochRecord r : epochs) {
                out.row(r.csvFields());
            }
        }
    }
}
