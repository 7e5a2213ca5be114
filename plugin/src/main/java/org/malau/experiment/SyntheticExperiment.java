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
import org.malau.eval.RocAuc;
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
import org.malau.train.SampleWeightLog;
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
     * @param feWeightAuc ROC AUC of the final-epoch expression-sample weight as a clean-vs-corrupted
     *     score (1 = every clean sample outweighs every corrupted one, 0.5 = no relation); NaN when the
     *     strategy has no expression samples
     */
    public record Outcome(String strategy, long seed, double testAverageF1, double[] testF1, double feWeightAuc,
        double trainSeconds, TrainingResult result) {
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

    /** Trains {@code strategy} with {@code seed} on {@code data}, then scores it on the held-out subjects. */
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
        String strategy = config.strategy();
        long seed = config.seed();
        long start = System.nanoTime();
        TrainingResult result = new MalTrainer(config).train(data.auTrain(),
            strategy.equals("au-only") ? null : data.feTrain(), listener, cancel);
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
        return new Outcome(strategy, seed, scores.averageF1(), scores.f1(), weightAuc(result.weights()), seconds, result);
    }

    /** ROC AUC of the last epoch's expression-sample weights as a score for "clean". */
    static double weightAuc(SampleWeightLog log) {
        List<Double> weights = new ArrayList<>();
        List<Boolean> clean = new ArrayList<>();
        for (SampleWeightLog.Entry e : log.entries()) {
            if (!e.set().equals("fe") || e.corruption() == Corruption.UNKNOWN || e.perEpoch().length == 0) {
                continue;
            }
            double w = lastDrawn(e.perEpoch());
            if (!Double.isNaN(w)) {
                weights.add(w);
                clean.add(e.corruption() == Corruption.NONE);
            }
        }
        if (weights.isEmpty() || !clean.contains(true) || !clean.contains(false)) {
            return Double.NaN;
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] c = new boolean[clean.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = clean.get(i);
        }
        return RocAuc.of(w, c);
    }

    /** A sample not drawn in the last epoch has NaN there; its latest weight is the one it last got. */
    private static double lastDrawn(double[] perEpoch) {
        for (int k = perEpoch.length - 1; k >= 0; k--) {
            if (!Double.isNaN(perEpoch[k])) {
                return perEpoch[k];
            }
        }
        return Double.NaN;
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
