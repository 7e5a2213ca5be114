package org.malau.data.readers;

import java.nio.file.Path;

/**
 * A data set on disk does not have the layout or content its reader expects. Unchecked so that it
 * can leave a {@link RecordStream}'s iterator methods; the message always names the file and, when
 * the problem is on one line, the line number, so that a user can open the file and fix it.
 */
public final class DatasetFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    private DatasetFormatException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** A problem on one line of {@code file} (1-based, as editors count). */
    public static DatasetFormatException atLine(Path file, int line, String problem) {
        return new DatasetFormatException(file, line, problem, null);
    }

    /** A problem with a file or folder as a whole: missing, empty, unreadable. */
    public static DatasetFormatException inFile(Path file, String problem) {
        return new DatasetFormatException(file, 0, problem, null);
    }

    /** As {@link #inFile} for an I/O failure, keeping the cause. */
    public static DatasetFormatException io(Path file, Exception cause) {
        return new DatasetFormatException(file, 0, "cannot read: " + cause, cause);
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
