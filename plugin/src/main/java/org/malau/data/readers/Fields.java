package org.malau.data.readers;

import java.nio.file.Path;

/** Number parsing that reports the file and line instead of a bare NumberFormatException. */
final class Fields {
    private Fields() {
    }

    static int parseInt(String text, Path file, int line, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw DatasetFormatException.atLine(file, line, what + " '" + text + "' is not a whole number");
        }
    }

    static float parseFloat(String text, Path file, int line, String what) {
        try {
            float f = Float.parseFloat(text.trim());
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw DatasetFormatException.atLine(file, line, what + " '" + text + "' is not a number");
        }
    }

    /** Checks that a row has as many fields as the header, the usual sign of a stray delimiter. */
    static void checkCount(java.util.List<String> row, int expected, Path file, int line) {
        if (row.size() != expected) {
            throw DatasetFormatException.atLine(file, line, "expected " + expected + " fields as in the header, found " + row.size());
        }
    }
}
