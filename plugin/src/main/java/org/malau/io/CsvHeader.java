package org.malau.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of a table, trimmed and unique, with their positions. */
public final class CsvHeader {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvHeader(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    /**
     * The header of {@code in} from its fields.
     *
     * @throws CsvFormatException naming a column that appears twice (which copy would count is a guess)
     */
    static CsvHeader of(List<String> fields, CsvInput in) throws CsvFormatException {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String n = fields.get(i).trim();
            Integer first = seen.putIfAbsent(n, i);
            if (first != null && !n.isEmpty()) {
                throw in.error("column '" + n + "' appears twice (columns " + (first + 1) + " and " + (i + 1)
                    + "); expected every column name once");
            }
            names.add(n);
        }
        return new CsvHeader(names);
    }

    /** Column names in file order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** Position of {@code name} (exact), or -1. */
    public int index(String name) {
        return index.getOrDefault(name, -1);
    }

    /** Position of the first of {@code names} present, compared ignoring case, or -1. */
    public int firstOf(String... names) {
        for (String n : names) {
            for (int i = 0; i < this.names.size(); i++) {
                if (this.names.get(i).equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
