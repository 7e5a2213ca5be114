package org.malau.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The per-epoch records of a run, in order. */
public record TrainingHistory(List<EpochRecord> epochs) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** Writes the history as CSV (one line per epoch, empty cells for NaN). */
    public void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(EpochRecord.CSV_HEADER);
        for (EpochRecord r : epochs) {
            lines.add(r.csvLine());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
