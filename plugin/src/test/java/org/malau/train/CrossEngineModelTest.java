package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.malau.model.FacePrediction;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.NetworkEngines;
import org.malau.model.TinyFaces;

/** A model trained with either engine predicts with either: the same probabilities within 1e-4 on 100 faces. */
class CrossEngineModelTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"libtorch", "dl4j"})
    void modelTrainedWithOneEnginePredictsTheSameWithTheOther(String trainedWith) throws Exception {
        TrainingResult r = new MalTrainer(TinyDatasets.config("mal").engine(trainedWith).build())
            .train(TinyDatasets.au(60, 1), TinyDatasets.expression(40, 2), TrainingListener.silent(), CancellationCheck.never());
        assertEquals(trainedWith, r.model().engine());
        Path file = dir.resolve("model.zip");
        ModelFile.write(r.model(), file);

        List<float[]> faces = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int s = 0; s < 100; s++) {
            float[] px = new float[TinyFaces.SIZE * TinyFaces.SIZE];
            for (int i = 0; i < px.length; i++) {
                px[i] = (float) random.nextDouble();
            }
            faces.add(px);
        }
        List<List<FacePrediction>> byEngine = new ArrayList<>();
        for (String engine : NetworkEngines.NAMES) {
            MalModel m = ModelFile.read(file, engine, w -> { throw new AssertionError(w); });
            assertEquals(engine, m.engine());
            assertEquals(trainedWith, m.header().engine());
            byEngine.add(m.predict(faces, 32));
        }
        double worst = 0;
        for (int s = 0; s < faces.size(); s++) {
            for (int k = 0; k < TinyFaces.AUS; k++) {
                worst = Math.max(worst, Math.abs(byEngine.get(0).get(s).auProbabilities()[k]
                    - byEngine.get(1).get(s).auProbabilities()[k]));
            }
            float[] a = byEngine.get(0).get(s).expressionProbabilities();
            float[] b = byEngine.get(1).get(s).expressionProbabilities();
            for (int q = 0; q < a.length; q++) {
                worst = Math.max(worst, Math.abs(a[q] - b[q]));
            }
        }
        System.out.println("trained with " + trainedWith + ": largest probability difference between engines " + worst);
        assertEquals(0, worst, 1e-4);
    }
}
