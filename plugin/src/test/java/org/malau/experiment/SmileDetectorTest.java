package org.malau.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.malau.model.NetworkEngines;
import org.malau.train.Initialisation;
import org.malau.train.TrainingCancelledException;
import org.malau.train.TrainingConfig;
import org.malau.testing.SmilePhotos;

/**
 * The target on real photos: a smile (AU12) detector trained with the default settings and engine
 * ({@link TrainingConfig#recommended()}, LibTorch) on the photos of 16 people of ../shared/data/smiles and tested
 * on the other 4, 5 folds by person. Measured 2026-12-04 (bench/RESULTS.md): mean AU12 F1 0.911 (per fold 0.667,
 * 1, 1, 1, 0.889: two of the four smiles of fold 0 scored below 0.5, one neutral face of fold 4 above it), mean ROC AUC 0.975
 * (0.875, then 1 in every other fold), 9-26 s of training per fold. Targets: mean AU12 F1 >= 0.90 and mean ROC AUC
 * >= 0.95.
 */
class SmileDetectorTest {

    @Test
    void defaultSettingsDetectSmilesOfNewPeople() throws IOException, TrainingCancelledException {
        PhotoExperiment.Data data = SmilePhotos.aligned();
        int[] folds = PhotoExperiment.folds(data.faces(), 5, 1);
        List<PhotoExperiment.Fold> r = PhotoExperiment.crossValidate(data.faces(), folds, TrainingConfig.recommended(),
            (f, m) -> { }, () -> false);
        double f1 = 0;
        double auc = 0;
        for (PhotoExperiment.Fold f : r) {
            System.out.printf(Locale.ROOT, "smiles fold %d: AU12 F1 %.3f, ROC AUC %.3f, %d test photos, %.1f s, %s%n", f.fold(),
                f.f1(), f.auc(), f.testFaces(), f.trainSeconds(), f.model().header().settings().get("thresholdSource"));
            assertEquals(8, f.testFaces(), "4 people, neutral and smiling");
            assertEquals(NetworkEngines.LIBTORCH, f.model().engine());
            assertTrue(String.valueOf(f.model().header().settings().get("initialisedFrom"))
                .startsWith(Initialisation.FACE_API_EXPRESSION), "the model records where it started");
            f1 += f.f1() / r.size();
            auc += f.auc() / r.size();
        }
        System.out.printf(Locale.ROOT, "smiles, default settings, 5 folds by person: mean AU12 F1 %.3f, mean ROC AUC %.3f%n",
            f1, auc);
        assertEquals(5, r.size());
        assertTrue(f1 >= 0.90, "mean AU12 F1 " + f1);
        assertTrue(auc >= 0.95, "mean ROC AUC " + auc);
    }
}
