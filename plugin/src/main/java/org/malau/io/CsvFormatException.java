package org.malau.io;

import java.io.IOException;

/**
 * A table that cannot be read as it is: the message names the file, the line when the problem is on
 * one line (1-based, as editors count), and what was expected.
 */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public CsvFormatException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file (or other source) at fault, as given. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
