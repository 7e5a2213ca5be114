package org.malau.data.readers;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds CSV columns by name, ignoring case and surrounding spaces, as files exported by hand vary in both. */
final class Columns {
    private Columns() {
    }

    /** Lower-cased trimmed name to column; a name used twice is an error because either could be meant. */
    static Map<String, Integer> index(List<String> header, Path file, int line) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            if (index.put(key, i) != null) {
                throw DatasetFormatException.atLine(file, line, "column '" + header.get(i).trim() + "' appears twice in the header");
            }
        }
        return index;
    }

    static int require(Map<String, Integer> index, String name, Path file, int line) {
        Integer c = index.get(name.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw DatasetFormatException.atLine(file, line, "no column '" + name + "' in the header");
        }
        return c;
    }

    /** The first of {@code names} present, or -1. */
    static int first(Map<String, Integer> index, List<String> names) {
        for (String n : names) {
            Integer c = index.get(n.toLowerCase(Locale.ROOT));
            if (c != null) {
                return c;
            }
        }
        return -1;
    }
}
