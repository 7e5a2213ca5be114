package org.malau.testing;

import java.io.IOException;

import org.malau.experiment.PhotoExperiment;
import org.malau.face.AlignOptions;

/**
 * The 40 photos of ../shared/data/smiles (20 people, neutral and smiling, AU12), aligned once per test JVM by the
 * Face Aligner's defaults (detector, eyes from the 68-point network, 112 px colour crops), for the tests that use them.
 */
public final class SmilePhotos {
    private static PhotoExperiment.Data s_aligned;

    private SmilePhotos() {
    }

    public static synchronized PhotoExperiment.Data aligned() throws IOException {
        if (s_aligned == null) {
            s_aligned = PhotoExperiment.prepare(SharedData.data("smiles/labels.csv"), AlignOptions.defaults());
        }
        return s_aligned;
    }
}
