package org.malau.face;

import java.util.Locale;

/**
 * How the detector route finds the eyes in a detected face. Chosen by measurement on the real photos in
 * ../shared/data: the 68-point network put the eyes closer to the hand-placed pupils of {@code landmarks/} than the
 * cascades (worse-eye error over inter-ocular distance, median 0.032 vs 0.040, 90th percentile 0.042 vs 0.048;
 * LandmarkNetworkAccuracyTest, DetectorAccuracyTest), and smile detectors trained on {@code smiles/} aligned either
 * way scored alike (bench/RESULTS.md, RealPhotoBench), so it is the default; the cascades need no LibTorch and
 * stay the fallback.
 */
public enum EyeMethod {
    /** Eye centres from the eye contours of face-api.js's pretrained 68-point landmark network. */
    LANDMARKS_68("landmarks68"),
    /** OpenCV's eye cascades with geometric checks and pupil refinement (see {@link EyeLocator}). */
    CASCADE("cascade");

    private final String id;

    EyeMethod(String id) {
        this.id = id;
    }

    /** The name the command line and the node settings use. */
    public String id() {
        return id;
    }

    /**
     * The method called {@code id}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EyeMethod of(String id) {
        for (EyeMethod m : values()) {
            if (m.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown eye method '" + id + "', expected landmarks68 or cascade");
    }
}
