package org.malau.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a table record by record through Apache Commons CSV (RFC 4180: quoted fields, doubled quotes,
 * fields spanning lines). Accepts LF and CRLF line ends and a UTF-8 byte-order mark; skips blank lines
 * (exported label files often end with one); refuses text that is not UTF-8 with a message saying so
 * instead of reading it as garbage. Every error names the file and the line the record starts on.
 */
public final class CsvInput implements Closeable {
    /** The one CSV dialect of the project, for reading and writing ({@link CsvOutput}). */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setRecordSeparator("\n").get();

    private final String name;
    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int recordLine;

    private CsvInput(Reader in, String name, Path file) throws IOException {
        this.name = name;
        this.file = file;
        PushbackReader pb = new PushbackReader(in, 1);
        int first = read(pb);
        if (first != -1 && first != 0xFEFF) {
            pb.unread(first);
        }
        this.parser = CSVParser.builder().setReader(pb).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    private int read(Reader r) throws IOException {
        try {
            return r.read();
        } catch (CharacterCodingException e) {
            throw notUtf8(1);
        }
    }

    /**
     * Opens a UTF-8 file.
     *
     * @throws IOException naming the file when it is missing, a folder or unreadable
     */
    public static CsvInput open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new CsvFormatException(file.toString(), 0, "is a folder, expected a CSV file");
        }
        try {
            Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            return new CsvInput(r, file.toString(), file);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(file.toString(), 0, "file not found");
        } catch (AccessDeniedException e) {
            throw new CsvFormatException(file.toString(), 0, "cannot be read (permission denied)");
        }
    }

    /** Reads {@code in}; {@code name} stands for it in messages. */
    public static CsvInput of(Reader in, String name) throws IOException {
        return new CsvInput(in, name, null);
    }

    /** The file or source name used in messages. */
    public String name() {
        return name;
    }

    /** The next record's fields, or null at the end; blank lines are skipped. */
    public List<String> next() throws IOException {
        while (true) {
            long before = parser.getCurrentLineNumber();
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException e) {
                throw translate(e.getCause(), (int) before + 1);
            }
            recordLine = (int) before + 1;
            if (r.size() <= 1 && r.get(0).isBlank()) {
                continue;
            }
            return r.toList();
        }
    }

    private IOException translate(IOException e, int startLine) {
        if (e instanceof CharacterCodingException) {
            return notUtf8(Math.max(startLine, (int) parser.getCurrentLineNumber()));
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("EOF reached before encapsulated token finished")) {
            return new CsvFormatException(name, startLine, "a quoted field is never closed");
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return new CsvFormatException(name, Math.max(startLine, (int) parser.getCurrentLineNumber()),
                "text after the closing quote of a field; expected ',' or end of line");
        }
        return new CsvFormatException(name, startLine, m);
    }

    private CsvFormatException notUtf8(int line) {
        String where = "";
        if (file != null) {
            // The parser reads ahead, so its line is only near the bad byte; the bytes themselves say exactly where.
            try {
                ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
                CoderResult r = StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(in.capacity() + 1), true);
                if (r.isError()) {
                    int offset = in.position();
                    line = 1;
                    for (int i = 0; i < offset; i++) {
                        line += in.get(i) == '\n' ? 1 : 0;
                    }
                    where = String.format(Locale.ROOT, " (byte 0x%02X at offset %d)", in.get(offset) & 0xFF, offset);
                }
            } catch (IOException e) {
                // keep the parser's line
            }
        }
        return new CsvFormatException(name, line, "is not UTF-8 text" + where + ": another encoding such as Latin-1, or not a CSV"
            + " file at all; expected a UTF-8 CSV file");
    }

    /** 1-based line on which the record last returned by {@link #next()} starts. */
    public int recordLine() {
        return recordLine;
    }

    /** An error on the last record's line. */
    public CsvFormatException error(String problem) {
        return new CsvFormatException(name, recordLine, problem);
    }

    /**
     * The header: the first record, required, its names trimmed and unique.
     *
     * @throws CsvFormatException for an empty file or duplicated column names
     */
    public CsvHeader header(String expected) throws IOException {
        List<String> h = next();
        if (h == null) {
            throw new CsvFormatException(name, 0, "is empty; expected a header line with " + expected);
        }
        return CsvHeader.of(h, this);
    }

    /**
     * The next data record, checked to have as many fields as {@code header}; null at the end.
     */
    public List<String> nextRow(CsvHeader header) throws IOException {
        List<String> f = next();
        if (f != null && f.size() != header.size()) {
            throw error(f.size() + " fields, the header has " + header.size()
                + " (a field with a comma or quote must be quoted as in RFC 4180)");
        }
        return f;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
