package org.malau.data.readers;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The data set layouts the extension reads, with what labels each carries. */
public enum DatasetFormat {
    /** BP4D-Spontaneous and BP4D+: AU occurrence per frame. */
    BP4D("BP4D", true, false, Bp4dReader::new),
    /** DISFA: AU intensity 0-5 per frame, occurrence = intensity >= 2. */
    DISFA("DISFA", true, false, DisfaReader::new),
    /** RAF-DB basic: seven expression classes. */
    RAFDB("RAF-DB", false, true, RafDbReader::new),
    /** AffectNet (manually annotated part): eight expression classes and 68 landmarks. */
    AFFECTNET("AffectNet", false, true, AffectNetReader::new),
    /** FER2013: seven expression classes, 48x48 grey pixels inside the CSV. */
    FER2013("FER2013", false, true, Fer2013Reader::new),
    /** A CSV of image paths and label columns; which labels it carries depends on its columns. */
    GENERIC_CSV("Generic CSV", true, true, GenericCsvReader::new);

    private final String displayName;
    private final boolean auLabels;
    private final boolean expressionLabels;
    private final Supplier<DatasetReader> reader;

    DatasetFormat(String displayName, boolean auLabels, boolean expressionLabels, Supplier<DatasetReader> reader) {
        this.displayName = displayName;
        this.auLabels = auLabels;
        this.expressionLabels = expressionLabels;
        this.reader = reader;
    }

    /** Name for a drop-down, e.g. {@code RAF-DB}. */
    public String displayName() {
        return displayName;
    }

    /** Whether records can carry AU labels (for {@link #GENERIC_CSV}: when the CSV has AU columns). */
    public boolean hasAuLabels() {
        return auLabels;
    }

    /** Whether records can carry expression labels (for {@link #GENERIC_CSV}: when the CSV has an expression column). */
    public boolean hasExpressionLabels() {
        return expressionLabels;
    }

    /**
     * AU codes read when {@link ReaderOptions#auCodes()} is null, for a dialog to show; empty for
     * expression-only formats and for {@link #GENERIC_CSV}, which then reads every AU column.
     */
    public int[] defaultAuCodes() {
        return switch (this) {
            case BP4D -> Bp4dReader.DEFAULT_AU_CODES.clone();
            case DISFA -> DisfaReader.AU_CODES.clone();
            default -> new int[0];
        };
    }

    /** Image path patterns tried in order when {@link ReaderOptions#imagePattern()} is null; empty for FER2013 (pixels in the CSV). */
    public List<String> defaultImagePatterns() {
        return switch (this) {
            case BP4D -> Bp4dReader.DEFAULT_IMAGE_PATTERNS;
            case DISFA -> DisfaReader.DEFAULT_IMAGE_PATTERNS;
            case RAFDB -> RafDbReader.DEFAULT_IMAGE_PATTERNS;
            case AFFECTNET -> AffectNetReader.DEFAULT_IMAGE_PATTERNS;
            case FER2013 -> List.of();
            case GENERIC_CSV -> List.of("{path}");
        };
    }

    /** A new reader for this layout. */
    public DatasetReader reader() {
        return reader.get();
    }

    /** Parses {@link #name()} or {@link #displayName()}, ignoring case, spaces, '-' and '_', as settings store either. */
    public static DatasetFormat parse(String text) {
        String key = squash(text);
        for (DatasetFormat f : values()) {
            if (squash(f.name()).equals(key) || squash(f.displayName).equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown data set format '" + text + "', expected one of "
            + java.util.Arrays.stream(values()).map(DatasetFormat::displayName).toList());
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
