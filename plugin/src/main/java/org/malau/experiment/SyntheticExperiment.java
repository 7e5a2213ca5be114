package org.malau.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.synth.PngEncoder;
import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthFace;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;
import org.malau.eval.AuDetectionScores;
import org.malau.face.AlignOptions;
import org.malau.face.FaceAligner;
import org.malau.face.ImageAlignment;
import org.malau.face.Landmarks;
import org.malau.face.PixelPoint;
import org.malau.model.CropReader;
import org.malau.model.FacePrediction;
import org.malau.train.CancellationCheck;
import org.malau.train.InMemoryFaceDataset;
import org.malau.train.MalTrainer;
import org.malau.train.TrainingCancelledException;
import org.malau.train.TrainingConfig;
import org.malau.train.TrainingListener;
import org.malau.train.TrainingResult;

/**
 * Synthetic data in, scores out: the pipeline the demo and the paper-claim benchmark share, so that
 * both measure the same thing. Faces are aligned with their known eye centres (the landmark route);
 * samples without a face are passed on as the whole frame, as a pipeline that keeps every row would.
 */
public final class SyntheticExperiment {
    private SyntheticExperiment() {
    }

    /** Aligned, labelled data of one experiment; the three sets have disjoint subjects. */
    public record Data(InMemoryFaceDataset auTrain, InMemoryFaceDataset feTrain, InMemoryFaceDataset auTest,
        float[][] auTestCrops, int cropSize) {
    }

    /**
     * What one strategy achieved.
     *
     * @param testF1 per-AU F1 on the held-out subjects, with the thresholds tuned on the meta split
     * @param weights how the expression-sample weights actually used in training (each sample's mean over the
     *     epochs it was drawn in) tell clean from corrupted samples; NaN throughout without expression samples
     */
    public record Outcome(String strategy, long seed, double testAverageF1, double[] testF1, WeightScores weights,
        double trainSeconds, TrainingResult result) {

        /**
         * ROC AUC of the used expression-sample weights as a clean-vs-corrupted score (1 = every clean sample
         * outweighs every corrupted one, 0.5 = no relation); NaN without expression samples.
         */
        public double feWeightAuc() {
            return weights.auc();
        }

        /** As {@link #feWeightAuc()} with each sample's weight of the last epoch in which it was drawn. */
        public double finalWeightAuc() {
            return weights.finalAuc();
        }
    }

    /**
     * The same data with only the uncorrupted expression samples (known from the generator): what multi-task
     * learning could do if the corrupted samples were found perfectly, the clean-expression oracle.
     */
    public static Data withoutCorruptedExpressions(Data data) {
        int[] clean = java.util.stream.IntStream.range(0, data.feTrain().size())
            .filter(i -> data.feTrain().corruption(i) == Corruption.NONE).toArray();
        return new Data(data.auTrain(), data.feTrain().subset(clean), data.auTest(), data.auTestCrops(), data.cropSize());
    }

    /**
     * {@code config} without corruption: the generator decides a face's corruption after drawing everything
     * else, so these are the same faces with their true labels and a usable face throughout, the expression
     * set before corruption.
     */
    public static ExperimentConfig uncorrupted(ExperimentConfig config) {
        return new ExperimentConfig(config.dataSeed(), config.auTrainSubjects(), config.auTestSubjects(), config.feSubjects(),
            config.perSubject(), 0, 0, config.cropSize(), config.maxIterations(), config.patience(), config.strategies());
    }

    /** Generates and aligns the data of {@code config}; {@code progress} gets fractions of this phase. */
    public static Data prepare(ExperimentConfig config, TrainingListener progress) throws IOException {
        return prepare(config, true, progress);
    }

    /** As {@link #prepare(ExperimentConfig, TrainingListener)}, with grey or RGB crops (for RGB networks). */
    public static Data prepare(ExperimentConfig config, boolean grey, TrainingListener progress) throws IOException {
        SynthGenerator generator = new SynthGenerator(SynthConfig.builder().seed(config.dataSeed())
            .auSubjects(config.auTrainSubjects() + config.auTestSubjects()).feSubjects(config.feSubjects())
            .perSubject(config.perSubject()).feLabelNoise(config.feLabelNoise()).feUnrelated(config.feUnrelated())
            .build());
        List<String> auSubjects = generator.subjects(SynthSet.AU);
        Set<String> testSubjects = new HashSet<>(auSubjects.subList(config.auTrainSubjects(), auSubjects.size()));
        List<SynthFace> auTrain = new ArrayList<>();
        List<SynthFace> auTest = new ArrayList<>();
        List<SynthFace> fe = new ArrayList<>();
        for (int i = 0; i < generator.size(SynthSet.AU); i++) {
            SynthFace f = generator.face(SynthSet.AU, i);
            (testSubjects.contains(f.subject()) ? auTest : auTrain).add(f);
        }
        for (int i = 0; i < generator.size(SynthSet.FE); i++) {
            fe.add(generator.face(SynthSet.FE, i));
        }
        int total = auTrain.size() + auTest.size() + fe.size();
        int[] done = {0};
        AlignOptions options = AlignOptions.defaults().withSize(config.cropSize()).withGrey(grey);
        try (FaceAligner aligner = new FaceAligner(options)) {
            Aligned train = align(aligner, auTrain, config.cropSize(), progress, done, total);
            Aligned test = align(aligner, auTest, config.cropSize(), progress, done, total);
            Aligned expressions = align(aligner, fe, config.cropSize(), progress, done, total);
            return new Data(train.dataset(auTrain, true), expressions.dataset(fe, false), test.dataset(auTest, true),
                test.crops, config.cropSize());
        }
    }

    /**
     * Trains {@code strategy} with {@code seed} on {@code data} with {@code config}'s iteration cap and
     * patience (so until its meta-split F1 stops improving when the config has a patience), then scores it
     * on the held-out subjects.
     */
    public static Outcome run(Data data, ExperimentConfig config, String strategy, long seed, TrainingListener listener,
        CancellationCheck cancel) throws IOException, TrainingCancelledException {
        return run(data, config.training(strategy, seed), listener, cancel);
    }

    /** Trains {@code strategy} with {@code seed} on {@code data} for a fixed budget, then scores it on the held-out subjects. */
    public static Outcome run(Data data, String strategy, long seed, int iterations, TrainingListener listener,
        CancellationCheck cancel) throws IOException, TrainingCancelledException {
        return run(data, TrainingConfig.builder().strategy(strategy).seed(seed).maxIterations(iterations), listener, cancel);
    }

    /**
     * Trains with {@code settings} (strategy, seed, iteration budget and anything else set there) on
     * {@code data}, then scores on the held-out subjects; epochs and input size are set here.
     */
    public static Outcome run(Data data, TrainingConfig.Builder settings, TrainingListener listener,
        CancellationCheck cancel) throws IOException, TrainingCancelledException {
        TrainingConfig draft = settings.build();
        int iterations = draft.maxIterations();
        if (iterations < 1) {
            throw new IllegalArgumentException("an experiment needs an iteration budget (max iterations >= 1)");
        }
        // One epoch takes at least one iteration, so this many epochs never cut the budget short.
        TrainingConfig config = draft.toBuilder().epochs(iterations).inputSize(data.cropSize()).build();
        String strategy = config.strategy().id();
        long seed = config.seed();
        long start = System.nanoTime();
        TrainingResult result = new MalTrainer(config).train(data.auTrain(),
            config.strategy().usesExpressionTask() ? data.feTrain() : null, listener, cancel);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<float[]> crops = List.of(data.auTestCrops());
        List<FacePrediction> predictions = result.model().predict(crops, 128);
        int n = data.auTest().size();
        int j = data.auTest().auCodes().length;
        byte[][] truth = new byte[n][];
        byte[][] predicted = new byte[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = data.auTest().au(i);
            predicted[i] = predictions.get(i).auPresent();
        }
        AuDetectionScores scores = AuDetectionScores.of(truth, predicted, j);
        return new Outcome(strategy, seed, scores.averageF1(), scores.f1(), WeightScores.of(result.weights()), seconds, result);
    }

    private static Aligned align(FaceAligner aligner, List<SynthFace> faces, int size, TrainingListener progress,
        int[] done, int total) {
        float[][] crops = new float[faces.size()][];
        for (int i = 0; i < faces.size(); i++) {
            crops[i] = crop(aligner, faces.get(i), size, aligner.options().grey());
            if (++done[0] % 200 == 0 || done[0] == total) {
                progress.progress(done[0] / (double) total, "aligned " + done[0] + " of " + total + " faces");
            }
        }
        return new Aligned(crops, size, aligner.options().grey() ? 1 : 3);
    }

    private static float[] crop(FaceAligner aligner, SynthFace face, int size, boolean grey) {
        float[] eyes = face.eyeCentres();
        if (eyes != null) {
            Landmarks lm = Landmarks.ofEyes(new PixelPoint(eyes[0], eyes[1]), new PixelPoint(eyes[2], eyes[3]));
            ImageAlignment a = aligner.alignWithLandmarks(PngEncoder.encode(face.image()), face.id(), List.of(lm));
            if (!a.faces().isEmpty() && !grey) {
                return PhotoExperiment.rgb(a.faces().get(0));
            }
            if (!a.faces().isEmpty()) {
                byte[] px = a.faces().get(0).pixels();
                float[] out = new float[px.length];
                for (int i = 0; i < px.length; i++) {
                    out[i] = (px[i] & 0xff) / 255f;
                }
                return out;
            }
        }
        return CropReader.fromImage(face.image(), size, grey ? 1 : 3);
    }

    private record Aligned(float[][] crops, int size, int channels) {
        InMemoryFaceDataset dataset(List<SynthFace> faces, boolean withAu) {
            int n = faces.size();
            String[] ids = new String[n];
            String[] subjects = new String[n];
            byte[][] au = new byte[n][];
            Expression[] expressions = new Expression[n];
            Corruption[] corruptions = new Corruption[n];
            int[] codes = faces.isEmpty() ? new int[0] : faces.get(0).au() == null ? new int[0] : faces.get(0).au().auCodes();
            for (int i = 0; i < n; i++) {
                SynthFace f = faces.get(i);
                ids[i] = f.id();
                subjects[i] = f.subject();
                au[i] = withAu ? occurrence(f) : null;
                expressions[i] = f.expression();
                corruptions[i] = f.corruption();
            }
            return new InMemoryFaceDataset(codes, ids, subjects, au, expressions, corruptions, crops, size, channels);
        }

        private static byte[] occurrence(SynthFace f) {
            byte[] o = new byte[f.au().size()];
            for (int k = 0; k < o.length; k++) {
                o[k] = f.au().occurrence(k);
            }
            return o;
        }
    }
}
