package org.malau.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.malau.data.AuLabels;
import org.malau.eval.AuDetectionScores;

/**
 * What a finished training run could not do, named by AU: AUs whose training labels are all one value
 * (the detector cannot learn them) and AUs whose threshold could not be tuned on the meta split (it
 * stays 0.5). Without these a model with untuned thresholds looks like any other.
 */
public final class TrainingWarnings {
    private TrainingWarnings() {
    }

    /** The warnings for a run on {@code au} that gave {@code result}; empty when nothing is amiss. */
    public static List<String> of(FaceDataset au, TrainingResult result) {
        int[] codes = au.auCodes();
        int[] pos = new int[codes.length];
        int[] labelled = new int[codes.length];
        for (int i = 0; i < au.size(); i++) {
            byte[] y = au.au(i);
            for (int j = 0; y != null && j < codes.length; j++) {
                if (y[j] != AuLabels.UNKNOWN) {
                    labelled[j]++;
                    pos[j] += y[j];
                }
            }
        }
        List<String> out = new ArrayList<>();
        add(out, codes, j -> labelled[j] == 0, "AUs without any known label in the training data (they cannot be learnt)");
        add(out, codes, j -> labelled[j] > 0 && pos[j] == 0, "AUs never present in the training data (their detectors learn only 'absent')");
        add(out, codes, j -> labelled[j] > 0 && pos[j] == labelled[j],
            "AUs present in every labelled training sample (their detectors learn only 'present')");
        AuDetectionScores meta = result.metaScores();
        if (meta == null || result.split() == null || result.split().meta().length == 0) {
            out.add("no meta split (meta fraction 0 or too few samples): the thresholds of all AUs stay at 0.5, untuned");
        } else {
            add(out, codes, j -> meta.positives()[j] == 0, "AUs without a positive sample in the meta split (thresholds cannot be"
                + " tuned and stay at 0.5)");
            add(out, codes, j -> meta.positives()[j] > 0 && meta.positives()[j] == meta.labelled()[j],
                "AUs positive in every meta-split sample (thresholds cannot be tuned and stay at 0.5)");
        }
        return out;
    }

    private static void add(List<String> out, int[] codes, IntPredicate test, String what) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < codes.length; j++) {
            if (test.test(j)) {
                names.add(AuLabels.columnName(codes[j]));
            }
        }
        if (!names.isEmpty()) {
            out.add(what + ": " + String.join(", ", names));
        }
    }
}
