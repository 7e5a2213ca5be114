package org.malau.data.synth;

import java.util.Arrays;

/** The action units the generator renders, in label-column order. */
public final class SynthAus {
    /** The 12 BP4D AUs plus those the basic expression prototypes need, ascending. */
    private static final int[] CODES = {1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 16, 17, 20, 23, 24, 25, 26};

    /** The 12 AUs BP4D annotates, the usual evaluation subset. */
    private static final int[] BP4D = {1, 2, 4, 6, 7, 10, 12, 14, 15, 17, 23, 24};

    /** Number of rendered AUs. */
    public static final int COUNT = CODES.length;

    private SynthAus() {
    }

    /** FACS numbers of all rendered AUs, ascending (a copy). */
    public static int[] codes() {
        return CODES.clone();
    }

    /** FACS numbers of the BP4D subset (a copy). */
    public static int[] bp4d() {
        return BP4D.clone();
    }

    /** FACS number of the AU at label position {@code i}. */
    public static int code(int i) {
        return CODES[i];
    }

    /**
     * Label position of a FACS AU number.
     *
     * @throws IllegalArgumentException if the generator does not render that AU
     */
    public static int index(int code) {
        int i = Arrays.binarySearch(CODES, code);
        if (i < 0) {
            throw new IllegalArgumentException("AU" + code + " is not rendered; rendered AUs are " + Arrays.toString(CODES));
        }
        return i;
    }
}
