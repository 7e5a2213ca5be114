package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.model.FacePrediction;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.TinyFaces;

class MalTrainerTest {
    @TempDir
    Path dir;

    @Test
    void malRunProducesHistoryWeightsAndALoadableModel() throws Exception {
        FaceDataset au = TinyDatasets.au(60, 1);
        FaceDataset fe = TinyDatasets.expression(40, 2);
        List<EpochRecord> seen = new ArrayList<>();
        TrainingResult r = new MalTrainer(TinyDatasets.config("mal").malVariant("robust").warmup(0).metaInterval(1).build()).train(au, fe, new TrainingListener() {
            @Override
            public void progress(double fraction, String message) {
                assertTrue(fraction > 0 && fraction <= 1);
            }

            @Override
            public void epochFinished(EpochRecord record) {
                seen.add(record);
            }
        }, CancellationCheck.never());

        assertEquals(2, r.history().epochs().size());
        assertEquals(seen, r.history().epochs());
        EpochRecord last = r.history().epochs().get(1);
        assertTrue(Double.isFinite(last.metaLoss()) && Double.isFinite(last.metaAuF1()), last.toString());
        assertTrue(r.split().subjectDisjoint());
        int trainAu = r.split().train().length;
        assertEquals(trainAu + 40, r.weights().entries().size());
        long feWithWeights = r.weights().entries().stream().filter(e -> e.set().equals("fe") && !Double.isNaN(e.perEpoch()[0])).count();
        assertTrue(feWithWeights > 0);
        for (SampleWeightLog.Entry e : r.weights().entries()) {
            for (double w : e.perEpoch()) {
                // robust MAL: AU samples 1, expression weights normalised per batch to mean 1 with a floor of 0.1
                assertTrue(Double.isNaN(w) || (w >= 0.1 - 1e-9 && w < 16), "robust MAL weights lie in [0.1, m): " + w);
            }
        }
        assertTrue(r.model().hasMetaNet());
        assertEquals(4, r.model().header().thresholds().length);

        Path file = dir.resolve("m.zip");
        ModelFile.write(r.model(), file);
        MalModel back = ModelFile.read(file);
        assertEquals(r.model().header().strategy(), back.header().strategy());
        assertArrayEquals(r.model().header().thresholds(), back.header().thresholds());
        assertArrayEquals(r.model().metaNet().parameters(), back.metaNet().parameters());
        List<float[]> crops = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            crops.add(au.crop(i, TinyFaces.SIZE, 1));
        }
        List<FacePrediction> a = r.model().predict(crops, 2);
        List<FacePrediction> b = back.predict(crops, 3);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(a.get(i).auProbabilities(), b.get(i).auProbabilities(), 1e-6f, "batching changes only float rounding");
            assertEquals(7, a.get(i).expressionProbabilities().length);
        }
        // robust MAL's psi sees each sample's uncertainty inputs, which need its label: crops alone are refused
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> back.sampleWeights(crops, true, 2));
        assertTrue(refused.getMessage().contains("features+uncertainty"), refused.getMessage());
        // the paper's psi sees the features only and weighs bare crops
        MalModel paper = new MalTrainer(TinyDatasets.config("mal").malVariant("paper").epochs(1).build()).train(au, fe,
            TrainingListener.silent(), CancellationCheck.never()).model();
        for (double v : paper.sampleWeights(crops, true, 2)) {
            assertTrue(v > 0 && v < 1, "meta-net weight " + v);
        }
        r.history().writeCsv(dir.resolve("h.csv"));
        r.weights().writeCsv(dir.resolve("w.csv"));
        assertEquals(3, Files.readAllLines(dir.resolve("h.csv")).size());
        assertEquals(trainAu + 41, Files.readAllLines(dir.resolve("w.csv")).size());
    }

    @Test
    void cancelStopsWithinOneIteration() {
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger iterations = new AtomicInteger();
        TrainingCancelledException e = assertThrows(TrainingCancelledException.class,
            () -> new MalTrainer(TinyDatasets.config("mtl").epochs(5).build()).train(TinyDatasets.au(60, 1),
                TinyDatasets.expression(40, 2), (f, m) -> iterations.incrementAndGet(), () -> polls.incrementAndGet() > 3));
        assertEquals(3, iterations.get());
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    }

    @Test
    void nonFiniteLossNamesTheIteration() {
        FaceDataset good = TinyDatasets.au(40, 1);
        FaceDataset poisoned = new FaceDataset() {
            @Override public int size() { return good.size(); }
            @Override public String id(int i) { return good.id(i); }
            @Override public String subject(int i) { return good.subject(i); }
            @Override public int[] auCodes() { return good.auCodes(); }
            @Override public byte[] au(int i) { return good.au(i); }
            @Override public Expression expression(int i) { return good.expression(i); }
            @Override public Corruption corruption(int i) { return good.corruption(i); }
            @Override public float[] crop(int i, int size, int channels) throws java.io.IOException {
                float[] c = good.crop(i, size, channels);
                c[0] = Float.NaN;
                return c;
            }
        };
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
            () -> new MalTrainer(TinyDatasets.config("au-only").build()).train(poisoned, null, TrainingListener.silent(),
                CancellationCheck.never()));
        assertEquals(1, e.iteration());
        assertTrue(e.getMessage().contains("iteration 1"), e.getMessage());
    }

    @Test
    void sameSeedSameModelAcrossRuns() throws Exception {
        TrainingConfig c = TinyDatasets.config("l2rw").epochs(1).build();
        TrainingResult a = new MalTrainer(c).train(TinyDatasets.au(40, 1), TinyDatasets.expression(32, 2),
            TrainingListener.silent(), CancellationCheck.never());
        TrainingResult b = new MalTrainer(c).train(TinyDatasets.au(40, 1), TinyDatasets.expression(32, 2),
            TrainingListener.silent(), CancellationCheck.never());
        List<float[]> crops = List.of(TinyDatasets.au(3, 9).crop(0, TinyFaces.SIZE, 1));
        assertArrayEquals(a.model().predict(crops, 1).get(0).auProbabilities(),
            b.model().predict(crops, 1).get(0).auProbabilities());
        assertNotNull(a.metaScores());
    }
}
