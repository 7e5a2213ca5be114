package org.malau.data.readers;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text as RFC 4180 records: fields may be quoted, quotes inside quoted fields are
 * doubled, and quoted fields may span lines. Lines may end in LF or CRLF; a UTF-8 byte-order mark is
 * dropped; blank lines are skipped because exported label files often end with one. Written here
 * because the engine uses only the JDK.
 */
final class CsvReader implements Closeable {
    private final Reader in;
    private final Path file;
    private final char delimiter;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;

    CsvReader(Reader in, Path file, char delimiter) {
        this.in = in;
        this.file = file;
        this.delimiter = delimiter;
    }

    /** Opens a UTF-8 file; a missing file is a {@link DatasetFormatException} naming it. */
    static CsvReader open(Path file, char delimiter) {
        try {
            return new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file, delimiter);
        } catch (NoSuchFileException e) {
            throw DatasetFormatException.inFile(file, "file not found");
        } catch (IOException e) {
            throw DatasetFormatException.io(file, e);
        }
    }

    /** The file being read, for error messages. */
    Path file() {
        return file;
    }

    /** 1-based line on which the record last returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == 0xFEFF && line == 1) {
            c = read();
        }
        while (c == '\n' || c == '\r') {
            endOfLine(c);
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = readQuoted(field);
            } else {
                // a stray quote inside an unquoted field is kept as text, as spreadsheet programs do
                while (c != -1 && c != delimiter && c != '\n' && c != '\r') {
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
            }
            return fields;
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException {
        int start = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw DatasetFormatException.atLine(file, start, "a quoted field is never closed");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    field.append('"');
                    continue;
                }
                if (after != -1 && after != delimiter && after != '\n' && after != '\r') {
                    throw DatasetFormatException.atLine(file, line,
                        "text after the closing quote of a field; expected '" + delimiter + "' or end of line");
                }
                return after;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                endOfLine(c);
                field.append('\n');
                continue;
            }
            field.append((char) c);
        }
    }

    /** Consumes the rest of a line end that starts with {@code c}, without reading into the next line. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int n = read();
            if (n != '\n') {
                unread(n);
            }
        }
        line++;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
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
