package org.malau.knime.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.malau.data.AuLabels;
import org.malau.data.readers.DatasetFormat;
import org.malau.data.readers.MissingImagePolicy;

/**
 * Turns the text settings of the data set reader dialogs into engine values, rejecting bad values
 * in configure with a message that names the setting and the value, before anything is read.
 */
public final class DatasetSettings {
    /** Stored id of {@link MissingImagePolicy#FAIL}. */
    public static final String MISSING_FAIL = MissingImagesChoice.FAIL.id();
    /** Stored id of {@link MissingImagePolicy#SKIP}. */
    public static final String MISSING_SKIP = MissingImagesChoice.SKIP.id();

    private DatasetSettings() {
    }

    /**
     * @param stored the stored id, or the text release 0.1 stored
     * @throws InvalidSettingsException for a value that is neither
     */
    public static MissingImagePolicy missingImagePolicy(final String stored) throws InvalidSettingsException {
        return Choice.parse(MissingImagesChoice.values(), stored, "Missing-image policy").policy();
    }

    /** @return the id of {@code stored} (an id, or the text release 0.1 stored), or {@code stored} itself when unknown */
    public static String missingImagesId(final String stored) {
        final MissingImagesChoice c = Choice.byStoredValue(MissingImagesChoice.values(), stored);
        return c == null ? stored : c.id();
    }

    /** Display names of the given formats, for messages. */
    public static List<String> formatNames(final DatasetFormat... formats) {
        final List<String> names = new ArrayList<>();
        for (final DatasetFormat f : formats) {
            names.add(f.displayName());
        }
        return names;
    }

    /** A data set format as a dialog's option: its display name shown, its {@link DatasetFormat#name()} stored. */
    private record FormatChoice(DatasetFormat format, boolean isDefault) implements Choice {
        @Override
        public String id() {
            return format.name();
        }

        @Override
        public Label label() {
            // release 0.1 stored the display name, which DatasetFormat.parse still reads
            return new Label(format.displayName(), null);
        }
    }

    /** The given formats as a dialog's options, the first the default. */
    public static Choice[] formatChoices(final DatasetFormat... formats) {
        final Choice[] c = new Choice[formats.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = new FormatChoice(formats[k], k == 0);
        }
        return c;
    }

    /**
     * @return the stored id ({@link DatasetFormat#name()}) of {@code stored}, which may be the display name release
     *         0.1 stored; {@code stored} itself when it names no format (validation says why)
     */
    public static String formatId(final String stored) {
        try {
            return DatasetFormat.parse(stored).name();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    /**
     * @param allowed the formats this node offers
     * @throws InvalidSettingsException when the text names no format or one this node does not read
     */
    public static DatasetFormat format(final String text, final DatasetFormat... allowed) throws InvalidSettingsException {
        final DatasetFormat f;
        try {
            f = DatasetFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Unknown data set format '" + text + "'; expected one of "
                + formatNames(allowed), e);
        }
        for (final DatasetFormat a : allowed) {
            if (a == f) {
                return f;
            }
        }
        throw new InvalidSettingsException("This node does not read " + f.displayName() + "; expected one of "
            + formatNames(allowed));
    }

    /**
     * Parses an AU list such as {@code 1, 2, 4} or {@code AU01 AU02 AU04}.
     *
     * @return the codes in the given order; empty for blank text
     * @throws InvalidSettingsException naming the entry that is not an AU number 1-99, or a duplicate
     */
    public static int[] auCodes(final String text) throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        final Set<Integer> codes = new LinkedHashSet<>();
        for (final String token : text.trim().split("[,;\\s]+")) {
            final int code = AuLabels.parseNumber(token);
            if (code < 0) {
                throw new InvalidSettingsException("AU list: '" + token + "' is not an AU number (e.g. 1, 2, 4 or AU01, AU02)");
            }
            if (!AuLabels.isFacsNumber(code)) {
                throw new InvalidSettingsException("AU list: " + token + " is not a FACS action unit number (1-99)");
            }
            if (!codes.add(code)) {
                throw new InvalidSettingsException("AU list: AU " + code + " is listed twice");
            }
        }
        return codes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The data set location as a path; accepts a local path, a {@code file:} URL or a KNIME URL such as
     * {@code knime://knime.workflow/data/BP4D} (see {@link LocalPaths}).
     *
     * @param mustBeFile true for formats whose location is the CSV file itself, false for folder layouts,
     *            null when either is accepted
     * @throws InvalidSettingsException when the setting is empty, not a path, or names nothing of the expected kind
     */
    public static Path location(final String text, final Boolean mustBeFile, final String formatName)
        throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            throw new InvalidSettingsException("No data set location set: choose the " + formatName
                + (Boolean.TRUE.equals(mustBeFile) ? " CSV file" : " folder"));
        }
        final String t = text.trim();
        final Path path;
        try {
            path = LocalPaths.resolve(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Data set location: " + e.getMessage(), e);
        }
        if (!Files.exists(path)) {
            throw new InvalidSettingsException("Data set location does not exist: " + path
                + (LocalPaths.isUrl(t) && !t.equals(path.toString()) ? " (from " + t + ")" : ""));
        }
        if (Boolean.TRUE.equals(mustBeFile) && !Files.isRegularFile(path)) {
            throw new InvalidSettingsException(formatName + " reads a CSV file, but the location is a folder: " + path);
        }
        if (Boolean.FALSE.equals(mustBeFile) && !Files.isDirectory(path)) {
            throw new InvalidSettingsException(formatName + " reads a data set folder, but the location is a file: " + path);
        }
        return path;
    }
}
