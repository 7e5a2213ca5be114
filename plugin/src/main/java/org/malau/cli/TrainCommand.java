package org.malau.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

import org.malau.eval.AuDetectionScores;
import org.malau.io.SafeOutputs;
import org.malau.meta.MetaInputSet;
import org.malau.model.ModelFile;
import org.malau.model.NetworkConfig;
import org.malau.model.NetworkEngines;
import org.malau.model.Normalisation;
import org.malau.train.Augmentation;
import org.malau.train.CancellationCheck;
import org.malau.train.CsvFaceDataset;
import org.malau.train.EpochRecord;
import org.malau.train.LearningRateSchedule;
import org.malau.train.MalTrainer;
import org.malau.train.MetaDifference;
import org.malau.train.OptimizerKind;
import org.malau.train.ScheduleKind;
import org.malau.train.Strategy;
import org.malau.train.MalVariant;
import org.malau.train.TrainingConfig;
import org.malau.train.TrainingListener;
import org.malau.train.TrainingResult;
import org.malau.train.TrainingWarnings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mal train}: trains an AU detector from aligned crops listed in CSV files. */
@Command(name = "train", optionListHeading = "%n", separator = " ", sortOptions = false, synopsisHeading = "",
    customSynopsis = "usage: ./mal train --au CSV [--fe CSV --strategy NAME] --out MODEL.zip [options]%n",
    description = {
        "Defaults: the face-api backbone (112x112 RGB crops) starting from face-api.js's pretrained expression "
            + "network, epochs set by the number of faces with early stopping on the meta split, a cosine learning "
            + "rate, augmentation for photos (README, Training on real photos); --backbone conv trains the small 48x48 "
            + "grey network from random weights with the plain engine's settings instead (10 epochs, constant rate "
            + "0.001, shift/brightness/contrast augmentation, a tenth of the subjects as meta split). The defaults "
            + "below are the face-api backbone's; the conv backbone's are the plain engine's.",
        "Trains on ALIGNED crops (run ./mal align first); other images are simply resized to the network "
            + "input. CSV layout as ./mal synth writes it: file (relative to the CSV), subject, expression, "
            + "corruption, AU01, AU02, ... (1/0, empty = unknown); other columns are ignored. Also writes "
            + "MODEL-history.csv (per epoch) and MODEL-weights.csv (per sample and epoch); the three files are "
            + "written beside their targets and moved into place together when training succeeded."})
public final class TrainCommand extends CliCommand {
    @Option(names = "--au", paramLabel = "CSV", required = true, description = "AU-labelled faces (required)")
    Path auCsv;
    @Option(names = "--fe", paramLabel = "CSV", description = "expression-labelled faces (required except for au-only)")
    Path feCsv;
    @Option(names = "--strategy", paramLabel = "NAME", completionCandidates = StrategyNames.class,
        description = "${COMPLETION-CANDIDATES} (default mal with --fe, au-only without)")
    String strategy;
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "model file to write (required)")
    Path model;
    @Option(names = "--backbone", paramLabel = "NAME", description = "face-api (112x112 RGB, pretrained) or conv (the small"
        + " network of --input-size, --conv, ...) (default face-api)")
    String backbone = NetworkConfig.FACE_API;
    @Option(names = "--init", paramLabel = "NAME|MODEL.zip", description = "where the weights start: face-api-expression,"
        + " face-api-landmarks, random, or a model file to take the backbone from (default face-api-expression; random for"
        + " conv)")
    String init;
    @Option(names = "--seed", paramLabel = "S", description = "master seed (default 1)")
    long seed = 1;
    @Option(names = "--epochs", paramLabel = "E", description = "passes over the AU training part, 0-100000; 0 = set by the"
        + " number of faces (at least 60 iterations, 10-100 epochs) (default 0; 10 for conv)")
    Integer epochs;
    @Option(names = "--max-iterations", paramLabel = "N", description = "iteration budget, 0 = epochs only (default 0)")
    int maxIterations = 0;
    @Option(names = "--batch", paramLabel = "N", description = "AU samples per iteration, 1-4096 (default 32)")
    int batch = 32;
    @Option(names = "--fe-batch", paramLabel = "M", description = "expression samples per iteration, 1-4096 (default 32)")
    int feBatch = 32;
    @Option(names = "--meta-batch", paramLabel = "K", description = "meta-split samples per iteration, 1-4096, or 0 for the"
        + " whole meta split (default 0 for mal robust, 16 otherwise)")
    Integer metaBatch;
    @Option(names = "--meta-fraction", paramLabel = "F", description = "share of AU data held out, subject-disjoint, 0-0.9"
        + " (default 0.2; 0.1 for conv)")
    Double metaFraction;
    @Option(names = "--patience", paramLabel = "P", description = "early stop after P epochs without a better meta-split AU loss"
        + " (F1 for conv), 0 = off (default 10; 0 for conv)")
    Integer patience;
    @Option(names = "--optimizer", paramLabel = "NAME", completionCandidates = OptimizerNames.class,
        description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String optimizer = OptimizerKind.ADAM.id();
    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "R", description = "learning rate, above 0 and at most 10"
        + " (default 0.0003; 0.001 for conv)")
    Double lr;
    @Option(names = "--schedule", paramLabel = "NAME", completionCandidates = ScheduleNames.class,
        description = "${COMPLETION-CANDIDATES} (default cosine; constant for conv)")
    String schedule;
    @Option(names = "--step-every", paramLabel = "N", description = "iterations between step decays, >= 1 (default 1000)")
    int stepEvery = 1000;
    @Option(names = "--step-factor", paramLabel = "F", description = "step decay factor, above 0 and at most 1 (default 0.5)")
    double stepFactor = 0.5;
    @Option(names = "--lambda", paramLabel = "L", description = "mtl: weight of the expression loss, 0-100 (default 1)")
    double lambda = 1;
    @Option(names = "--alpha", paramLabel = "A", description = "mal: virtual step size, above 0 and at most 10 (default 0.1)")
    double alpha = 0.1;
    @Option(names = "--beta", paramLabel = "B", description = "mal: meta-net learning rate, above 0 and at most 10 (default 0.001)")
    double beta = 1e-3;
    @Option(names = "--meta-hidden", paramLabel = "H", description = "mal: meta-net hidden units, 1-4096 (default 32)")
    int metaHidden = 32;
    @Option(names = "--meta-interval", paramLabel = "N", description = "mal: meta steps every N iterations (0: by variant), psi's weights in"
        + " between (default 4 for robust, 1 for paper)")
    int metaInterval = 0;
    @Option(names = "--mal-variant", paramLabel = "V", completionCandidates = MalVariants.class,
        description = "mal: robust (ours: uncertainty inputs, warm-up, normalised expression weights, learnt task weight,"
            + " whole meta split, exact meta-gradients), gated (robust on features with each expression weight scaled by"
            + " the sample's trust from its loss history) or paper (MAL.md's configuration)"
            + " (default ${DEFAULT-VALUE})")
    String malVariant = MalVariant.GATED.id();
    @Option(names = "--warmup", paramLabel = "N", description = "mal robust and gated: plain multi-task iterations before"
        + " the first meta step, >= 0 (default 200 for gated, 300 for robust, at most a fifth of --max-iterations)")
    Integer warmup;
    @Option(names = "--uniform-share", paramLabel = "U", description = "mal robust: share of every expression weight that"
        + " does not depend on the meta net, 0 to below 1 (default 0.1)")
    Double uniformShare;
    @Option(names = "--loss-gate", paramLabel = "true|false", arity = "1", description = "mal robust: scale each expression"
        + " weight by the sample's trust from the history of its training loss: 1 minus its loss's percentile rank"
        + " (default true for gated, false for robust)")
    Boolean lossGate;
    @Option(names = "--meta-loss", paramLabel = "L", completionCandidates = MetaLosses.class,
        description = "mal robust: what the meta split's AU predictions are judged by in the meta-gradient:"
            + " ${COMPLETION-CANDIDATES} (bce: the AU cross-entropy, as MAL.md; default by variant)")
    String metaLoss;
    @Option(names = "--meta-inputs", paramLabel = "SPEC", completionCandidates = MetaInputSpecs.class,
        description = "mal: what the meta net sees: ${COMPLETION-CANDIDATES} (default features+uncertainty for robust,"
            + " features for paper)")
    String metaInputs;
    @Option(names = "--meta-difference", paramLabel = "D", completionCandidates = MetaDifferences.class,
        description = "mal, l2rw: central (two forward passes, MAL.md) or forward (one) finite difference, or exact (double"
            + " backward; libtorch engine only) (default exact for mal robust, falling back to forward where the engine"
            + " cannot; forward otherwise)")
    String metaDifference;
    @Option(names = "--engine", paramLabel = "NAME", completionCandidates = EngineNames.class,
        description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; dl4j when LibTorch cannot load here, with a warning)")
    String engine = NetworkEngines.DEFAULT;
    @Option(names = "--input-size", paramLabel = "PX", description = "network input size, 8-512 (default 112; 48 for conv)")
    Integer inputSize;
    @Option(names = "--channels", paramLabel = "C", description = "conv backbone: 1 grey or 3 colour (default 1)")
    Integer channels;
    @Option(names = "--conv", paramLabel = "A,B,C", split = ",", hideParamSyntax = true, description = "conv backbone: block"
        + " widths, 1-1024 each, 1-6 blocks (default 16,32,64)")
    int[] conv;
    @Option(names = "--features", paramLabel = "F", description = "conv backbone: feature layer size, 1-4096 (default 64)")
    Integer features;
    @Option(names = "--normalisation", paramLabel = "MODE", description = "per-image, fixed or face-api (default face-api;"
        + " per-image for conv)")
    String normalisation;
    @Option(names = "--norm-mean", paramLabel = "M", description = "fixed normalisation mean (default 0.5)")
    double normMean = 0.5;
    @Option(names = "--norm-std", paramLabel = "S", description = "fixed normalisation std, above 0 (default 0.25)")
    double normStd = 0.25;
    @Option(names = "--no-augment", description = "no flip / rotation / scale / shift / brightness / contrast augmentation")
    boolean noAugment;
    @Option(names = "--balance-au", description = "weigh each AU's positives by its negative/positive ratio (max 10)")
    boolean balanceAu;
    @Option(names = "--history", paramLabel = "FILE", description = "history CSV (default MODEL-history.csv)")
    Path history;
    @Option(names = "--weights", paramLabel = "FILE", description = "sample-weight CSV (default MODEL-weights.csv)")
    Path weights;

    @Override
    public String summary() {
        return "train an AU detector (MAL or a baseline) on aligned face crops";
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

    /** The strategy: as given, else mal with expression data and au-only without. */
    String strategy() {
        return strategy != null ? strategy : feCsv == null ? Strategy.AU_ONLY.id() : Strategy.MAL.id();
    }

    /** The training settings the options ask for, every number range-checked. */
    TrainingConfig config() throws UsageException {
        for (Object[] flag : new Object[][] {{"--conv", conv}, {"--features", features}, {"--channels", channels}}) {
            if (flag[1] != null && !NetworkConfig.CONV.equals(backbone)) {
                throw new UsageException(flag[0] + " shapes the conv backbone; add --backbone conv (the " + backbone
                    + " backbone has a fixed shape)");
            }
        }
        TrainingConfig.Builder b = base(backbone).strategy(strategy());
        TrainingConfig d;
        try {
            d = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int epochs = this.epochs != null ? this.epochs : d.epochs();
        double metaFraction = this.metaFraction != null ? this.metaFraction : d.metaFraction();
        int patience = this.patience != null ? this.patience : d.patience();
        double lr = this.lr != null ? this.lr : d.schedule().baseRate();
        String schedule = this.schedule != null ? this.schedule : d.schedule().kind().id();
        int inputSize = this.inputSize != null ? this.inputSize : d.inputSize();
        int channels = this.channels != null ? this.channels : d.channels();
        int[] conv = this.conv != null ? this.conv : d.convChannels();
        int features = this.features != null ? this.features : d.featureSize();
        String normalisation = this.normalisation != null ? this.normalisation : d.normalisation().mode();
        between("--epochs", epochs, 0, 100_000);
        between("--max-iterations", maxIterations, 0, 1_000_000_000);
        between("--batch", batch, 1, 4096);
        between("--fe-batch", feBatch, 1, 4096);
        if (metaBatch != null) {
            between("--meta-batch", metaBatch, 0, 4096);
        }
        within("--meta-fraction", metaFraction, 0, 0.9);
        between("--patience", patience, 0, 100_000);
        above("--lr", lr, 0, 10);
        between("--step-every", stepEvery, 1, 1_000_000_000);
        above("--step-factor", stepFactor, 0, 1);
        within("--lambda", lambda, 0, 100);
        above("--alpha", alpha, 0, 10);
        above("--beta", beta, 0, 10);
        between("--meta-hidden", metaHidden, 1, 4096);
        between("--meta-interval", metaInterval, 0, 1_000_000);
        between("--input-size", inputSize, 8, 512);
        check(channels == 1 || channels == 3, "--channels", channels, "1 (grey) or 3 (colour)");
        between("--features", features, 1, 4096);
        check(conv.length >= 1 && conv.length <= 6, "--conv", Arrays.toString(conv), "1 to 6 comma-separated widths");
        for (int c : conv) {
            check(c >= 1 && c <= 1024, "--conv", Arrays.toString(conv), "widths between 1 and 1024");
        }
        // Every conv block halves the input: the last one must still have a pixel left.
        check(inputSize >> conv.length >= 1, "--input-size", inputSize, "at least " + (1 << conv.length) + " for " + conv.length
            + " conv blocks");
        check(Double.isFinite(normMean), "--norm-mean", normMean, "a finite number");
        above("--norm-std", normStd, 0, 1e6);
        try {
            if (init != null) {
                b.initialisation(init);
            }
            b.seed(seed);
            b.epochs(epochs);
            b.maxIterations(maxIterations);
            b.auBatch(batch);
            b.expressionBatch(feBatch);
            if (metaBatch != null) {
                b.validationBatch(metaBatch);
            }
            b.metaFraction(metaFraction);
            b.patience(patience);
            b.optimizer(optimizer);
            b.schedule(new LearningRateSchedule(schedule, lr, stepEvery, stepFactor));
            b.lambda(lambda);
            b.alpha(alpha);
            b.beta(beta);
            b.metaHidden(metaHidden);
            b.metaInterval(metaInterval);
            b.malVariant(malVariant);
            if (warmup != null) {
                between("--warmup", warmup, 0, 1_000_000);
                b.warmup(warmup);
            }
            if (uniformShare != null) {
                b.uniformShare(uniformShare);
            }
            if (lossGate != null) {
                b.lossGate(lossGate);
            }
            b.metaInputs(metaInputs);
            b.metaDifference(metaDifference);
            b.metaLoss(metaLoss);
            b.engine(engine);
            b.inputSize(inputSize);
            b.channels(channels);
            b.convChannels(conv);
            b.featureSize(features);
            b.normalisation(new Normalisation(normalisation, normMean, normStd));
            b.augmentation(noAugment ? Augmentation.none() : d.augmentation().flip() ? Augmentation.photos(inputSize)
                : d.augmentation());
            b.balanceAuPositives(balanceAu);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        TrainingConfig config = config();
        String strategy = config.strategy().id();
        if (feCsv == null && config.strategy().usesExpressionTask()) {
            throw new UsageException("--fe CSV is required for strategy " + strategy);
        }
        String stem = model.toString().replaceFirst("\\.zip$", "");
        Path historyFile = history != null ? history : Path.of(stem + "-history.csv");
        Path weightsFile = weights != null ? weights : Path.of(stem + "-weights.csv");
        // The label tables are read first (only their label columns, quick), so that a run that cannot start creates no
        // output folder; the outputs are declared before the network trains: a bad path fails in a second, not after an hour.
        CsvFaceDataset au = CsvFaceDataset.read(auCsv);
        CsvFaceDataset fe = feCsv == null ? null : CsvFaceDataset.read(feCsv);
        try (SafeOutputs outputs = new SafeOutputs(Arrays.asList(auCsv, feCsv))) {
            Path modelTmp = outputs.file(model, "--out");
            Path historyTmp = outputs.file(historyFile, "--history");
            Path weightsTmp = outputs.file(weightsFile, "--weights");
            out.printf(Locale.ROOT, "training %s on %d AU and %d expression samples, %s backbone from %s%n", strategy, au.size(),
                fe == null ? 0 : fe.size(), config.backbone(), config.initialisation());
            TrainingResult r = new MalTrainer(config).train(au, fe, listener(out, err), CancellationCheck.never());
            for (String w : TrainingWarnings.of(au, r)) {
                err.println("warning: " + w);
            }
            try (OutputStream os = Files.newOutputStream(modelTmp)) {
                ModelFile.write(r.model(), os);
            }
            r.history().writeCsv(historyTmp);
            r.weights().writeCsv(weightsTmp);
            outputs.commit();
            AuDetectionScores s = r.metaScores();
            if (s != null) {
                out.printf(Locale.ROOT, "meta-split average AU F1 with the model's thresholds: %.3f (thresholds %s)%n",
                    s.averageF1(), r.model().header().settings().get("thresholdSource"));
            }
            out.println("wrote " + model + ", " + historyFile + ", " + weightsFile);
            return 0;
        }
    }

    private static TrainingListener listener(PrintStream out, PrintStream err) {
        return new TrainingListener() {
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
        };
    }

    /** The strategy names for the help text, from the one list the trainer knows. */
    static final class StrategyNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        StrategyNames() {
            super(Strategy.ids());
        }
    }

    static final class MetaInputSpecs extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MetaInputSpecs() {
            super(MetaInputSet.ids());
        }
    }

    /** The engine names for the help text, from the engine registry. */
    static final class EngineNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        EngineNames() {
            super(NetworkEngines.NAMES);
        }
    }

    static final class OptimizerNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        OptimizerNames() {
            super(OptimizerKind.ids());
        }
    }

    static final class ScheduleNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ScheduleNames() {
            super(ScheduleKind.ids());
        }
    }

    static final class MetaLosses extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MetaLosses() {
            super(org.malau.train.MetaObjective.ids());
        }
    }

    static final class MalVariants extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MalVariants() {
            super(MalVariant.ids());
        }
    }

    static final class MetaDifferences extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MetaDifferences() {
            super(MetaDifference.ids());
        }
    }
}
