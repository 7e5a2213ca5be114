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
import org.malau.meta.MetaInputs;
import org.malau.model.ModelFile;
import org.malau.model.NetworkEngines;
import org.malau.model.Normalisation;
import org.malau.train.Augmentation;
import org.malau.train.CancellationCheck;
import org.malau.train.CsvFaceDataset;
import org.malau.train.EpochRecord;
import org.malau.train.LearningRateSchedule;
import org.malau.train.MalTrainer;
import org.malau.train.Strategies;
import org.malau.train.TrainingConfig;
import org.malau.train.TrainingListener;
import org.malau.train.TrainingResult;
import org.malau.train.TrainingWarnings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mal train}: trains an AU detector from aligned crops listed in CSV files. */
@Command(name = "train", optionListHeading = "%n", separator = " ", sortOptions = false, synopsisHeading = "",
    customSynopsis = "usage: ./mal train --au CSV --fe CSV --strategy NAME --out MODEL.zip [options]%n",
    description = {
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
        description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String strategy = "mal";
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "model file to write (required)")
    Path model;
    @Option(names = "--seed", paramLabel = "S", description = "master seed (default 1)")
    long seed = 1;
    @Option(names = "--epochs", paramLabel = "E", description = "passes over the AU training part, 1-100000 (default 10)")
    int epochs = 10;
    @Option(names = "--max-iterations", paramLabel = "N", description = "iteration budget, 0 = epochs only (default 0)")
    int maxIterations = 0;
    @Option(names = "--batch", paramLabel = "N", description = "AU samples per iteration, 1-4096 (default 32)")
    int batch = 32;
    @Option(names = "--fe-batch", paramLabel = "M", description = "expression samples per iteration, 1-4096 (default 32)")
    int feBatch = 32;
    @Option(names = "--meta-batch", paramLabel = "K", description = "meta-split samples per iteration, 1-4096 (default 16)")
    int metaBatch = 16;
    @Option(names = "--meta-fraction", paramLabel = "F", description = "share of AU data held out, subject-disjoint, 0-0.9 (default 0.1)")
    double metaFraction = 0.1;
    @Option(names = "--patience", paramLabel = "P", description = "early stop after P epochs without better meta F1, 0 = off (default 0)")
    int patience = 0;
    @Option(names = "--optimizer", paramLabel = "NAME", description = "adam or sgd (default adam)")
    String optimizer = "adam";
    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "R", description = "learning rate, above 0 and at most 10 (default 0.001)")
    double lr = 1e-3;
    @Option(names = "--schedule", paramLabel = "NAME", description = "constant, step or cosine (default constant)")
    String schedule = "constant";
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
    @Option(names = "--meta-interval", paramLabel = "N", description = "mal: meta steps every N iterations, psi's weights in between (default 1)")
    int metaInterval = 1;
    @Option(names = "--meta-inputs", paramLabel = "SPEC", completionCandidates = MetaInputSpecs.class,
        description = "mal: what the meta net sees: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String metaInputs = TrainingConfig.builder().build().metaInputs();
    @Option(names = "--meta-difference", paramLabel = "D", completionCandidates = MetaDifferences.class,
        description = "mal, l2rw: central (two forward passes, MAL.md) or forward (one) finite difference, or exact (double"
            + " backward; libtorch engine only) (default ${DEFAULT-VALUE})")
    String metaDifference = TrainingConfig.builder().build().metaDifference();
    @Option(names = "--engine", paramLabel = "NAME", completionCandidates = EngineNames.class,
        description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; dl4j when LibTorch cannot load here, with a warning)")
    String engine = NetworkEngines.DEFAULT;
    @Option(names = "--input-size", paramLabel = "PX", description = "network input size, 8-512 (default 48)")
    int inputSize = 48;
    @Option(names = "--channels", paramLabel = "C", description = "1 grey or 3 colour (default 1)")
    int channels = 1;
    @Option(names = "--conv", paramLabel = "A,B,C", split = ",", hideParamSyntax = true, description = "conv block widths, 1-1024 each, 1-6 blocks (default 16,32,64)")
    int[] conv = {16, 32, 64};
    @Option(names = "--features", paramLabel = "F", description = "feature layer size, 1-4096 (default 64)")
    int features = 64;
    @Option(names = "--normalisation", paramLabel = "MODE", description = "per-image or fixed (default per-image)")
    String normalisation = Normalisation.PER_IMAGE;
    @Option(names = "--norm-mean", paramLabel = "M", description = "fixed normalisation mean (default 0.5)")
    double normMean = 0.5;
    @Option(names = "--norm-std", paramLabel = "S", description = "fixed normalisation std, above 0 (default 0.25)")
    double normStd = 0.25;
    @Option(names = "--no-augment", description = "no shift / brightness / contrast augmentation")
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

    /** The training settings the options ask for, every number range-checked. */
    TrainingConfig config() throws UsageException {
        between("--epochs", epochs, 1, 100_000);
        between("--max-iterations", maxIterations, 0, 1_000_000_000);
        between("--batch", batch, 1, 4096);
        between("--fe-batch", feBatch, 1, 4096);
        between("--meta-batch", metaBatch, 1, 4096);
        within("--meta-fraction", metaFraction, 0, 0.9);
        between("--patience", patience, 0, 100_000);
        above("--lr", lr, 0, 10);
        between("--step-every", stepEvery, 1, 1_000_000_000);
        above("--step-factor", stepFactor, 0, 1);
        within("--lambda", lambda, 0, 100);
        above("--alpha", alpha, 0, 10);
        above("--beta", beta, 0, 10);
        between("--meta-hidden", metaHidden, 1, 4096);
        between("--meta-interval", metaInterval, 1, 1_000_000);
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
            TrainingConfig.Builder b = TrainingConfig.builder().strategy(strategy);
            b.seed(seed);
            b.epochs(epochs);
            b.maxIterations(maxIterations);
            b.auBatch(batch);
            b.expressionBatch(feBatch);
            b.validationBatch(metaBatch);
            b.metaFraction(metaFraction);
            b.patience(patience);
            b.optimizer(optimizer);
            b.schedule(new LearningRateSchedule(schedule, lr, stepEvery, stepFactor));
            b.lambda(lambda);
            b.alpha(alpha);
            b.beta(beta);
            b.metaHidden(metaHidden);
            b.metaInterval(metaInterval);
            b.metaInputs(metaInputs);
            b.metaDifference(metaDifference);
            b.engine(engine);
            b.inputSize(inputSize);
            b.channels(channels);
            b.convChannels(conv);
            b.featureSize(features);
            b.normalisation(new Normalisation(normalisation, normMean, normStd));
            b.augmentation(noAugment ? Augmentation.none() : Augmentation.defaults());
            b.balanceAuPositives(balanceAu);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        TrainingConfig config = config();
        if (feCsv == null && !strategy.equals("au-only")) {
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
            out.printf(Locale.ROOT, "training %s on %d AU and %d expression samples%n", strategy, au.size(), fe == null ? 0 : fe.size());
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
                out.printf(Locale.ROOT, "meta-split average AU F1 with tuned thresholds: %.3f%n", s.averageF1());
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
            super(Strategies.NAMES);
        }
    }

    static final class MetaInputSpecs extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MetaInputSpecs() {
            super(MetaInputs.SPECS);
        }
    }

    /** The engine names for the help text, from the engine registry. */
    static final class EngineNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        EngineNames() {
            super(NetworkEngines.NAMES);
        }
    }

    static final class MetaDifferences extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MetaDifferences() {
            super(TrainingConfig.META_DIFFERENCES);
        }
    }
}
