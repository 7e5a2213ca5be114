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
    /** Drop-down entry for {@link MissingImagePolicy#FAIL}. */
    public static final String MISSING_FAIL = "Fail";
    /** Drop-down entry for {@link MissingImagePolicy#SKIP}. */
    public static final String MISSING_SKIP = "Skip and warn";

    private DatasetSettings() {
    }

    /** Drop-down entries of the missing-image policy. */
    public static List<String> missingImageChoices() {
        return List.of(MISSING_FAIL, MISSING_SKIP);
    }

    /** @throws InvalidSettingsException for an entry that is not in {@link #missingImageChoices()} */
    public static MissingImagePolicy missingImagePolicy(final String choice) throws InvalidSettingsException {
        if (MISSING_FAIL.equals(choice)) {
            return MissingImagePolicy.FAIL;
        }
        if (MISSING_SKIP.equals(choice)) {
            return MissingImagePolicy.SKIP;
        }
        throw new InvalidSettingsException(
            "Unknown missing-image policy '" + choice + "'; expected one of " + missingImageChoices());
    }

    /** Display names of the given formats, for a drop-down. */
    public static List<String> formatChoices(final DatasetFormat... formats) {
        final List<String> names = new ArrayList<>();
        for (final DatasetFormat f : formats) {
            names.add(f.displayName());
        }
        return names;
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
                + formatChoices(allowed), e);
        }
        for (final DatasetFormat a : allowed) {
            if (a == f) {
                return f;
            }
        }
        throw new InvalidSettingsException("This node does not read " + f.displayName() + "; expected one of "
            + formatChoices(allowed));
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
