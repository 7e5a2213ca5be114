package org.malau.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.malau.data.Expression;
import org.malau.eval.AuDetectionScores;
import org.malau.eval.ExpressionScores;
import org.malau.eval.ThresholdTuner;
import org.malau.eval.WeightSummary;
import org.malau.meta.MetaWeightNet;
import org.malau.model.LabelledBatch;
import org.malau.model.MalModel;
import org.malau.model.ModelHeader;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkConfig;
import org.malau.model.NetworkEngine;
import org.malau.model.NetworkEngines;
import org.malau.model.Provenance;
import org.malau.runtime.EngineInfo;

/**
 * Trains an AU detector with one of the strategies: configuration and data in, {@link MalModel}
 * plus history and sample weights out. Every strategy sees the same AU training part, the same
 * batches in the same order (given the seed), the same optimiser and the same iteration budget,
 * so that their results are comparable; the meta split is held out from training for all of them.
 * <p>
 * An epoch is one pass over the AU training part in batches of n; expression batches of m and
 * meta batches of k are drawn cyclically from their own seeded permutations. Batches are decoded
 * on a background thread a few iterations ahead. After each epoch the whole meta split is scored
 * (average AU F1 at 0.5, and with thresholds tuned on the split); the parameters of the epoch with
 * the best tuned F1 are kept, training stops early after
 * {@code patience} epochs without improvement, and per-AU thresholds are tuned on the meta split.
 */
public final class MalTrainer {
    private static final int EVAL_BATCH = 128;
    private final TrainingConfig config;
    private IterationProbe probe;

    public MalTrainer(TrainingConfig config) {
        this.config = config;
    }

    /**
     * Looks at the network during training (diagnostics such as bench/MetaSignalBench): called after every
     * iteration's real step with the iteration count, the network and what the training draws from.
     */
    interface IterationProbe {
        void after(int iteration, MultiTaskNetwork net, BatchAssembler assembler, FaceDataset au, int[] meta, FaceDataset fe,
            int[] trainFe) throws IOException;
    }

    /** Sets the probe of the next {@link #train} calls; null for none. */
    MalTrainer probe(IterationProbe p) {
        probe = p;
        return this;
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * @param au AU-labelled faces (samples without AU labels are skipped)
     * @param fe expression-labelled faces, may be null for {@code au-only}
     * @throws TrainingCancelledException when {@code cancel} asked to stop
     * @throws NonFiniteLossException when a loss became NaN or infinite
     */
    public TrainingResult train(FaceDataset au, FaceDataset fe, TrainingListener listener, CancellationCheck cancel)
        throws IOException, TrainingCancelledException {
        if (au.auCodes().length == 0) {
            throw new IllegalArgumentException("the AU data has no AU label columns");
        }
        return train(au, fe, MetaSplit.of(au, config.metaFraction(), config.seed()), false, listener, cancel);
    }

    /**
     * Trains with a meta set the caller chose instead of a split of the AU data ({@link MetaSplit#given}):
     * every AU sample trains, and the meta set drives the meta network, early stopping and threshold
     * tuning; the configured meta fraction is not used.
     *
     * @param meta AU-labelled faces labelling the same AUs in the same order as {@code au}; null = split {@code au}
     * @throws IllegalArgumentException when the meta set is empty, labels other AUs or has no AU labels
     */
    public TrainingResult train(FaceDataset au, FaceDataset fe, FaceDataset meta, TrainingListener listener,
        CancellationCheck cancel) throws IOException, TrainingCancelledException {
        if (meta == null) {
            return train(au, fe, listener, cancel);
        }
        if (au.auCodes().length == 0) {
            throw new IllegalArgumentException("the AU data has no AU label columns");
        }
        if (!Arrays.equals(au.auCodes(), meta.auCodes())) {
            throw new IllegalArgumentException("the meta set labels AUs " + Arrays.toString(meta.auCodes())
                + ", the AU data " + Arrays.toString(au.auCodes()) + "; both must label the same AUs in the same order");
        }
        if (java.util.stream.IntStream.range(0, meta.size()).noneMatch(i -> meta.au(i) != null)) {
            throw new IllegalArgumentException("the meta set has no AU-labelled sample (" + meta.size() + " samples)");
        }
        return train(new JoinedFaceDataset(au, meta), fe, MetaSplit.given(au, meta), true, listener, cancel);
    }

    /** @param au the AU data {@code split} indexes (with a given meta set: AU data and meta set joined) */
    private TrainingResult train(FaceDataset au, FaceDataset fe, MetaSplit split, boolean metaGiven,
        TrainingListener listener, CancellationCheck cancel) throws IOException, TrainingCancelledException {
        java.time.Instant started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Setup s = setUp(au, fe, split, listener);
        Run run = new Run(s, au, fe);
        while (run.iteration < run.total) {
            Epoch e = epoch(s, run, au, fe, listener, cancel);
            run.history.add(e.record());
            listener.epochFinished(e.record());
            if (keepBestAndStop(s, run, e, listener)) {
                break;
            }
        }
        if (run.bestTheta != null) {
            s.net().setParameters(run.bestTheta);
            if (run.bestState != null) {
                s.strategy().restoreState(run.bestState);
            }
        }
        return finish(s, run, au, fe, split, metaGiven, started, cancel);
    }

    /**
     * What a run trains with, decided before the first iteration.
     *
     * @param config this trainer's config, with the meta difference the engine can take
     * @param trainAu the AU-labelled training samples
     * @param meta the AU-labelled meta-split samples
     * @param trainFe the expression samples of a known class (none without an expression task)
     */
    private record Setup(TrainingConfig config, NetworkEngine engine, MultiTaskNetwork net, String initialisation,
        TrainingStrategy strategy, List<Expression> classes, int[] auCodes, int[] trainAu, int[] meta, int[] trainFe,
        BatchAssembler assembler, StrategyContext context) {
    }

    /** The network, strategy and samples of a run, checked against each other. */
    private Setup setUp(FaceDataset au, FaceDataset fe, MetaSplit split, TrainingListener listener) throws IOException {
        int[] auCodes = au.auCodes();
        List<Expression> classes = expressionClasses(au, fe);
        NetworkConfig shape = config.network(auCodes.length, classes.size());
        NetworkEngine engine = NetworkEngines.usable(config.engine(), shape, listener::warning);
        MultiTaskNetwork net = engine.create(shape, config.seed());
        String initialisation = Initialisation.apply(config.initialisation(), net, classes, config.seed());
        TrainingConfig config = this.config;
        boolean engineLacksDifference = config.strategy().usesMetaDifference() && config.metaDifference().needsDoubleBackward()
            && !net.exactDirectionalDerivatives();
        if (engineLacksDifference && !config.metaDifferenceChosen() && config.strategy().hasMetaNet()) {
            // The variant's default, not the user's choice: take the finite difference the engine can do.
            listener.warning("the " + engine.name() + " engine cannot take exact meta-gradients; MAL uses the forward difference");
            config = config.toBuilder().metaDifference(MetaDifference.FORWARD).build();
        } else if (engineLacksDifference) {
            throw new IllegalArgumentException("meta difference '" + config.metaDifference().id() + "' needs an engine that can"
                + " differentiate a gradient; the " + engine.name() + " engine cannot: choose 'forward' or 'central', or the "
                + NetworkEngines.LIBTORCH + " engine");
        }
        TrainingStrategy strategy = config.strategy().create(config, config.featureSize(), classes.size());

        if (split.warning() != null) {
            listener.warning(split.warning());
        }
        int[] trainAu = withAuLabels(au, split.train());
        int[] meta = withAuLabels(au, split.meta());
        if (trainAu.length == 0) {
            throw new IllegalArgumentException("no AU-labelled samples left for training");
        }
        int[] trainFe = new int[0];
        if (strategy.usesExpressionTask()) {
            if (fe == null) {
                throw new IllegalArgumentException("strategy " + strategy.name() + " needs expression-labelled data");
            }
            trainFe = java.util.stream.IntStream.range(0, fe.size())
                .filter(i -> fe.expression(i) != null && classes.contains(fe.expression(i))).toArray();
            if (trainFe.length == 0) {
                throw new IllegalArgumentException("strategy " + strategy.name() + " needs expression labels, the FE data has none");
            }
        }
        if (strategy.usesValidationBatch() && meta.length == 0) {
            throw new IllegalArgumentException("strategy " + strategy.name() + " needs a meta split; set a meta fraction > 0");
        }
        if (config.balanceAuPositives()) {
            net.setAuPositiveWeights(positiveWeights(au, trainAu, auCodes.length));
        }
        BatchAssembler assembler = new BatchAssembler(net.config(), config.normalisation(), config.augmentation(), classes,
            config.seed());
        StrategyContext context = new StrategyContext(net, config.optimizer().create(net.parameterCount()));
        return new Setup(config, engine, net, initialisation, strategy, classes, auCodes, trainAu, meta, trainFe, assembler,
            context);
    }

    /** Where a run is: its budget, the batches it draws from, the epochs done and the best one so far. */
    private static final class Run {
        final int perEpoch;
        final int epochs;
        final int total;
        final int metaBatch;
        final SampleWeightLog.Recorder weights;
        final Cursor feCursor;
        final Cursor valCursor;
        final List<EpochRecord> history = new ArrayList<>();
        int iteration;
        int epoch;
        float[] bestTheta;
        Object bestState;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch;

        Run(Setup s, FaceDataset au, FaceDataset fe) {
            TrainingConfig c = s.config();
            perEpoch = (s.trainAu().length + c.auBatch() - 1) / c.auBatch();
            epochs = c.epochsFor(s.trainAu().length);
            total = c.maxIterations() > 0 ? Math.min(epochs * perEpoch, c.maxIterations()) : epochs * perEpoch;
            weights = new SampleWeightLog.Recorder(au, s.trainAu(), fe, s.trainFe());
            feCursor = new Cursor(s.trainFe(), new SplittableRandom(c.seed() * 31 + 7));
            valCursor = new Cursor(s.meta(), new SplittableRandom(c.seed() * 31 + 11));
            // 0 = the whole meta split (in a new order each time, which changes nothing but the batch's layout)
            metaBatch = c.validationBatch() == 0 ? s.meta().length : c.validationBatch();
        }
    }

    /** What an epoch's real steps add up to, for its history record. */
    private static final class EpochTotals {
        double auLoss;
        double expressionLoss;
        double totalLoss;
        double metaLoss;
        double auWeight;
        double expressionWeight;
        double learningRate;
        int steps;
        int metaSteps;

        void add(IterationResult r, double rate) {
            auLoss += r.auLoss();
            expressionLoss += r.expressionLoss();
            totalLoss += r.totalLoss();
            if (!Double.isNaN(r.metaLoss())) {
                metaLoss += r.metaLoss();
                metaSteps++;
            }
            auWeight += mean(r.auWeights());
            expressionWeight += mean(r.expressionWeights());
            learningRate = rate;
            steps++;
        }
    }

    /**
     * The meta split's scores after an epoch: mean AU loss, average AU F1 at 0.5 and with tuned thresholds, and
     * expression accuracy; NaN without a meta split.
     */
    private record MetaScores(double auLoss, double f1, double f1Tuned, double expressionAccuracy) {
        static final MetaScores NONE = new MetaScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** An epoch's history record and the meta split's scores after it. */
    private record Epoch(EpochRecord record, MetaScores meta) {
    }

    /** Trains one epoch (its iterations of the budget) and scores the meta split. */
    private Epoch epoch(Setup s, Run run, FaceDataset au, FaceDataset fe, TrainingListener listener,
        CancellationCheck cancel) throws IOException, TrainingCancelledException {
        TrainingConfig config = s.config();
        int epoch = ++run.epoch;
        long epochStart = System.nanoTime();
        int[] trainAu = s.trainAu();
        int[] order = MetaSplit.permutation(trainAu.length, new SplittableRandom(config.seed() * 1_000_003L + epoch));
        List<PrefetchingLoader.Plan> plans = new ArrayList<>();
        for (int b = 0; b < run.perEpoch && run.iteration + plans.size() < run.total; b++) {
            int[] idx = new int[Math.min(config.auBatch(), trainAu.length - b * config.auBatch())];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = trainAu[order[b * config.auBatch() + k]];
            }
            plans.add(new PrefetchingLoader.Plan(run.iteration + plans.size(), idx,
                s.strategy().usesExpressionTask() ? run.feCursor.next(config.expressionBatch()) : null,
                s.strategy().usesValidationBatch() ? run.valCursor.next(run.metaBatch) : null));
        }
        run.weights.startEpoch();
        EpochTotals totals = new EpochTotals();
        try (PrefetchingLoader loader = new PrefetchingLoader(plans, p -> load(s.assembler(), au, fe, p), config.prefetch())) {
            for (PrefetchingLoader.Plan plan : plans) {
                if (cancel.cancelRequested()) {
                    throw new TrainingCancelledException("training cancelled before iteration " + (run.iteration + 1));
                }
                IterationBatches batches = next(loader, run.iteration);
                double rate = config.schedule().rate(run.iteration, run.total);
                s.context().setLearningRate(rate);
                IterationResult r = s.strategy().iterate(s.context(), batches);
                run.iteration++;
                if (probe != null) {
                    probe.after(run.iteration, s.net(), s.assembler(), au, s.meta(), fe, s.trainFe());
                }
                if (!Double.isFinite(r.totalLoss()) || !Double.isFinite(r.auLoss())
                    || (batches.expression() != null && !Double.isFinite(r.expressionLoss()))) {
                    throw new NonFiniteLossException(run.iteration, "non-finite loss at iteration " + run.iteration + " (epoch "
                        + epoch + "): total " + r.totalLoss() + ", AU " + r.auLoss() + ", expression " + r.expressionLoss()
                        + "; lower the learning rate or check the input images");
                }
                run.weights.record(plan.au(), r.auWeights(), plan.fe(), r.expressionWeights());
                totals.add(r, rate);
                listener.progress(run.iteration / (double) run.total, String.format(java.util.Locale.ROOT,
                    "%s epoch %d iteration %d/%d, AU loss %.4f", s.strategy().name(), epoch, run.iteration, run.total,
                    r.auLoss()));
            }
        }
        MetaScores m = scoreMetaSplit(s, au, cancel);
        int n = totals.steps;
        return new Epoch(new EpochRecord(epoch, run.iteration, totals.learningRate, totals.auLoss / n,
            totals.expressionLoss / n, totals.totalLoss / n, totals.metaSteps == 0 ? Double.NaN : totals.metaLoss / totals.metaSteps,
            m.f1(), m.f1Tuned(), m.expressionAccuracy(), totals.auWeight / n, totals.expressionWeight / n,
            cleanAuc(run.weights, fe), (System.nanoTime() - epochStart) / 1e9), m);
    }

    /** The next iteration's batches from the loading thread. */
    private static IterationBatches next(PrefetchingLoader loader, int iteration)
        throws IOException, TrainingCancelledException {
        try {
            return loader.next();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingCancelledException("training interrupted at iteration " + (iteration + 1));
        } catch (Exception e) {
            throw new IOException("loading the batches of iteration " + (iteration + 1) + " failed: " + e.getMessage(), e);
        }
    }

    /** The meta split's scores with the current network; {@link MetaScores#NONE} without a meta split. */
    private static MetaScores scoreMetaSplit(Setup s, FaceDataset au, CancellationCheck cancel)
        throws IOException, TrainingCancelledException {
        if (s.meta().length == 0) {
            return MetaScores.NONE;
        }
        int aus = s.auCodes().length;
        SplitPredictions p = SplitPredictions.of(s.net(), s.assembler(), au, s.meta(), EVAL_BATCH, cancel);
        double f1 = AuDetectionScores.of(p.auTruth(), AuDetectionScores.decide(p.auProbabilities(), half(aus)), aus)
            .averageF1();
        double f1Tuned = AuDetectionScores.of(p.auTruth(), AuDetectionScores.decide(p.auProbabilities(),
            ThresholdTuner.tune(p.auProbabilities(), p.auTruth(), aus)), aus).averageF1();
        double accuracy = ExpressionScores.of(p.expressionTruth(), p.expressionPredicted(), s.classes().size()).accuracy();
        return new MetaScores(p.meanAuLoss(), f1, f1Tuned, accuracy);
    }

    /**
     * Keeps the network and strategy state of the best epoch so far (by the meta split's tuned F1 or AU loss) and says
     * whether to stop early.
     */
    private static boolean keepBestAndStop(Setup s, Run run, Epoch e, TrainingListener listener) {
        TrainingConfig config = s.config();
        boolean byLoss = TrainingConfig.STOP_ON_LOSS.equals(config.stopOn());
        double score = byLoss ? (Double.isNaN(e.meta().auLoss()) ? Double.NEGATIVE_INFINITY : -e.meta().auLoss())
            : Double.isNaN(e.meta().f1Tuned()) ? -1 : e.meta().f1Tuned();
        int epoch = e.record().epoch();
        if (s.meta().length > 0 && score > run.bestScore) {
            run.bestScore = score;
            run.bestEpoch = epoch;
            run.bestTheta = s.net().parameters();
            run.bestState = s.strategy().saveState();
        }
        if (config.patience() > 0 && s.meta().length > 0 && epoch - run.bestEpoch >= config.patience()) {
            listener.warning("early stop after epoch " + epoch + ": no better meta-split AU " + (byLoss ? "loss" : "F1")
                + " since epoch " + run.bestEpoch);
            return true;
        }
        return false;
    }

    /** Thresholds tuned on the meta split, the model with its header and provenance, and what the run recorded. */
    private TrainingResult finish(Setup s, Run run, FaceDataset au, FaceDataset fe, MetaSplit split, boolean metaGiven,
        java.time.Instant started, CancellationCheck cancel) throws IOException, TrainingCancelledException {
        TrainingConfig config = s.config();
        int[] auCodes = s.auCodes();
        MultiTaskNetwork net = s.net();
        MetaWeightNet finalMeta = s.strategy().metaNet();
        double[] thresholds = half(auCodes.length);
        AuDetectionScores metaScores = null;
        String thresholdSource = "0.5 for every AU (no meta split)";
        if (s.meta().length > 0) {
            SplitPredictions p = SplitPredictions.of(net, s.assembler(), au, s.meta(), EVAL_BATCH, cancel);
            thresholds = ThresholdTuner.tune(p.auProbabilities(), p.auTruth(), auCodes.length, config.thresholdMinimum());
            thresholdSource = ThresholdTuner.describe(p.auTruth(), auCodes, config.thresholdMinimum());
            metaScores = AuDetectionScores.of(p.auTruth(), AuDetectionScores.decide(p.auProbabilities(), thresholds),
                auCodes.length);
        }
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(config.toMap());
        settings.putAll(s.strategy().settings());
        settings.put("bestEpoch", run.bestEpoch);
        settings.put("iterations", run.iteration);
        settings.put("metaSplitSubjectDisjoint", split.subjectDisjoint());
        settings.put("metaSplit", metaGiven ? "given" : "fraction");
        settings.put("engine", s.engine().name());
        settings.put("engineLibrary", s.engine().description());
        settings.put("epochsPlanned", run.epochs);
        settings.put("initialisedFrom", s.initialisation());
        settings.put("thresholdSource", thresholdSource);
        java.util.Map<String, Provenance.TableDigest> data = new java.util.LinkedHashMap<>();
        data.put("auTrain", DataDigest.of(au, s.trainAu()));
        if (s.trainFe().length > 0) {
            data.put("expressionTrain", DataDigest.of(fe, s.trainFe()));
        }
        data.put("metaSplit", DataDigest.of(au, s.meta()));
        Provenance provenance = new Provenance(EngineInfo.NAME, EngineInfo.version(), s.engine().description(),
            started.toString(), System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"), data);
        ModelHeader header = new ModelHeader(ModelHeader.FORMAT_VERSION, net.engine(), net.config(), auCodes,
            s.classes().stream().map(Expression::label).toList(), config.normalisation(), provenance, s.strategy().name(),
            settings, config.seed(), s.trainAu().length, s.trainFe().length, s.meta().length, thresholds,
            net.auPositiveWeights());
        MalModel model = new MalModel(header, net, finalMeta);
        return new TrainingResult(model, new TrainingHistory(run.history), run.weights.build(), split, metaScores);
    }

    private static IterationBatches load(BatchAssembler a, FaceDataset au, FaceDataset fe, PrefetchingLoader.Plan p)
        throws IOException {
        long it = p.iteration();
        LabelledBatch b = a.assemble(au, p.au(), BatchAssembler.Task.AU, true, 3 * it);
        LabelledBatch e = p.fe() == null ? null : a.assemble(fe, p.fe(), BatchAssembler.Task.EXPRESSION, true, 3 * it + 1);
        LabelledBatch v = p.val() == null ? null : a.assemble(au, p.val(), BatchAssembler.Task.AU, false, 3 * it + 2);
        return new IterationBatches(b, e, v, p.fe());
    }

    /** Expression classes of the model: the seven basic ones, plus contempt when the data has it. */
    static List<Expression> expressionClasses(FaceDataset au, FaceDataset fe) {
        for (FaceDataset d : new FaceDataset[] {fe, au}) {
            if (d == null) {
                continue;
            }
            for (int i = 0; i < d.size(); i++) {
                if (d.expression(i) == Expression.CONTEMPT) {
                    return List.of(Expression.values());
                }
            }
        }
        return List.of(Expression.BASIC7);
    }

    private static int[] withAuLabels(FaceDataset d, int[] idx) {
        return Arrays.stream(idx).filter(i -> d.au(i) != null).toArray();
    }

    /** Negative/positive ratio per AU on the training part, clipped to [1, 10]. */
    static double[] positiveWeights(FaceDataset d, int[] idx, int auCount) {
        double[] w = new double[auCount];
        for (int j = 0; j < auCount; j++) {
            int pos = 0;
            int neg = 0;
            for (int i : idx) {
                byte y = d.au(i)[j];
                if (y == 1) {
                    pos++;
                } else if (y == 0) {
                    neg++;
                }
            }
            w[j] = pos == 0 ? 1 : Math.max(1, Math.min(10, neg / (double) pos));
        }
        return w;
    }

    private static double[] half(int n) {
        double[] t = new double[n];
        Arrays.fill(t, 0.5);
        return t;
    }

    private static double mean(double[] a) {
        return a.length == 0 ? Double.NaN : Arrays.stream(a).average().orElse(Double.NaN);
    }

    /** AUC of this epoch's FE weights separating clean (NONE) from corrupted samples; NaN when not both are known. */
    private static double cleanAuc(SampleWeightLog.Recorder w, FaceDataset fe) {
        if (fe == null) {
            return Double.NaN;
        }
        double[] m = w.currentExpressionMeans();
        int[] idx = w.expressionIndices();
        List<WeightSummary.Sample> samples = new ArrayList<>();
        for (int k = 0; k < idx.length; k++) {
            samples.add(new WeightSummary.Sample("", fe.corruption(idx[k]), new double[] {m[k]}));
        }
        return WeightSummary.of(samples).known().auc(WeightSummary.Weight.LAST);
    }

    /** Cycles through a seeded permutation of indices, reshuffling at each wrap. */
    private static final class Cursor {
        private final int[] items;
        private final SplittableRandom random;
        private int[] order;
        private int pos;

        Cursor(int[] items, SplittableRandom random) {
            this.items = items;
            this.random = random;
        }

        int[] next(int k) {
            int[] out = new int[k];
            for (int s = 0; s < k; s++) {
                if (order == null || pos == order.length) {
                    order = MetaSplit.permutation(items.length, random);
                    pos = 0;
                }
                out[s] = items[order[pos++]];
            }
            return out;
        }
    }

}
