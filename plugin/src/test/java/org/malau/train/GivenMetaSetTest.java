package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.eval.AuDetectionScores;
import org.malau.eval.ThresholdTuner;
import org.malau.model.FacePrediction;
import org.malau.model.TinyFaces;

/** Training with a meta set the caller gives instead of a split of the AU data. */
class GivenMetaSetTest {

    /** {@code d} with its subjects and ids renamed, so that it shares no subject with another TinyDatasets set. */
    private static FaceDataset renamed(FaceDataset d, String prefix) {
        return new FaceDataset() {
            @Override public int size() { return d.size(); }
            @Override public String id(int i) { return prefix + d.id(i); }
            @Override public String subject(int i) { return prefix + d.subject(i); }
            @Override public int[] auCodes() { return d.auCodes(); }
            @Override public byte[] au(int i) { return d.au(i); }
            @Override public Expression expression(int i) { return d.expression(i); }
            @Override public Corruption corruption(int i) { return d.corruption(i); }
            @Override public float[] crop(int i, int size, int channels) throws IOException { return d.crop(i, size, channels); }
        };
    }

    private static final class Warnings implements TrainingListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public void warning(String message) {
            seen.add(message);
        }
    }

    @Test
    void everyAuSampleTrainsAndTheGivenSetTunesThresholdsAndStopsEarly() throws Exception {
        FaceDataset au = TinyDatasets.au(40, 1);
        FaceDataset meta = renamed(TinyDatasets.au(16, 7), "m");
        // fraction 0: without the given set there would be no meta split at all, hence no early stop and 0.5 thresholds
        TrainingConfig c = TinyDatasets.config("au-only").metaFraction(0).epochs(6).patience(1)
            .schedule(LearningRateSchedule.constant(1e-12)).augmentation(Augmentation.none()).build();
        Warnings w = new Warnings();
        TrainingResult r = new MalTrainer(c).train(au, null, meta, w, CancellationCheck.never());

        assertArrayEquals(java.util.stream.IntStream.range(0, 40).toArray(), r.split().train());
        assertArrayEquals(java.util.stream.IntStream.range(40, 56).toArray(), r.split().meta());
        assertTrue(r.split().subjectDisjoint());
        Set<String> trained = r.weights().entries().stream().filter(e -> e.set().equals("au")).map(SampleWeightLog.Entry::id)
            .collect(Collectors.toSet());
        Set<String> auIds = java.util.stream.IntStream.range(0, 40).mapToObj(au::id).collect(Collectors.toSet());
        assertEquals(auIds, trained, "every AU sample trains, no given meta sample does");
        assertEquals(40, r.model().header().auTrainSize());
        assertEquals(16, r.model().header().metaSplitSize());
        assertEquals("given", r.model().header().settings().get("metaSplit"));

        // early stopping ran on the given set: a frozen network never beats epoch 1
        assertEquals(2, r.history().epochs().size());
        assertTrue(w.seen.stream().anyMatch(s -> s.contains("early stop")), w.seen.toString());
        assertTrue(Double.isFinite(r.history().epochs().get(0).metaAuF1()));

        // the thresholds and meta scores are those of the given set, recomputed here from the final model
        List<float[]> crops = new ArrayList<>();
        byte[][] truth = new byte[meta.size()][];
        for (int i = 0; i < meta.size(); i++) {
            crops.add(meta.crop(i, TinyFaces.SIZE, 1));
            truth[i] = meta.au(i);
        }
        List<FacePrediction> p = r.model().predict(crops, 8);
        float[][] prob = p.stream().map(FacePrediction::auProbabilities).toArray(float[][]::new);
        double[] tuned = ThresholdTuner.tune(prob, truth, 4);
        assertArrayEquals(tuned, r.model().header().thresholds(), 1e-12);
        AuDetectionScores s = AuDetectionScores.of(truth, AuDetectionScores.decide(prob, tuned), 4);
        assertArrayEquals(s.truePositives(), r.metaScores().truePositives());
        assertArrayEquals(s.falsePositives(), r.metaScores().falsePositives());
        for (int j = 0; j < 4; j++) {
            int known = 0;
            for (byte[] y : truth) {
                known += y != null && y[j] != AuLabels.UNKNOWN ? 1 : 0;
            }
            assertEquals(known, r.metaScores().truePositives()[j] + r.metaScores().falsePositives()[j]
                + r.metaScores().falseNegatives()[j] + r.metaScores().trueNegatives()[j], "AU " + j + " scored on the given set");
        }
    }

    @Test
    void malUsesTheGivenSetForItsMetaBatches() throws Exception {
        FaceDataset au = TinyDatasets.au(32, 1);
        FaceDataset meta = renamed(TinyDatasets.au(12, 9), "m");
        TrainingResult r = new MalTrainer(TinyDatasets.config("mal").warmup(0).metaInterval(1).metaFraction(0).epochs(1).build()).train(au,
            TinyDatasets.expression(24, 2), meta, TrainingListener.silent(), CancellationCheck.never());
        assertTrue(Double.isFinite(r.history().epochs().get(0).metaLoss()), "meta batches came from the given set");
        assertEquals(32, r.weights().entries().stream().filter(e -> e.set().equals("au")).count());
        // without it, fraction 0 leaves mal without a meta split
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new MalTrainer(TinyDatasets.config("mal").metaFraction(0).epochs(1).build()).train(au,
                TinyDatasets.expression(24, 2), null, TrainingListener.silent(), CancellationCheck.never()));
        assertTrue(e.getMessage().contains("meta split"), e.getMessage());
    }

    @Test
    void aBadMetaSetFailsClearly() {
        FaceDataset au = TinyDatasets.au(20, 1);
        MalTrainer t = new MalTrainer(TinyDatasets.config("au-only").epochs(1).build());
        int n = 4;
        FaceDataset otherAus = new InMemoryFaceDataset(new int[] {1, 2, 12}, new String[] {"a", "b", "c", "d"}, null,
            new byte[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}}, new Expression[n], null,
            new float[n][TinyFaces.SIZE * TinyFaces.SIZE], TinyFaces.SIZE, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> t.train(au, null, otherAus, TrainingListener.silent(), CancellationCheck.never()));
        assertTrue(e.getMessage().contains("[1, 2, 12]") && e.getMessage().contains("[1, 2, 4, 6]"), e.getMessage());

        FaceDataset unlabelled = new InMemoryFaceDataset(new int[] {1, 2, 4, 6}, new String[] {"a", "b"}, null,
            new byte[2][], new Expression[2], null, new float[2][TinyFaces.SIZE * TinyFaces.SIZE], TinyFaces.SIZE, 1);
        e = assertThrows(IllegalArgumentException.class,
            () -> t.train(au, null, unlabelled, TrainingListener.silent(), CancellationCheck.never()));
        assertTrue(e.getMessage().contains("no AU-labelled sample"), e.getMessage());
    }

    @Test
    void sharedSubjectsAreReportedAndTheSplitIsNotSubjectDisjoint() throws Exception {
        FaceDataset au = TinyDatasets.au(20, 1);
        FaceDataset meta = TinyDatasets.au(8, 3); // subjects s0..s7, as in the AU set
        MetaSplit s = MetaSplit.given(au, meta);
        assertFalse(s.subjectDisjoint());
        assertTrue(s.warning().startsWith("8 subject(s) of the given meta set"), s.warning());
        Warnings w = new Warnings();
        new MalTrainer(TinyDatasets.config("au-only").epochs(1).build()).train(au, null, meta, w, CancellationCheck.never());
        assertTrue(w.seen.contains(s.warning()), w.seen.toString());

        MetaSplit disjoint = MetaSplit.given(au, renamed(meta, "m"));
        assertTrue(disjoint.subjectDisjoint());
        assertNull(disjoint.warning());
    }
}
