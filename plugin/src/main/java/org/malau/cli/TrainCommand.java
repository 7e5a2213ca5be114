package org.malau.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.malau.eval.AuDetectionScores;
import org.malau.meta.MetaInputs;
import org.malau.model.ModelFile;
import org.malau.model.NetworkConfig;
import org.malau.model.NetworkEngines;
import org.malau.model.Normalisation;
import org.malau.train.Augmentation;
import org.malau.train.CancellationCheck;
import org.malau.train.CsvFaceDataset;
import org.malau.train.EpochRecord;
import org.malau.train.Initialisation;
import org.malau.train.LearningRateSchedule;
import org.malau.train.MalTrainer;
import org.malau.train.Strategies;
import org.malau.train.TrainingConfig;
import org.malau.train.TrainingListener;
import org.malau.train.TrainingResult;

/** {@code ./mal train}: trains an AU detector from aligned crops listed in CSV files. */
public final class TrainCommand implements Command {
    private static final Set<String> SWITCHES = Set.of("--no-augment", "--balance-au");
    /** The recommended settings, whose values the usage text names as defaults. */
    private static final TrainingConfig R = TrainingConfig.recommended().build();

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train an AU detector (MAL or a baseline) on aligned face crops";
    }

    @Override
    public String usage() {
        return String.join("\n",
            "usage: ./mal train --au CSV --fe CSV --strategy NAME --out MODEL.zip [options]",
            "",
            "Trains on ALIGNED crops (run ./mal align first); other images are simply resized to the",
            "network input. CSV layout as ./mal synth writes it: file (relative to the CSV), subject,",
            "expression, corruption, AU01, AU02, ... (1/0, empty = unknown); other columns are ignored.",
            "Also writes MODEL-history.csv (per epoch) and MODEL-weights.csv (per sample and epoch).",
            "",
            "Defaults: the face-api backbone (112x112 RGB crops) starting from face-api.js's pretrained expression",
            "network, epochs set by the number of faces with early stopping on the meta split, a cosine learning",
            "rate, augmentation for photos (see the README, Training on real photos); --backbone conv trains the",
            "small 48x48 grey network from random weights with the plain engine's settings instead (10 epochs,",
            "constant rate 0.001, shift/brightness/contrast augmentation, a tenth of the subjects as meta split).",
            "",
            "  --au CSV               AU-labelled faces (required)",
            "  --fe CSV               expression-labelled faces (required except for au-only)",
            "  --strategy NAME        " + String.join(", ", Strategies.NAMES) + " (default mal with --fe, au-only without)",
            "  --out FILE             model file to write (required)",
            "  --backbone NAME        face-api (112x112 RGB) or conv (48x48 grey, --input-size etc.) (default face-api)",
            "  --init NAME|MODEL.zip  where the weights start: " + String.join(", ", Initialisation.NAMES) + " or a model",
            "                         file to take the backbone from (default face-api-expression; random for conv)",
            "  --seed S               master seed (default 1)",
            "  --epochs E             passes over the AU training part, 0 = set by the number of faces (default 0:",
            "                         enough for " + TrainingConfig.AUTO_MIN_ITERATIONS + " iterations, 10 to 100 epochs)",
            "  --max-iterations N     iteration budget, 0 = epochs only (default 0)",
            "  --batch N              AU samples per iteration (default 32)",
            "  --fe-batch M           expression samples per iteration (default 32)",
            "  --meta-batch K         meta-split samples per iteration (default 16)",
            "  --meta-fraction F      share of AU data held out, subject-disjoint (default " + R.metaFraction() + ")",
            "  --patience P           early stop after P epochs without a better meta-split AU loss, 0 = off (default "
                + R.patience() + ")",
            "  --optimizer NAME       adam or sgd (default adam)",
            "  --lr R                 learning rate (default " + R.schedule().baseRate() + ")",
            "  --schedule NAME        constant, step or cosine (default " + R.schedule().kind() + ")",
            "  --step-every N         iterations between step decays (default 1000)",
            "  --step-factor F        step decay factor (default 0.5)",
            "  --lambda L             mtl: weight of the expression loss (default 1)",
            "  --alpha A              mal: virtual step size (default 0.1)",
            "  --beta B               mal: meta-net learning rate (default 0.001)",
            "  --meta-hidden H        mal: meta-net hidden units (default 32)",
            "  --meta-interval N      mal: meta steps every N iterations, psi's weights in between (default 1)",
            "  --meta-inputs SPEC     mal: what the meta net sees: " + String.join(", ", MetaInputs.SPECS) + " (default "
                + TrainingConfig.builder().build().metaInputs() + ")",
            "  --meta-difference D    mal, l2rw: central (two forward passes, MAL.md) or forward (one) finite difference,",
            "                         or exact (double backward; libtorch engine only) (default "
                + TrainingConfig.builder().build().metaDifference() + ")",
            "  --engine NAME          " + String.join(" or ", NetworkEngines.NAMES) + " (default " + NetworkEngines.DEFAULT
                + "; dl4j when LibTorch cannot load here, with a warning)",
            "  --input-size PX        conv backbone: network input size (default 48)",
            "  --channels C           conv backbone: 1 grey or 3 colour (default 1)",
            "  --conv A,B,C           conv backbone: block widths (default 16,32,64)",
            "  --features F           conv backbone: feature layer size (default 64)",
            "  --normalisation MODE   per-image, fixed or face-api (default face-api; per-image for conv)",
            "  --norm-mean M          fixed normalisation mean (default 0.5)",
            "  --norm-std S           fixed normalisation std (default 0.25)",
            "  --no-augment           no flip / rotation / scale / shift / brightness / contrast augmentation",
            "  --balance-au           weigh each AU's positives by its negative/positive ratio (max 10)",
            "  --history FILE         history CSV (default MODEL-history.csv)",
            "  --weights FILE         sample-weight CSV (default MODEL-weights.csv)");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> o = parse(args, SWITCHES);
        TrainingConfig config;
        Path auCsv = Path.of(required(o, "--au"));
        Path model = Path.of(required(o, "--out"));
        Path feCsv = o.containsKey("--fe") ? Path.of(o.get("--fe")) : null;
        String strategy = o.getOrDefault("--strategy", feCsv == null ? "au-only" : "mal");
        String backbone = o.getOrDefault("--backbone", NetworkConfig.FACE_API);
        for (String flag : List.of("--conv", "--features", "--channels")) {
            if (o.containsKey(flag) && !NetworkConfig.CONV.equals(backbone)) {
                throw new UsageException(flag + " shapes the conv backbone; add --backbone conv (the " + backbone
                    + " backbone has a fixed shape)");
            }
        }
        try {
            TrainingConfig.Builder b = base(backbone).strategy(strategy);
            TrainingConfig d = b.build();
            if (o.containsKey("--init")) {
                b.initialisation(o.get("--init"));
            }
            b.seed(parseLong(o, "--seed", 1));
            b.epochs(parseInt(o, "--epochs", d.epochs()));
            b.maxIterations(parseInt(o, "--max-iterations", 0));
            b.auBatch(parseInt(o, "--batch", 32));
            b.expressionBatch(parseInt(o, "--fe-batch", 32));
            b.validationBatch(parseInt(o, "--meta-batch", 16));
            b.metaFraction(parseDouble(o, "--meta-fraction", d.metaFraction()));
            b.patience(parseInt(o, "--patience", d.patience()));
            b.optimizer(o.getOrDefault("--optimizer", "adam"));
            b.schedule(new LearningRateSchedule(o.getOrDefault("--schedule", d.schedule().kind()),
                parseDouble(o, "--lr", d.schedule().baseRate()), parseInt(o, "--step-every", 1000),
                parseDouble(o, "--step-factor", 0.5)));
            b.lambda(parseDouble(o, "--lambda", 1));
            b.alpha(parseDouble(o, "--alpha", 0.1));
            b.beta(parseDouble(o, "--beta", 1e-3));
            b.metaHidden(parseInt(o, "--meta-hidden", 32));
            b.metaInterval(parseInt(o, "--meta-interval", 1));
            if (o.containsKey("--meta-inputs")) {
                b.metaInputs(o.get("--meta-inputs"));
            }
            if (o.containsKey("--meta-difference")) {
                b.metaDifference(o.get("--meta-difference"));
            }
            b.engine(o.getOrDefault("--engine", NetworkEngines.DEFAULT));
            b.inputSize(parseInt(o, "--input-size", d.inputSize()));
            b.channels(parseInt(o, "--channels", d.channels()));
            b.convChannels(parseInts(o, "--conv", d.convChannels()));
            b.featureSize(parseInt(o, "--features", d.featureSize()));
            b.normalisation(new Normalisation(o.getOrDefault("--normalisation", d.normalisation().mode()),
                parseDouble(o, "--norm-mean", 0.5), parseDouble(o, "--norm-std", 0.25)));
            b.augmentation(o.containsKey("--no-augment") ? Augmentation.none() : d.augmentation().flip()
                ? Augmentation.photos(parseInt(o, "--input-size", d.inputSize())) : d.augmentation());
            b.balanceAuPositives(o.containsKey("--balance-au"));
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (feCsv == null && !strategy.equals("au-only")) {
            throw new UsageException("--fe CSV is required for strategy " + strategy);
        }
        String stem = model.toString().replaceFirst("\\.zip$", "");
        Path history = Path.of(o.getOrDefault("--history", stem + "-history.csv"));
        Path weights = Path.of(o.getOrDefault("--weights", stem + "-weights.csv"));

        CsvFaceDataset au = CsvFaceDataset.read(auCsv);
        CsvFaceDataset fe = feCsv == null ? null : CsvFaceDataset.read(feCsv);
        out.printf(Locale.ROOT, "training %s on %d AU and %d expression samples, %s backbone from %s%n", strategy, au.size(),
            fe == null ? 0 : fe.size(), config.backbone(), config.initialisation());
        TrainingResult r = new MalTrainer(config).train(au, fe, new TrainingListener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void epochFinished(EpochRecord e) {
                out.printf(Locale.ROOT, "epoch %d: AU loss %.4f, FE loss %.4f, meta loss %.4f, meta AU F1 %.3f (tuned %.3f), FE acc %.3f,"
                    + " FE weight AUC %.3f, %.1f s%n", e.epoch(), e.auLoss(), e.expressionLoss(), e.metaLoss(), e.metaAuF1(), e.metaAuF1Tuned(),
                    e.metaExpressionAccuracy(), e.weightCleanAuc(), e.seconds());
            }

            @Override
            public void warning(String message) {
                err.println("warning: " + message);
            }
        }, CancellationCheck.never());
        ModelFile.write(r.model(), model);
        r.history().writeCsv(history);
        r.weights().writeCsv(weights);
        AuDetectionScores s = r.metaScores();
        if (s != null) {
            out.printf(Locale.ROOT, "meta-split average AU F1 with the model's thresholds: %.3f (thresholds %s)%n",
                s.averageF1(), r.model().header().settings().get("thresholdSource"));
        }
        out.println("wrote " + model + ", " + history + ", " + weights);
        return 0;
    }

    /** The settings for {@code backbone}: the face-api one pretrained and trained as recommended (README), or the small conv one. */
    private static TrainingConfig.Builder base(String backbone) throws UsageException {
        if (NetworkConfig.FACE_API.equals(backbone)) {
            return TrainingConfig.recommended();
        }
        if (NetworkConfig.CONV.equals(backbone)) {
            // the plain engine's training: the recommended one suits fine-tuning, not training from nothing
            // (bench/RESULTS.md, synthetic benchmark: mean AU F1 0.404 plain, 0.324 recommended)
            return TrainingConfig.builder();
        }
        throw new UsageException("--backbone must be " + NetworkConfig.FACE_API + " or " + NetworkConfig.CONV + ", was '"
            + backbone + "'");
    }

    /** {@code --flag value} pairs and bare switches; rejects anything else. */
    static Map<String, String> parse(List<String> args, Set<String> switches) throws UsageException {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'; options start with --");
            }
            if (switches.contains(a)) {
                o.put(a, "");
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(a + " expects a value");
            }
            o.put(a, args.get(++i));
        }
        return o;
    }

    static String required(Map<String, String> o, String flag) throws UsageException {
        String v = o.get(flag);
        if (v == null || v.isBlank()) {
            throw new UsageException(flag + " is required");
        }
        return v;
    }

    private static int parseInt(Map<String, String> o, String flag, int def) throws UsageException {
        String v = o.get(flag);
        try {
            return v == null ? def : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects an integer, got '" + v + "'");
        }
    }

    private static long parseLong(Map<String, String> o, String flag, long def) throws UsageException {
        String v = o.get(flag);
        try {
            return v == null ? def : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects an integer, got '" + v + "'");
        }
    }

    private static double parseDouble(Map<String, String> o, String flag, double def) throws UsageException {
        String v = o.get(flag);
        try {
            return v == null ? def : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects a number, got '" + v + "'");
        }
    }

    private static int[] parseInts(Map<String, String> o, String flag, int[] def) throws UsageException {
        String v = o.get(flag);
        if (v == null) {
            return def;
        }
        try {
            return java.util.Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects comma-separated integers, got '" + v + "'");
        }
    }
}
