package org.knime.core.util;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;

/**
 * Compile-only subset of KNIME's {@code UniqueNameGenerator} (bundle org.knime.core); semantics implemented for
 * tests as in KNIME: the names of a spec are reserved, a suggested name is trimmed and returned when it is still
 * free, otherwise {@code " (#1)"}, {@code " (#2)"}, ... is appended (a suggestion that already ends in such a
 * suffix continues counting from it). Every returned name is reserved in turn.
 */
public final class UniqueNameGenerator {

    private static final Pattern INDEXED = Pattern.compile("(^.*) \\(#(\\d+)\\)");

    private final Set<String> m_names = new HashSet<>();

    /** @param spec the spec whose column names are reserved */
    public UniqueNameGenerator(final DataTableSpec spec) {
        for (final DataColumnSpec column : spec) {
            m_names.add(column.getName());
        }
    }

    /**
     * @param suggested the wanted name
     * @return the trimmed name if it is free, else a free variant of it with a {@code " (#n)"} suffix
     * @throws NullPointerException if the argument is null
     */
    public String newName(final String suggested) {
        if (suggested == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        final String name = suggested.trim();
        if (m_names.add(name)) {
            return name;
        }
        String base = name;
        int index = 1;
        final Matcher m = INDEXED.matcher(name);
        if (m.matches()) {
            base = m.group(1);
            try {
                index = Integer.parseInt(m.group(2)) + 1;
            } catch (NumberFormatException e) { // NOSONAR out of range: count from 1
                index = 1;
            }
        }
        String candidate;
        do {
            candidate = base + " (#" + index++ + ")";
        } while (!m_names.add(candidate));
        return candidate;
    }

    /**
     * @param suggested the wanted name, made unique by {@link #newName(String)}
     * @param type the column type
     * @return a column of that type with a unique name
     */
    public DataColumnSpec newColumn(final String suggested, final DataType type) {
        return new DataColumnSpecCreator(newName(suggested), type).createSpec();
    }
}
