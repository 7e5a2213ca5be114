package org.malau.data.readers;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.malau.io.CsvFormatException;
import org.malau.io.CsvInput;

/**
 * The data set readers' view of a CSV file: records from the engine's one CSV reader
 * ({@link CsvInput}: RFC 4180, BOM and CRLF accepted, blank lines skipped, non-UTF-8 reported), with
 * every problem as a {@link DatasetFormatException} naming the file and line.
 */
final class CsvReader implements Closeable {
    private final CsvInput in;
    private final Path file;

    private CsvReader(CsvInput in, Path file) {
        this.in = in;
        this.file = file;
    }

    /** Reads {@code in}; {@code file} names it in messages. */
    CsvReader(Reader in, Path file) {
        this(of(in, file), file);
    }

    private static CsvInput of(Reader in, Path file) {
        try {
            return CsvInput.of(in, file.toString());
        } catch (IOException e) {
            throw translate(file, e);
        }
    }

    /** Opens a UTF-8 file; a missing file is a {@link DatasetFormatException} naming it. */
    static CsvReader open(Path file) {
        try {
            return new CsvReader(CsvInput.open(file), file);
        } catch (IOException e) {
            throw translate(file, e);
        }
    }

    /** The file being read, for error messages. */
    Path file() {
        return file;
    }

    /** 1-based line on which the record last returned by {@link #next()} starts. */
    int recordLine() {
        return in.recordLine();
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        try {
            return in.next();
        } catch (IOException e) {
            throw translate(file, e);
        }
    }

    private static DatasetFormatException translate(Path file, IOException e) {
        if (e instanceof CsvFormatException f) {
            return f.line() > 0 ? DatasetFormatException.atLine(file, f.line(), f.problem())
                : DatasetFormatException.inFile(file, f.problem());
        }
        return DatasetFormatException.io(file, e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Opens a reader for line-oriented formats that are not CSV (RAF-DB's space-separated list). */
    static BufferedReader openLines(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw DatasetFormatException.inFile(file, "file not found");
        } catch (IOException e) {
            throw DatasetFormatException.io(file, e);
        }
    }
}
