package org.malau.train;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.malau.io.CsvInput;
import org.malau.io.CsvOutput;
import org.malau.train.EpochRecord.Column;

/**
 * The per-epoch records of a run, in order, and their CSV form: a header of {@link Column} names and one row per
 * epoch, NaN as an empty field. Files are read by the header's names, so columns may come in any order; a column this
 * version does not know is skipped, one it knows but the file lacks is NaN.
 */
public record TrainingHistory(List<EpochRecord> epochs) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** Writes the history as CSV with six significant digits, as the command line's history files have it. */
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, EpochRecord::f);
        }
    }

    /** Writes the history as CSV with every digit (it reads back exactly); {@code out} is flushed, not closed. */
    public void write(Writer out) throws IOException {
        write(out, v -> Double.isNaN(v) ? "" : Double.toString(v));
    }

    private void write(Writer out, DoubleFunction<String> number) throws IOException {
        CsvOutput csv = new CsvOutput(out);
        List<String> header = new ArrayList<>();
        for (Column c : Column.values()) {
            header.add(c.csvName());
        }
        csv.row(header);
        for (EpochRecord r : epochs) {
            List<String> row = new ArrayList<>();
            for (Column c : Column.values()) {
                row.add(c.isCount() ? Integer.toString((int) r.value(c)) : number.apply(r.value(c)));
            }
            csv.row(row);
        }
        csv.flush();
    }

    /** Reads what {@link #writeCsv} wrote. */
    public static TrainingHistory read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a history CSV: what {@link #write} and {@link #writeCsv} write, and what the nodes wrote before the columns
     * were named here (a header of the labels {@link Column#label()}; or, without a header, the 14 values in the
     * record's order).
     *
     * @param name how messages call the source
     * @throws IOException naming the source and line of a row that is not a history row
     */
    public static TrainingHistory read(Reader in, String name) throws IOException {
        CsvInput csv = CsvInput.of(in, name);
        List<EpochRecord> out = new ArrayList<>();
        List<Column> columns = null;
        for (List<String> f = csv.next(); f != null; f = csv.next()) {
            if (columns == null) {
                columns = header(f);
                if (columns != null) {
                    if (!columns.contains(Column.EPOCH) || !columns.contains(Column.ITERATIONS)) {
                        throw csv.error("a training history needs the columns " + Column.EPOCH.csvName() + " and "
                            + Column.ITERATIONS.csvName() + ", this header has " + f);
                    }
                    continue;
                }
                // no header: the record's own order, as the first versions wrote it
                columns = List.of(Column.values());
            }
            if (f.size() != columns.size()) {
                throw csv.error("a training history row has " + columns.size() + " fields, this one " + f.size());
            }
            Map<Column, Double> v = new EnumMap<>(Column.class);
            for (int k = 0; k < f.size(); k++) {
                if (columns.get(k) == null || f.get(k).isEmpty()) {
                    continue;
                }
                try {
                    v.put(columns.get(k), Double.parseDouble(f.get(k)));
                } catch (NumberFormatException e) {
                    throw csv.error("the " + columns.get(k).csvName() + " of a training history row is no number: '"
                        + f.get(k) + "'");
                }
            }
            try {
                out.add(EpochRecord.of(v));
            } catch (IllegalArgumentException e) {
                throw csv.error(e.getMessage());
            }
        }
        return new TrainingHistory(out);
    }

    /** The columns a header names (null for a name this version does not know), or null when the row is no header. */
    private static List<Column> header(List<String> row) {
        if (row.stream().noneMatch(s -> Column.byName(s) != null)) {
            return null;
        }
        List<Column> c = new ArrayList<>();
        for (String s : row) {
            c.add(Column.byName(s));
        }
        return c;
    }
}
