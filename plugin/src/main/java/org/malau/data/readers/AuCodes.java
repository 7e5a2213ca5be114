package org.malau.data.readers;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.malau.data.AuLabels;

/** Checks of AU code lists given as options. */
final class AuCodes {
    private AuCodes() {
    }

    /** FACS numbers action units 1-46 and head, eye and visibility codes 50-99; 0 and larger are no AU. */
    static boolean isFacsNumber(int code) {
        return AuLabels.isFacsNumber(code);
    }

    /**
     * @param labelled the AUs the data set labels, or null when any FACS number may occur
     * @throws IllegalArgumentException for an empty list, a duplicate, or an AU the data set does not label
     */
    static void check(int[] codes, int[] labelled, String dataSet) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("the AU list is empty");
        }
        Set<Integer> seen = new HashSet<>();
        for (int c : codes) {
            if (!isFacsNumber(c)) {
                throw new IllegalArgumentException("AU " + c + " is not a FACS action unit number (1-99)");
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("AU " + c + " is listed twice");
            }
            if (labelled != null && Arrays.stream(labelled).noneMatch(l -> l == c)) {
                throw new IllegalArgumentException("AU " + c + " is not labelled in " + dataSet + "; it labels AUs "
                    + Arrays.toString(labelled));
            }
        }
    }
}
