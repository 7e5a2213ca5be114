package org.malau.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.malau.eval.RocAuc;
import org.malau.experiment.ExperimentConfig;
import org.malau.experiment.PhotoExperiment;
import org.malau.experiment.SyntheticExperiment;
import org.malau.face.AlignOptions;
import org.malau.face.EyeMethod;
import org.malau.model.ModelFile;
import org.malau.pretrained.FaceApiModels;
import org.malau.pretrained.FaceApiNetwork;
import org.malau.train.Initialisation;
import org.malau.train.InMemoryFaceDataset;
import org.malau.train.TrainingConfig;

/**
 * Training on real photos: the 40 photos of ../shared/data/smiles (20 people, neutral and smiling, AU12),
 * 5 folds by person, for every initialisation and input option, each with its training time; and the same
 * initialisations on the synthetic benchmark (held-out synthetic subjects, all 18 AUs). Prints one line per
 * fold and a summary per variant; bench/RESULTS.md records the figures.
 * <p>
 * Usage: {@code RealPhotoBench [smiles|synthetic|all] [variant,variant,...] [--shared DIR] [--fold-seed S]
 * [--seed S] [--iterations N (synthetic)] [--lr R --epochs E --meta-fraction F --patience P --stop-on f1|loss (every
 * variant)]}; without variants, all of them.
 */
public final class RealPhotoBench {
    /** A named training setup on one kind of crops. */
    private record Variant(String name, String description, boolean grey, EyeMethod eyes,
        Function<Long, TrainingConfig.Builder> settings) {
    }

    private static final Map<String, Variant> VARIANTS = new LinkedHashMap<>();

    private static void add(String name, String description, boolean grey, EyeMethod eyes,
        Function<Long, TrainingConfig.Builder> settings) {
        VARIANTS.put(name, new Variant(name, description, grey, eyes, settings));
    }

    static {
        add("plain-48grey", "48x48 grey network from random weights, plain engine defaults (10 epochs, constant rate)", true,
            EyeMethod.LANDMARKS_68, seed -> TrainingConfig.builder().strategy("au-only").seed(seed));
        add("scratch-48grey", "48x48 grey network from random weights, recommended training", true, EyeMethod.LANDMARKS_68,
            seed -> TrainingConfig.recommended().smallGrey().initialisation(Initialisation.RANDOM)
                .augmentation(org.malau.train.Augmentation.photos(48)).strategy("au-only").seed(seed));
        add("synthetic-48grey", "48x48 grey network pretrained on the synthetic faces, recommended training", true,
            EyeMethod.LANDMARKS_68, seed -> TrainingConfig.recommended().smallGrey().initialisation(syntheticModel(false).toString())
                .augmentation(org.malau.train.Augmentation.photos(48)).strategy("au-only").seed(seed));
        add("scratch-faceapi", "face-api backbone (112 RGB) from random weights, recommended training", false,
            EyeMethod.LANDMARKS_68, seed -> TrainingConfig.recommended().initialisation(Initialisation.RANDOM)
                .strategy("au-only").seed(seed));
        add("synthetic-faceapi", "face-api backbone pretrained on the synthetic faces, recommended training", false,
            EyeMethod.LANDMARKS_68, seed -> TrainingConfig.recommended().initialisation(syntheticModel(true).toString())
                .strategy("au-only").seed(seed));
        add("landmarks-faceapi", "face-api backbone of the pretrained landmark network, recommended training", false,
            EyeMethod.LANDMARKS_68, seed -> TrainingConfig.recommended().initialisation(Initialisation.FACE_API_LANDMARKS)
                .strategy("au-only").seed(seed));
        add("expression-faceapi", "face-api backbone and head of the pretrained expression network, recommended training", false,
            EyeMethod.LANDMARKS_68, seed -> TrainingConfig.recommended().strategy("au-only").seed(seed));
        add("expression-faceapi-cascade", "as expression-faceapi, crops aligned by the eye cascades", false,
            EyeMethod.CASCADE, seed -> TrainingConfig.recommended().strategy("au-only").seed(seed));
        add("expression-faceapi-mtl", "as expression-faceapi, strategy mtl (the same photos' expressions as second task)",
            false, EyeMethod.LANDMARKS_68, seed -> TrainingConfig.recommended().strategy("mtl").seed(seed));
        add("expression-faceapi-mal", "as expression-faceapi, strategy mal (the same photos' expressions as second task)",
            false, EyeMethod.LANDMARKS_68, seed -> TrainingConfig.recommended().strategy("mal").seed(seed));
    }

    private static Map<String, String> options = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        List<String> names = args.length > 1 && !args[1].startsWith("--") ? List.of(args[1].split(","))
            : new ArrayList<>(VARIANTS.keySet());
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i], args[i + 1]);
            }
        }
        for (String n : names) {
            if (!VARIANTS.containsKey(n)) {
                throw new IllegalArgumentException("unknown variant " + n + ", expected one of " + VARIANTS.keySet());
            }
        }
        System.out.printf(Locale.ROOT, "RealPhotoBench %s %s, %d cores, options %s%n", what, names,
            Runtime.getRuntime().availableProcessors(), options);
        if (what.equals("smiles") || what.equals("all")) {
            smiles(names);
        }
        if (what.equals("synthetic") || what.equals("all")) {
            synthetic(names);
        }
    }

    private static void smiles(List<String> names) throws Exception {
        Path shared = Path.of(options.getOrDefault("--shared", "../shared"));
        Path labels = shared.resolve("data/smiles/labels.csv");
        long foldSeed = Long.parseLong(options.getOrDefault("--fold-seed", "1"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        Map<EyeMethod, PhotoExperiment.Data> aligned = new LinkedHashMap<>();
        for (String n : names) {
            Variant v = VARIANTS.get(n);
            PhotoExperiment.Data data = aligned.get(v.eyes);
            if (data == null) {
                data = PhotoExperiment.prepare(labels, AlignOptions.defaults().withEyes(v.eyes));
                aligned.put(v.eyes, data);
                System.out.printf(Locale.ROOT, "aligned %d photos with eyes by %s in %.1f s%n", data.faces().size(),
                    v.eyes.id(), data.alignSeconds());
                if (v.eyes == EyeMethod.LANDMARKS_68) {
                    zeroShot(data, foldSeed);
                }
            }
            InMemoryFaceDataset set = v.grey ? data.grey() : data.faces();
            int[] folds = PhotoExperiment.folds(set, 5, foldSeed);
            long t = System.nanoTime();
            List<PhotoExperiment.Fold> r = PhotoExperiment.crossValidate(set, folds, overrides(v.settings.apply(seed)),
                (x, m) -> { }, () -> false);
            double f1 = 0;
            double auc = 0;
            double train = 0;
            for (PhotoExperiment.Fold f : r) {
                System.out.printf(Locale.ROOT, "  %s fold %d: F1 %.3f AUC %.3f, %.1f s, %d epochs (best %s), %s%n", n, f.fold(),
                    f.f1(), f.auc(), f.trainSeconds(), f.result().history().epochs().size(),
                    f.model().header().settings().get("bestEpoch"), f.model().header().settings().get("thresholdSource"));
                if (options.containsKey("--dump")) {
                    dump(set, folds, f);
                }
                f1 += f.f1() / r.size();
                auc += f.auc() / r.size();
                train += f.trainSeconds() / r.size();
            }
            System.out.printf(Locale.ROOT, "smiles %-28s mean AU12 F1 %.3f  mean AUC %.3f  training %.1f s per fold  (%s; %.0f s)%n",
                n, f1, auc, train, v.description, (System.nanoTime() - t) / 1e9);
        }
    }

    /** Prints the AU12 probabilities of the fold's meta split and test faces with their labels, to study thresholds. */
    private static void dump(InMemoryFaceDataset set, int[] folds, PhotoExperiment.Fold f) throws java.io.IOException {
        org.malau.model.MalModel m = f.model();
        int size = m.header().network().inputSize();
        int ch = m.header().network().channels();
        InMemoryFaceDataset train = set.subset(java.util.stream.IntStream.range(0, set.size())
            .filter(i -> folds[i] != f.fold()).toArray());
        StringBuilder b = new StringBuilder("    dump fold " + f.fold() + " meta");
        for (int i : f.result().split().meta()) {
            float p = m.predict(List.of(train.crop(i, size, ch)), 1).get(0).auProbabilities()[0];
            b.append(String.format(Locale.ROOT, " %d:%.4f", train.au(i)[0], p));
        }
        b.append(" test");
        for (int i = 0; i < set.size(); i++) {
            if (folds[i] == f.fold()) {
                float p = m.predict(List.of(set.crop(i, size, ch)), 1).get(0).auProbabilities()[0];
                b.append(String.format(Locale.ROOT, " %d:%.4f", set.au(i)[0], p));
            }
        }
        System.out.println(b);
    }

    /** Options that change a setting of every variant: --lr, --epochs, --meta-fraction, --patience, --stop-on. */
    private static TrainingConfig.Builder overrides(TrainingConfig.Builder b) {
        TrainingConfig c = b.build();
        if (options.containsKey("--lr")) {
            b.schedule(new org.malau.train.LearningRateSchedule(c.schedule().kind(), Double.parseDouble(options.get("--lr")),
                c.schedule().stepEvery(), c.schedule().factor()));
        }
        if (options.containsKey("--epochs")) {
            b.epochs(Integer.parseInt(options.get("--epochs")));
        }
        if (options.containsKey("--meta-fraction")) {
            b.metaFraction(Double.parseDouble(options.get("--meta-fraction")));
        }
        if (options.containsKey("--patience")) {
            b.patience(Integer.parseInt(options.get("--patience")));
        }
        if (options.containsKey("--stop-on")) {
            b.stopOn(options.get("--stop-on"));
        }
        return b;
    }

    /** The pretrained expression network's P(happy) as the AU12 score, no training: the reference to beat. */
    private static void zeroShot(PhotoExperiment.Data data, long foldSeed) {
        int n = data.faces().size();
        float[][] p = FaceApiNetwork.get(FaceApiModels.Net.EXPRESSION).expressions(List.of(data.rgbCrops()));
        int[] folds = PhotoExperiment.folds(data.faces(), 5, foldSeed);
        double f1 = 0;
        double auc = 0;
        for (int f = 0; f < 5; f++) {
            List<Double> s = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < n; i++) {
                if (folds[i] != f) {
                    continue;
                }
                boolean pos = data.faces().au(i)[0] == 1;
                boolean called = p[i][1] > 0.5;
                tp += pos && called ? 1 : 0;
                fp += !pos && called ? 1 : 0;
                fn += pos && !called ? 1 : 0;
                s.add((double) p[i][1]);
                y.add(pos);
            }
            boolean[] yy = new boolean[y.size()];
            for (int k = 0; k < yy.length; k++) {
                yy[k] = y.get(k);
            }
            f1 += (tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn)) / 5;
            auc += RocAuc.of(s.stream().mapToDouble(Double::doubleValue).toArray(), yy) / 5;
        }
        System.out.printf(Locale.ROOT, "smiles %-28s mean AU12 F1 %.3f  mean AUC %.3f  (pretrained P(happy) > 0.5, no training)%n",
            "zero-shot-happy", f1, auc);
    }

    private static final Map<Boolean, Path> SYNTHETIC = new LinkedHashMap<>();

    /** A model trained on the synthetic faces (all AUs, mtl with their expressions), made once per run. */
    private static synchronized Path syntheticModel(boolean faceApi) {
        return SYNTHETIC.computeIfAbsent(faceApi, f -> {
            try {
                int iterations = Integer.parseInt(options.getOrDefault("--pretrain-iterations", "300"));
                ExperimentConfig config = new ExperimentConfig(7, 40, 10, 60, 20, 0.0, 0.0, f ? 112 : 48, iterations,
                    List.of("mtl"));
                long t = System.nanoTime();
                SyntheticExperiment.Data data = SyntheticExperiment.prepare(config, !f, (x, m) -> { });
                TrainingConfig.Builder b = f ? TrainingConfig.builder().faceApi() : TrainingConfig.builder().smallGrey();
                SyntheticExperiment.Outcome o = SyntheticExperiment.run(data, b.strategy("mtl").seed(7).maxIterations(iterations),
                    (x, m) -> { }, () -> false);
                Path file = Files.createTempFile("synthetic-pretrained-" + (f ? "faceapi" : "48grey"), ".zip");
                ModelFile.write(o.result().model(), file);
                System.out.printf(Locale.ROOT, "pretrained the %s network on synthetic faces: %d iterations, held-out AU F1 %.3f,"
                    + " %.0f s%n", f ? "face-api" : "48 grey", iterations, o.testAverageF1(), (System.nanoTime() - t) / 1e9);
                return file;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void synthetic(List<String> names) throws Exception {
        int iterations = Integer.parseInt(options.getOrDefault("--iterations", "300"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        Map<Boolean, SyntheticExperiment.Data> data = new LinkedHashMap<>();
        for (String n : names) {
            Variant v = VARIANTS.get(n);
            if (v.eyes != EyeMethod.LANDMARKS_68 || n.startsWith("synthetic-") || n.endsWith("-mal") || n.endsWith("-mtl")) {
                continue;
            }
            SyntheticExperiment.Data d = data.get(v.grey);
            if (d == null) {
                d = SyntheticExperiment.prepare(new ExperimentConfig(1, 20, 10, 40, 30, 0.2, 0.2, v.grey ? 48 : 112, iterations,
                    List.of("au-only")), v.grey, (x, m) -> { });
                data.put(v.grey, d);
            }
            TrainingConfig.Builder b = v.settings.apply(seed).maxIterations(iterations).patience(0);
            long t = System.nanoTime();
            SyntheticExperiment.Outcome o = SyntheticExperiment.run(d, b, (x, m) -> { }, () -> false);
            System.out.printf(Locale.ROOT, "synthetic %-28s held-out mean AU F1 %.3f  training %.0f s (%d iterations)%n", n,
                o.testAverageF1(), (System.nanoTime() - t) / 1e9, iterations);
        }
    }
}
