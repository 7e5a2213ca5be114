package org.malau.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.malau.data.Expression;
import org.malau.eval.AuDetectionScores;
import org.malau.eval.RocAuc;
import org.malau.face.AlignOptions;
import org.malau.face.AlignedFace;
import org.malau.face.FaceAligner;
import org.malau.face.ImageAlignment;
import org.malau.model.FacePrediction;
import org.malau.model.MalModel;
import org.malau.train.CancellationCheck;
import org.malau.train.CsvFaceDataset;
import org.malau.train.InMemoryFaceDataset;
import org.malau.train.MalTrainer;
import org.malau.train.TrainingCancelledException;
import org.malau.train.TrainingConfig;
import org.malau.train.TrainingListener;
import org.malau.train.TrainingResult;

/**
 * Real photos in, cross-validated AU scores out: the pipeline that the real-photo test and {@code bench/run
 * RealPhotoBench} share. The photos of a labels CSV ({@code file}, {@code subject}, {@code expression}, AU
 * columns, as {@code ../shared/data/smiles/labels.csv}) are aligned by the Face Aligner's detector route to
 * colour crops, then each fold of subjects is predicted by a model trained on the others, so that no person is
 * both trained on and scored.
 */
public final class PhotoExperiment {
    private PhotoExperiment() {
    }

    /**
     * Aligned, labelled photos.
     *
     * @param faces the photos' labels with their aligned crops (RGB, {@code cropSize} px)
     * @param rgbCrops the crops, in {@code faces} order
     * @param alignSeconds time the alignment took
     */
    public record Data(InMemoryFaceDataset faces, float[][] rgbCrops, int cropSize, double alignSeconds) {
        /** The same faces as grey crops (for grey networks). */
        public InMemoryFaceDataset grey() {
            int plane = cropSize * cropSize;
            float[][] g = new float[rgbCrops.length][plane];
            for (int s = 0; s < g.length; s++) {
                for (int i = 0; i < plane; i++) {
                    float[] c = rgbCrops[s];
                    g[s][i] = 0.299f * c[i] + 0.587f * c[plane + i] + 0.114f * c[2 * plane + i];
                }
            }
            return copy(g, 1);
        }

        private InMemoryFaceDataset copy(float[][] crops, int channels) {
            int n = faces.size();
            String[] ids = new String[n];
            String[] subjects = new String[n];
            byte[][] au = new byte[n][];
            Expression[] e = new Expression[n];
            for (int i = 0; i < n; i++) {
                ids[i] = faces.id(i);
                subjects[i] = faces.subject(i);
                au[i] = faces.au(i);
                e[i] = faces.expression(i);
            }
            return new InMemoryFaceDataset(faces.auCodes(), ids, subjects, au, e, null, crops, cropSize, channels);
        }
    }

    /**
     * Aligns the photos listed in {@code labelsCsv} with {@code options} (colour crops).
     *
     * @throws IOException when the CSV cannot be read or a photo has no face, naming it
     */
    public static Data prepare(Path labelsCsv, AlignOptions options) throws IOException {
        CsvFaceDataset labels = CsvFaceDataset.read(labelsCsv);
        AlignOptions colour = options.withGrey(false);
        int n = labels.size();
        float[][] crops = new float[n][];
        String[] ids = new String[n];
        String[] subjects = new String[n];
        byte[][] au = new byte[n][];
        Expression[] e = new Expression[n];
        long start = System.nanoTime();
        try (FaceAligner aligner = new FaceAligner(colour)) {
            for (int i = 0; i < n; i++) {
                ImageAlignment a = aligner.align(labels.imagePath(i));
                if (a.faces().isEmpty()) {
                    throw new IOException("no face found in " + labels.imagePath(i) + " (" + a.status() + ")");
                }
                crops[i] = rgb(a.faces().get(0));
                ids[i] = labels.id(i);
                subjects[i] = labels.subject(i);
                au[i] = labels.au(i);
                e[i] = labels.expression(i);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Data(new InMemoryFaceDataset(labels.auCodes(), ids, subjects, au, e, null, crops, colour.size(), 3), crops,
            colour.size(), seconds);
    }

    /** An aligned crop (BGR bytes, interleaved) as network input: RGB, channels first, [0, 1]. */
    public static float[] rgb(AlignedFace f) {
        byte[] px = f.pixels();
        int plane = f.size() * f.size();
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            out[i] = (px[3 * i + 2] & 0xff) / 255f;
            out[plane + i] = (px[3 * i + 1] & 0xff) / 255f;
            out[2 * plane + i] = (px[3 * i] & 0xff) / 255f;
        }
        return out;
    }

    /**
     * The fold (0 to {@code k - 1}) of every sample: the distinct subjects in sorted order, shuffled with
     * {@code seed}, are dealt to the folds in turn, so folds differ by at most one subject and a subject's
     * photos share a fold.
     *
     * @throws IllegalArgumentException when a subject is unknown or there are fewer subjects than folds
     */
    public static int[] folds(InMemoryFaceDataset data, int k, long seed) {
        Map<String, Integer> fold = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.subject(i).isEmpty()) {
                throw new IllegalArgumentException("sample " + data.id(i) + " has no subject; folds go by subject");
            }
            fold.put(data.subject(i), 0);
        }
        if (fold.size() < k) {
            throw new IllegalArgumentException(fold.size() + " subjects cannot make " + k + " folds");
        }
        List<String> subjects = new ArrayList<>(fold.keySet());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = subjects.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = subjects.get(i);
            subjects.set(i, subjects.get(j));
            subjects.set(j, t);
        }
        for (int i = 0; i < subjects.size(); i++) {
            fold.put(subjects.get(i), i % k);
        }
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold.get(data.subject(i));
        }
        return out;
    }

    /**
     * One fold's result for the first AU of the data.
     *
     * @param f1 F1 of the model's decisions (its own thresholds) on the fold's faces
     * @param auc ROC AUC of the model's probability on them (NaN without both classes)
     * @param trainSeconds training time
     * @param model the model trained without the fold
     */
    public record Fold(int fold, double f1, double auc, double trainSeconds, int testFaces, MalModel model,
        TrainingResult result) {
    }

    /**
     * Trains a model per fold with {@code settings} on the other folds' faces ({@code au} and, for strategies with an
     * expression task, the same faces' expressions) and scores the first AU on the fold.
     */
    public static List<Fold> crossValidate(InMemoryFaceDataset data, int[] folds, TrainingConfig.Builder settings,
        TrainingListener listener, CancellationCheck cancel) throws IOException, TrainingCancelledException {
        TrainingConfig config = settings.build();
        int k = Arrays.stream(folds).max().orElse(-1) + 1;
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            final int fold = f;
            InMemoryFaceDataset train = data.subset(java.util.stream.IntStream.range(0, data.size())
                .filter(i -> folds[i] != fold).toArray());
            int[] test = java.util.stream.IntStream.range(0, data.size()).filter(i -> folds[i] == fold).toArray();
            long start = System.nanoTime();
            TrainingResult r = new MalTrainer(config).train(train, config.strategy().usesExpressionTask() ? train : null,
                listener, cancel);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<float[]> crops = new ArrayList<>();
            for (int i : test) {
                crops.add(data.crop(i, config.inputSize(), config.channels()));
            }
            List<FacePrediction> p = r.model().predict(crops, 64);
            byte[][] truth = new byte[test.length][];
            byte[][] decided = new byte[test.length][];
            double[] score = new double[test.length];
            boolean[] positive = new boolean[test.length];
            for (int s = 0; s < test.length; s++) {
                truth[s] = data.au(test[s]);
                decided[s] = p.get(s).auPresent();
                score[s] = p.get(s).auProbabilities()[0];
                positive[s] = truth[s][0] == 1;
            }
            double f1 = AuDetectionScores.of(truth, decided, truth[0].length).f1()[0];
            boolean both = java.util.stream.IntStream.range(0, positive.length).anyMatch(s -> positive[s])
                && java.util.stream.IntStream.range(0, positive.length).anyMatch(s -> !positive[s]);
            out.add(new Fold(f, f1, both ? RocAuc.of(score, positive) : Double.NaN, seconds, test.length, r.model(), r));
        }
        return out;
    }
}
