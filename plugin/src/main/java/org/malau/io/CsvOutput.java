package org.malau.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as RFC 4180 CSV: a field with a comma, quote or line break is quoted, quotes inside
 * are doubled, so any file name survives the round trip; '\n' line ends, UTF-8 (the writer's).
 */
public final class CsvOutput implements Closeable, Flushable {
    private final CSVPrinter printer;

    public CsvOutput(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CsvInput.FORMAT);
    }

    /** One record; {@code null} is written as an empty field. */
    public void row(Iterable<?> fields) throws IOException {
        printer.printRecord(fields);
    }

    /** One record; {@code null} is written as an empty field. */
    public void row(Object... fields) throws IOException {
        printer.printRecord(fields);
    }

    /** One record as a line without its line end, e.g. to build rows in parallel and write them in order. */
    public static String line(Iterable<?> fields) {
        try {
            StringBuilder sb = new StringBuilder();
            CsvInput.FORMAT.printRecord(sb, toArray(fields));
            sb.setLength(sb.length() - 1);
            return sb.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] toArray(Iterable<?> fields) {
        java.util.List<Object> l = new java.util.ArrayList<>();
        fields.forEach(l::add);
        return l.toArray();
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
