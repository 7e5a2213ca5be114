package org.malau.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Action-unit labels of one face for a fixed list of AU codes. Occurrence is 1, 0 or
 * {@link #UNKNOWN}; intensity is 0-5 (FACS A-E as 1-5) or NaN when not annotated. Unknown labels
 * stay unknown so that training masks them out.
 */
public final class AuLabels {
    /*
     * The one AU naming rule. Every reader, node and command that reads an AU from a name goes through the methods
     * below, so that a column the learner takes is also one the scorer and the command line take.
     *
     * An AU column name is, as a whole: "AU" in any case, at most one separator (space, '_' or '-'), the FACS number
     * 1-99 with any leading zeros, and optionally OpenFace's occurrence suffix "_c" (any case). Surrounding blanks are
     * ignored. Accepted: AU01, AU1, au12, au_12, AU 12, AU-12, AU012, AU12_c. Refused: AU12_r (OpenFace's intensity,
     * 0-5, not an occurrence), AU12 intensity, Prediction (AU12), AU0, AU100, AU, 12 (a column needs the AU prefix),
     * AU__12, AU12.5.
     */
    private static final Pattern COLUMN_NAME = Pattern.compile("(?i)AU[ _-]?(\\d+)(_c)?");
    /** Names that start like an AU column (AU, a separator, a digit), accepted or not; see {@link #refusal}. */
    private static final Pattern AU_LIKE = Pattern.compile("(?i)AU[ _-]?\\d.*");
    /** An AU number in a list or a bare-number header: the AU prefix is optional there. */
    private static final Pattern NUMBER = Pattern.compile("(?i)(?:AU[ _-]?)?(\\d+)");
    /** The first AU mentioned inside a longer name: AU not preceded by a letter, its number not followed by a digit. */
    private static final Pattern MENTION = Pattern.compile("(?i)(?<![a-z])AU[ _-]?0*(\\d{1,2})(?!\\d)");

    /** What the rule accepts, for messages. */
    public static final String COLUMN_NAME_RULE = "AU and the AU number 1-99 (e.g. AU01, AU1, au_12, AU12_c)";

    /** Occurrence value of an AU that was not annotated. */
    public static final byte UNKNOWN = -1;
    /** BP4D and DISFA call an AU present when its intensity is at least B (2). */
    public static final int OCCURRENCE_THRESHOLD = 2;

    private final int[] auCodes;
    private final byte[] occurrence;
    private final float[] intensity;

    /**
     * @param auCodes FACS AU numbers, e.g. {1, 2, 4}
     * @param occurrence per AU: 1, 0 or {@link #UNKNOWN}
     * @param intensity per AU: 0-5 or NaN; may be null when the data set has no intensities
     */
    public AuLabels(int[] auCodes, byte[] occurrence, float[] intensity) {
        if (occurrence.length != auCodes.length || (intensity != null && intensity.length != auCodes.length)) {
            throw new IllegalArgumentException("AU label arrays differ in length from the " + auCodes.length + " AU codes");
        }
        for (byte o : occurrence) {
            if (o != 0 && o != 1 && o != UNKNOWN) {
                throw new IllegalArgumentException("AU occurrence must be 0, 1 or unknown (-1), was " + o);
            }
        }
        this.auCodes = auCodes.clone();
        this.occurrence = occurrence.clone();
        this.intensity = intensity == null ? null : intensity.clone();
    }

    /** Labels derived from intensities, occurrence = intensity >= {@link #OCCURRENCE_THRESHOLD}. */
    public static AuLabels fromIntensities(int[] auCodes, float[] intensity) {
        byte[] occ = new byte[auCodes.length];
        for (int i = 0; i < occ.length; i++) {
            occ[i] = Float.isNaN(intensity[i]) ? UNKNOWN : (byte) (intensity[i] >= OCCURRENCE_THRESHOLD ? 1 : 0);
        }
        return new AuLabels(auCodes, occ, intensity);
    }

    public int size() {
        return auCodes.length;
    }

    public int auCode(int i) {
        return auCodes[i];
    }

    public int[] auCodes() {
        return auCodes.clone();
    }

    /** 1, 0 or {@link #UNKNOWN}. */
    public byte occurrence(int i) {
        return occurrence[i];
    }

    public boolean hasIntensities() {
        return intensity != null;
    }

    /** 0-5, or NaN when unknown or when the data set has no intensities. */
    public float intensity(int i) {
        return intensity == null ? Float.NaN : intensity[i];
    }

    /** Column name used in CSV files and tables, e.g. {@code AU01}. */
    public static String columnName(int auCode) {
        return String.format(java.util.Locale.ROOT, "AU%02d", auCode);
    }

    /** @return whether {@code code} is a FACS number: action units 1-46 and head, eye and visibility codes 50-99 */
    public static boolean isFacsNumber(int code) {
        return code >= 1 && code <= 99;
    }

    /**
     * The AU of a column that names an AU occurrence column as a whole (see the rule at the top of this class).
     *
     * @return the AU number 1-99, or -1 when the name is not an AU column name
     */
    public static int parseColumnName(String name) {
        Matcher m = COLUMN_NAME.matcher(name.trim());
        return m.matches() ? facsNumberOrMinusOne(m.group(1)) : -1;
    }

    /**
     * Why a name that starts like an AU column (e.g. {@code AU12_r}, {@code AU00}) is not one, for readers that read
     * every AU column and so refuse such a file rather than skip a column the user meant as a label.
     *
     * @return the reason, or null when the name is an AU column name or does not start like one
     */
    public static String refusal(String name) {
        String n = name.trim();
        if (parseColumnName(n) >= 0 || !AU_LIKE.matcher(n).matches()) {
            return null;
        }
        Matcher m = COLUMN_NAME.matcher(n);
        if (m.matches()) {
            return "AU " + m.group(1) + " is not a FACS action unit number (1-99)";
        }
        return n.toLowerCase(Locale.ROOT).endsWith("_r") ? "'_r' marks an intensity column (0-5), not an occurrence column"
            : "text after the AU number";
    }

    /**
     * An AU number where the {@code AU} prefix is optional: an entry of an AU list ({@code 1, 2, 4} or {@code AU01
     * AU02}) or a header that names AUs by number alone (BP4D's {@code 1, 2, 4}).
     *
     * @return the number as written (callers check {@link #isFacsNumber} to name a wrong one), or -1 when the text
     *         is not an AU number
     */
    public static int parseNumber(String text) {
        Matcher m = NUMBER.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        return digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /**
     * The first AU mentioned in a longer name, for columns a user chose explicitly whose name is more than the AU,
     * e.g. {@code Prediction (AU12)} or {@code AU12 label}. Columns taken without the user's choice use
     * {@link #parseColumnName} instead.
     *
     * @return the AU number, or -1 when the name mentions no AU
     */
    public static int findInName(String name) {
        Matcher m = MENTION.matcher(name);
        while (m.find()) {
            int code = facsNumberOrMinusOne(m.group(1));
            if (code > 0) {
                return code;
            }
        }
        return -1;
    }

    private static int facsNumberOrMinusOne(String digits) {
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        if (d.length() > 2) {
            return -1;
        }
        int code = Integer.parseInt(d);
        return isFacsNumber(code) ? code : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuLabels a && Arrays.equals(auCodes, a.auCodes) && Arrays.equals(occurrence, a.occurrence)
            && Arrays.equals(intensity, a.intensity);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(auCodes) * 31 + Arrays.hashCode(occurrence);
    }
}
