package org.malau.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.malau.train.FaceDataset;

class SyntheticExperimentTest {
    private static final ExperimentConfig CONFIG =
        new ExperimentConfig(5, 3, 1, 3, 6, 0.25, 0.25, 32, 4, List.of("au-only", "mal"));
    private static SyntheticExperiment.Data data;

    @BeforeAll
    static void prepare() throws Exception {
        data = SyntheticExperiment.prepare(CONFIG, (f, m) -> { });
    }

    @Test
    void setsHaveTheConfiguredSizesAndDisjointSubjects() {
        assertEquals(18, data.auTrain().size());
        assertEquals(6, data.auTest().size());
        assertEquals(18, data.feTrain().size());
        Set<String> train = subjects(data.auTrain());
        Set<String> test = subjects(data.auTest());
        Set<String> fe = subjects(data.feTrain());
        assertEquals(3, train.size());
        assertEquals(1, test.size());
        assertTrue(test.stream().noneMatch(train::contains) && fe.stream().noneMatch(train::contains)
            && fe.stream().noneMatch(test::contains), "subjects overlap: " + train + test + fe);
        assertEquals(32 * 32, data.auTestCrops()[0].length);
    }

    @Test
    void cropsArePixelsInTheUnitRangeWithContrast() {
        for (float[] crop : data.auTestCrops()) {
            double sum = 0;
            double sq = 0;
            for (float v : crop) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
                sum += v;
                sq += v * v;
            }
            double mean = sum / crop.length;
            double std = Math.sqrt(sq / crop.length - mean * mean);
            assertTrue(std > 0.05, "an aligned face has contrast, std was " + std);
        }
    }

    @Test
    void eachStrategyIsScoredOnTheHeldOutSubjects() throws Exception {
        for (String s : CONFIG.strategies()) {
            SyntheticExperiment.Outcome o = SyntheticExperiment.run(data, s, 1, CONFIG.maxIterations(), (f, m) -> { }, () -> false);
            assertEquals(data.auTest().auCodes().length, o.testF1().length);
            assertTrue(o.testAverageF1() >= 0 && o.testAverageF1() <= 1, s + " F1 " + o.testAverageF1());
            if (s.equals("au-only")) {
                assertTrue(Double.isNaN(o.feWeightAuc()), "au-only has no expression weights");
            } else {
                assertTrue(o.feWeightAuc() >= 0 && o.feWeightAuc() <= 1, s + " AUC " + o.feWeightAuc());
            }
        }
    }

    @Test
    void rejectsAnUnknownStrategyNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new ExperimentConfig(1, 3, 1, 1, 1, 0, 0, 32, 1, List.of("magic")));
        assertTrue(e.getMessage().contains("'magic'"), e.getMessage());
    }

    private static Set<String> subjects(FaceDataset d) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            s.add(d.subject(i));
        }
        return s;
    }
}
