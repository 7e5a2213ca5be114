package org.malau.data;

import java.util.Arrays;

/**
 * Action-unit labels of one face for a fixed list of AU codes. Occurrence is 1, 0 or
 * {@link #UNKNOWN}; intensity is 0-5 (FACS A-E as 1-5) or NaN when not annotated. Unknown labels
 * stay unknown so that training masks them out.
 */
public final class AuLabels {
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
