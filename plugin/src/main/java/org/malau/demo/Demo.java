package org.malau.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.eval.WeightSummary;
import org.malau.experiment.ExperimentConfig;
import org.malau.experiment.SyntheticExperiment;
import org.malau.model.FacePrediction;
import org.malau.train.CancellationCheck;
import org.malau.train.EpochRecord;
import org.malau.train.InMemoryFaceDataset;
import org.malau.train.TrainingCancelledException;
import org.malau.train.TrainingListener;

/**
 * Runs the demo: the synthetic data once, then every strategy with the same seed on it, each trained
 * until its meta-split AU F1 stops improving (the experiment's patience, with its iteration cap as a
 * safety net) and scored on the held-out AU subjects. Expression accuracy is measured on those
 * same held-out faces, whose expression labels are clean (the synthetic AU set carries the
 * expression each face was drawn with and no corruption), so it is a test of the expression head
 * on unseen subjects, not on the corrupted training set.
 */
public final class Demo {
    private static final int PREDICT_BATCH = 128;

    private Demo() {
    }

    public static DemoResults run(DemoSettings settings, DemoListener listener, CancellationCheck cancel)
        throws IOException, TrainingCancelledException {
        ExperimentConfig config = settings.experiment();
        DemoPlan plan = DemoPlan.of(config);
        TrainingListener forward = forwarding(listener);

        DemoPlan.Phase dataPhase = plan.phase("data");
        listener.phaseStarted(dataPhase);
        long start = System.nanoTime();
        SyntheticExperiment.Data data = SyntheticExperiment.prepare(config, forward);
        double dataSeconds = seconds(start);
        listener.phaseFinished(dataPhase, dataSeconds);

        InMemoryFaceDataset test = data.auTest();
        List<DemoResults.TestFace> testFaces = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            testFaces.add(new DemoResults.TestFace(test.id(i), data.auTestCrops()[i], data.cropSize(), test.au(i), test.expression(i)));
        }
        List<StrategyResult> results = new ArrayList<>();
        List<String> classes = List.of();
        for (String strategy : config.strategies()) {
            DemoPlan.Phase phase = plan.phase("train " + strategy);
            listener.phaseStarted(phase);
            long t = System.nanoTime();
            SyntheticExperiment.Outcome o = SyntheticExperiment.run(data, config, strategy, settings.seed(), forward, cancel);
            classes = o.result().model().header().expressionClasses();
            List<FacePrediction> predictions = o.result().model().predict(List.of(data.auTestCrops()), PREDICT_BATCH);
            // the report shows the samples whose corruption is known: the synthetic ones, all of them
            WeightSummary weights = o.result().weights().expressionWeights().known();
            // Without expression samples the expression head was never trained: its accuracy means nothing.
            double feAccuracy = weights.isEmpty() ? Double.NaN : expressionAccuracy(testFaces, predictions, classes);
            results.add(new StrategyResult(strategy, o.testAverageF1(), o.testF1(), feAccuracy, o.feWeightAuc(), o.trainSeconds(),
                o.result().history(), weights, predictions, o.result().model().header().settings(), o.weights()));
            listener.phaseFinished(phase, seconds(t));
        }
        int feCorrupted = 0;
        for (int i = 0; i < data.feTrain().size(); i++) {
            Corruption c = data.feTrain().corruption(i);
            if (c == Corruption.LABEL_NOISE || c == Corruption.UNRELATED) {
                feCorrupted++;
            }
        }
        return new DemoResults(settings, data.auTrain().auCodes(), classes, data.auTrain().size(), data.feTrain().size(),
            feCorrupted, testFaces, results, dataSeconds);
    }

    /** Share of faces with an expression label whose most probable class is that label. */
    static double expressionAccuracy(List<DemoResults.TestFace> faces, List<FacePrediction> predictions, List<String> classes) {
        int labelled = 0;
        int right = 0;
        for (int i = 0; i < faces.size(); i++) {
            Expression truth = faces.get(i).expression();
            if (truth == null) {
                continue;
            }
            labelled++;
            if (classes.get(predictions.get(i).expression()).equals(truth.label())) {
                right++;
            }
        }
        return labelled == 0 ? Double.NaN : right / (double) labelled;
    }

    private static TrainingListener forwarding(DemoListener listener) {
        return new TrainingListener() {
            @Override
            public void progress(double fraction, String message) {
                listener.progress(fraction, message);
            }

            @Override
            public void epochFinished(EpochRecord record) {
            }

            @Override
            public void warning(String message) {
                listener.warning(message);
            }
        };
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
