package org.malau.knime.learner;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.malau.data.AuLabels;
import org.malau.data.Expression;
import org.malau.knime.common.AuColumns;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;
import org.malau.knime.common.HistoryTable;
import org.malau.knime.common.EngineChoice;
import org.malau.knime.common.SettingsList;
import org.malau.knime.common.StrategyChoice;
import org.malau.knime.common.WeightTable;
import org.malau.knime.common.WeightTable.Layout;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.train.EpochRecord;
import org.malau.train.EpochRecord.Column;
import org.malau.train.Initialisation;
import org.malau.train.LearningRateSchedule;
import org.malau.train.MalTrainer;
import org.malau.train.SampleWeightLog;
import org.malau.train.MalVariant;
import org.malau.train.Strategy;
import org.malau.train.TrainingCancelledException;
import org.malau.train.TrainingConfig;
import org.malau.model.NetworkConfig;
import org.malau.model.NetworkEngines;
import org.malau.train.TrainingHistory;
import org.malau.train.TrainingListener;
import org.malau.train.TrainingResult;

/**
 * Trains the engine's AU detector ({@link MalTrainer}) on an AU-labeled table and, optionally, an
 * expression-labeled table and a meta table (the meta split, instead of one held out of the AU table). Outputs the model, the learned per-sample weights per epoch and the
 * per-epoch training history. Reading the tables is {@link TableDataset}'s job; training is the engine's.
 */
public class MalLearnerNodeModel extends NodeModel {
    /** Input ports. */
    static final int AU_PORT = 0;
    static final int FE_PORT = 1;
    static final int META_PORT = 2;


    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 256;

    private static final NodeLogger LOGGER = NodeLogger.getLogger(MalLearnerNodeModel.class);

    private static final String CFG_AU_IMAGE_COLUMN = "au_image_column";
    private static final String CFG_AU_COLUMNS = "au_columns";
    private static final String CFG_FE_IMAGE_COLUMN = "fe_image_column";
    private static final String CFG_EXPRESSION_COLUMN = "expression_column";
    private static final String CFG_STRATEGY = "strategy";
    private static final String CFG_ENGINE = "engine";
    private static final String CFG_MAL_VARIANT = "mal_variant";
    private static final String CFG_INPUT_SIZE = "input_size";
    private static final String CFG_WIDTH = "network_width";
    private static final String CFG_EPOCHS = "epochs";
    private static final String CFG_AU_BATCH = "au_batch";
    private static final String CFG_FE_BATCH = "fe_batch";
    private static final String CFG_META_BATCH = "meta_batch";
    private static final String CFG_LEARNING_RATE = "learning_rate";
    private static final String CFG_META_LEARNING_RATE = "meta_learning_rate";
    private static final String CFG_META_FRACTION = "meta_fraction";
    private static final String CFG_SEED = "seed";
    private static final String CFG_WEIGHT_LAYOUT = "weight_layout";
    private static final String CFG_WEIGHT_MAX_COLUMNS = "weight_max_columns";

    /** Most epochs a run can have; also the wide layout's bound for workflows saved before the bound existed. */
    static final int MAX_EPOCHS = 10_000;

    /** Defaults of new nodes: the recommended training (RealPhotoBench, README). */
    private static final TrainingConfig DEFAULTS = TrainingConfig.recommended().build();
    /** The small network's defaults (input size, width). */
    private static final TrainingConfig SMALL = TrainingConfig.builder().build();

    private static final String CFG_INITIALISATION = "initialisation";
    /** The stored ids of the network choices ({@link NetworkChoice}). */
    public static final String INIT_EXPRESSION = NetworkChoice.EXPRESSION.id();
    public static final String INIT_LANDMARKS = NetworkChoice.LANDMARKS.id();
    public static final String INIT_SMALL = NetworkChoice.SMALL.id();

    private final SettingsModelString m_auImageColumn = createAuImageColumnSettingsModel();
    private final SettingsModelColumnFilter2 m_auColumns = createAuColumnsSettingsModel();
    private final SettingsModelString m_feImageColumn = createFeImageColumnSettingsModel();
    private final SettingsModelString m_expressionColumn = createExpressionColumnSettingsModel();
    private final SettingsModelString m_strategy = createStrategySettingsModel();
    private final SettingsModelString m_engine = createEngineSettingsModel();
    private final SettingsModelString m_initialisation = createInitialisationSettingsModel();
    private final SettingsModelString m_malVariant = createMalVariantSettingsModel();
    private final SettingsModelIntegerBounded m_inputSize = createInputSizeSettingsModel();
    private final SettingsModelIntegerBounded m_width = createWidthSettingsModel();
    private final SettingsModelIntegerBounded m_epochs = createEpochsSettingsModel();
    private final SettingsModelIntegerBounded m_auBatch = createAuBatchSettingsModel();
    private final SettingsModelIntegerBounded m_feBatch = createFeBatchSettingsModel();
    private final SettingsModelIntegerBounded m_metaBatch = createMetaBatchSettingsModel();
    private final SettingsModelDoubleBounded m_learningRate = createLearningRateSettingsModel();
    private final SettingsModelDoubleBounded m_metaLearningRate = createMetaLearningRateSettingsModel();
    private final SettingsModelDoubleBounded m_metaFraction = createMetaFractionSettingsModel();
    private final SettingsModelLong m_seed = createSeedSettingsModel();
    private final SettingsModelString m_weightLayout = createWeightLayoutSettingsModel();
    private final SettingsModelIntegerBounded m_weightMaxColumns = createWeightMaxColumnsSettingsModel();

    /**
     * Every setting in one list. Those added after release 0.1 are absent from older workflows, which keep their
     * behaviour: the wide weight table with a column for every epoch, the DL4J engine they ran on, the small network
     * they were made for, trained as then, and the paper's MAL, the only one there was.
     */
    private final SettingsList m_settings = new SettingsList(List.of(m_auImageColumn, m_auColumns, m_feImageColumn,
        m_expressionColumn, m_strategy, m_inputSize, m_width, m_epochs, m_auBatch, m_feBatch, m_metaBatch, m_learningRate,
        m_metaLearningRate, m_metaFraction, m_seed), List.of(
            new SettingsList.Added(CFG_WEIGHT_LAYOUT, m_weightLayout,
                () -> m_weightLayout.setStringValue(Layout.WIDE.id())),
            new SettingsList.Added(CFG_WEIGHT_MAX_COLUMNS, m_weightMaxColumns,
                () -> m_weightMaxColumns.setIntValue(MAX_EPOCHS)),
            new SettingsList.Added(CFG_ENGINE, m_engine, () -> m_engine.setStringValue(EngineChoice.OLD_WORKFLOWS)),
            new SettingsList.Added(CFG_INITIALISATION, m_initialisation,
                () -> m_initialisation.setStringValue(NetworkChoice.OLD_WORKFLOWS)),
            new SettingsList.Added(CFG_MAL_VARIANT, m_malVariant,
                () -> m_malVariant.setStringValue(MalVariant.PAPER.id()))));

    /** Epochs of the last (or running) training, for the view; filled by the engine's listener. */
    private final List<EpochRecord> m_history = new CopyOnWriteArrayList<>();

    /** AU table in, optional expression and meta tables in; model, sample weights and history out. */
    protected MalLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{MalModelPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createAuImageColumnSettingsModel() {
        return new SettingsModelString(CFG_AU_IMAGE_COLUMN, "");
    }

    @SuppressWarnings("unchecked") // generic varargs of KNIME's column filter
    static SettingsModelColumnFilter2 createAuColumnsSettingsModel() {
        // numbers only (booleans are numbers too); never chosen: configure includes the AU occurrence columns
        return new SettingsModelColumnFilter2(CFG_AU_COLUMNS, DoubleValue.class);
    }

    static SettingsModelString createFeImageColumnSettingsModel() {
        return new SettingsModelString(CFG_FE_IMAGE_COLUMN, "");
    }

    static SettingsModelString createExpressionColumnSettingsModel() {
        return new SettingsModelString(CFG_EXPRESSION_COLUMN, FaceTableLayout.EXPRESSION_COLUMN);
    }

    static SettingsModelString createStrategySettingsModel() {
        return new SettingsModelString(CFG_STRATEGY, DEFAULTS.strategy().id());
    }

    static SettingsModelIntegerBounded createInputSizeSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_INPUT_SIZE, SMALL.inputSize(), MIN_SIZE, MAX_SIZE);
    }

    static SettingsModelIntegerBounded createWidthSettingsModel() {
        // channels of the first conv block (NetworkConfig.smallConv: 16 -> 16/32/64, the engine's default)
        return new SettingsModelIntegerBounded(CFG_WIDTH, NetworkConfig.DEFAULT_WIDTH, 1, 256);
    }

    static SettingsModelIntegerBounded createEpochsSettingsModel() {
        // 0: set by the number of faces (TrainingConfig#epochsFor)
        return new SettingsModelIntegerBounded(CFG_EPOCHS, DEFAULTS.epochs(), 0, MAX_EPOCHS);
    }

    static SettingsModelIntegerBounded createAuBatchSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_AU_BATCH, DEFAULTS.auBatch(), 1, 4096);
    }

    static SettingsModelIntegerBounded createFeBatchSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_FE_BATCH, DEFAULTS.expressionBatch(), 1, 4096);
    }

    static SettingsModelIntegerBounded createMetaBatchSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_META_BATCH, DEFAULTS.validationBatch(), 1, 4096);
    }

    static SettingsModelDoubleBounded createLearningRateSettingsModel() {
        return new SettingsModelDoubleBounded(CFG_LEARNING_RATE, DEFAULTS.schedule().baseRate(), 1e-8, 10);
    }

    static SettingsModelDoubleBounded createMetaLearningRateSettingsModel() {
        return new SettingsModelDoubleBounded(CFG_META_LEARNING_RATE, DEFAULTS.beta(), 1e-8, 10);
    }

    static SettingsModelDoubleBounded createMetaFractionSettingsModel() {
        return new SettingsModelDoubleBounded(CFG_META_FRACTION, DEFAULTS.metaFraction(), 0, 0.9);
    }

    static SettingsModelLong createSeedSettingsModel() {
        return new SettingsModelLong(CFG_SEED, DEFAULTS.seed());
    }

    static SettingsModelString createEngineSettingsModel() {
        return new SettingsModelString(CFG_ENGINE, DEFAULTS.engine());
    }

    static SettingsModelString createInitialisationSettingsModel() {
        return new SettingsModelString(CFG_INITIALISATION, INIT_EXPRESSION);
    }

    /** Which MAL the mal strategy trains, a {@link MalVariant} id (robust for new nodes). */
    static SettingsModelString createMalVariantSettingsModel() {
        return new SettingsModelString(CFG_MAL_VARIANT, MalVariant.GATED.id());
    }

    static SettingsModelString createWeightLayoutSettingsModel() {
        return new SettingsModelString(CFG_WEIGHT_LAYOUT, Layout.LONG.id());
    }

    static SettingsModelIntegerBounded createWeightMaxColumnsSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_WEIGHT_MAX_COLUMNS, WeightTable.DEFAULT_MAX_COLUMNS, 1, MAX_EPOCHS);
    }


    /** The inputs resolved against their specs, so that configure and execute agree. */
    private record Resolved(TableDataset.Columns au, TableDataset.Columns fe, TableDataset.Columns meta,
        boolean corruption,
        TrainingConfig config, PortObjectSpec[] outSpecs) {
    }

    private Resolved resolve(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec auSpec = (DataTableSpec)inSpecs[AU_PORT];
        final DataTableSpec feSpec = inSpecs.length > FE_PORT ? (DataTableSpec)inSpecs[FE_PORT] : null;
        final DataTableSpec metaSpec = inSpecs.length > META_PORT ? (DataTableSpec)inSpecs[META_PORT] : null;
        if (auSpec == null) {
            throw new InvalidSettingsException("Connect the AU-labeled table to the first input");
        }
        final String strategy = m_strategy.getStringValue();
        final TrainingConfig config = config();
        if (feSpec == null && config.strategy().usesExpressionTask()) {
            throw new InvalidSettingsException("The strategy \"" + StrategyChoice.label(strategy) + "\" (" + strategy
                + ") trains with expression-labeled faces: connect them to the second input, or choose \""
                + StrategyChoice.AU_ONLY.getText() + "\"");
        }
        final String auImage = imageColumn(auSpec, m_auImageColumn, "AU table");
        final String[] auColumnNames =
            AuColumns.included(m_auColumns, auSpec, AuColumns::isOccurrenceName, "AU column", "AU table");
        final int[][] aus = AuColumns.codes(auSpec, auColumnNames, "AU column");
        final int auExpr = optional(auSpec, m_expressionColumn.getStringValue(), StringValue.class, "AU table");
        final TableDataset.Columns au = new TableDataset.Columns(auSpec.findColumnIndex(auImage),
            isPaths(auSpec, auImage), aus[0], aus[1], auExpr,
            optional(auSpec, FaceTableLayout.SUBJECT_COLUMN, StringValue.class, "AU table"),
            optional(auSpec, FaceTableLayout.CORRUPTION_COLUMN, StringValue.class, "AU table"));
        TableDataset.Columns fe = null;
        if (feSpec != null) {
            final String feImage = imageColumn(feSpec, m_feImageColumn, "Expression table");
            final String exprName = m_expressionColumn.getStringValue();
            final int expr = feSpec.findColumnIndex(exprName);
            if (expr < 0) {
                throw new InvalidSettingsException(
                    "Expression column \"" + exprName + "\" is not in the expression-labeled table");
            }
            if (!feSpec.getColumnSpec(expr).getType().isCompatible(StringValue.class)) {
                throw new InvalidSettingsException("Expression column \"" + exprName + "\" holds "
                    + feSpec.getColumnSpec(expr).getType() + "; it must hold expression labels (strings)");
            }
            fe = new TableDataset.Columns(feSpec.findColumnIndex(feImage), isPaths(feSpec, feImage), new int[0],
                new int[0], expr, optional(feSpec, FaceTableLayout.SUBJECT_COLUMN, StringValue.class, "Expression table"),
                optional(feSpec, FaceTableLayout.CORRUPTION_COLUMN, StringValue.class, "Expression table"));
        }
        final TableDataset.Columns meta = metaSpec == null ? null : metaColumns(metaSpec, auImage, auColumnNames,
            aus[1]);
        final boolean corruption = au.corruption() >= 0 || (fe != null && fe.corruption() >= 0);
        final List<String> auNames = new ArrayList<>();
        for (final int code : aus[1]) {
            auNames.add(AuLabels.columnName(code));
        }
        final List<String> classes = Arrays.stream(Expression.BASIC7).map(Expression::label).toList();
        final PortObjectSpec[] out = {new MalModelPortObjectSpec(auNames, classes, config.inputSize(),
            config.channels(), strategy), weightSpec(config.epochs(), corruption), historySpec()};
        // with epochs set by the data, the wide layout's epoch columns are known only after training
        if (config.epochs() == 0 && weightLayout() == Layout.WIDE) {
            out[1] = null;
        }
        return new Resolved(au, fe, meta, corruption, config, out);
    }

    /** The engine config from the settings; the engine's own checks become InvalidSettingsExceptions. */
    private TrainingConfig config() throws InvalidSettingsException {
        final String init = m_initialisation.getStringValue();
        final TrainingConfig.Builder b;
        if (INIT_SMALL.equals(init)) {
            // the engine's rule for the small network's shape (NetworkConfig.smallConv)
            b = TrainingConfig.builder().smallConv(m_inputSize.getIntValue(), m_width.getIntValue())
                .schedule(LearningRateSchedule.constant(m_learningRate.getDoubleValue()));
        } else if (INIT_EXPRESSION.equals(init) || INIT_LANDMARKS.equals(init)) {
            b = TrainingConfig.recommended().initialisation(INIT_EXPRESSION.equals(init)
                ? Initialisation.FACE_API_EXPRESSION : Initialisation.FACE_API_LANDMARKS)
                .schedule(new LearningRateSchedule(DEFAULTS.schedule().kind(), m_learningRate.getDoubleValue(), 1, 1));
        } else {
            throw new InvalidSettingsException("Network \"" + init + "\" is none of " + List.of(INIT_EXPRESSION,
                INIT_LANDMARKS, INIT_SMALL));
        }
        final String unsupported = NetworkEngines.byName(m_engine.getStringValue())
            .unsupported(b.build().network(1, 2));
        if (unsupported != null) {
            throw new InvalidSettingsException(unsupported + ": choose the LibTorch engine, or the small network");
        }
        try {
            return b.strategy(m_strategy.getStringValue()).malVariant(m_malVariant.getStringValue()).engine(m_engine.getStringValue())
                .epochs(m_epochs.getIntValue()).auBatch(m_auBatch.getIntValue())
                .expressionBatch(m_feBatch.getIntValue()).validationBatch(m_metaBatch.getIntValue())
                .beta(m_metaLearningRate.getDoubleValue()).metaFraction(m_metaFraction.getDoubleValue())
                .seed(m_seed.getLongValue()).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private String imageColumn(final DataTableSpec in, final SettingsModelString model, final String table)
        throws InvalidSettingsException {
        final String name = model.getStringValue();
        if (name != null && !name.isEmpty()) {
            final int i = in.findColumnIndex(name);
            if (i < 0) {
                throw new InvalidSettingsException("Image column \"" + name + "\" is not in the " + table);
            }
            final DataType type = in.getColumnSpec(i).getType();
            if (!type.isCompatible(PNGImageValue.class) && !type.isCompatible(StringValue.class)) {
                throw new InvalidSettingsException("Image column \"" + name + "\" of the " + table + " holds " + type
                    + "; it must hold PNG images or image file paths (strings)");
            }
            return name;
        }
        for (final Class<? extends DataValue> c : List.of(PNGImageValue.class, StringValue.class)) {
            for (final DataColumnSpec col : in) {
                if (col.getType().isCompatible(c) && (c == PNGImageValue.class
                    || col.getName().equals(FaceTableLayout.IMAGE_COLUMN))) {
                    model.setStringValue(col.getName());
                    setWarningMessage("Image column \"" + col.getName() + "\" of the " + table
                        + " chosen automatically");
                    return col.getName();
                }
            }
        }
        throw new InvalidSettingsException("The " + table + " has no PNG image column and no \""
            + FaceTableLayout.IMAGE_COLUMN + "\" path column; choose the image column");
    }

    private static boolean isPaths(final DataTableSpec in, final String column) {
        return !in.getColumnSpec(column).getType().isCompatible(PNGImageValue.class);
    }

    /** The meta table's columns: the AU table's image column and AU columns, subject and expression when present. */
    private TableDataset.Columns metaColumns(final DataTableSpec meta, final String image, final String[] auNames,
        final int[] codes) throws InvalidSettingsException {
        final int img = meta.findColumnIndex(image);
        if (img < 0) {
            throw new InvalidSettingsException("Image column \"" + image + "\" of the AU table is not in the meta table");
        }
        final DataType type = meta.getColumnSpec(img).getType();
        if (!type.isCompatible(PNGImageValue.class) && !type.isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("Image column \"" + image + "\" of the meta table holds " + type
                + "; it must hold PNG images or image file paths (strings)");
        }
        final int[] idx = new int[auNames.length];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = meta.findColumnIndex(auNames[k]);
            if (idx[k] < 0) {
                throw new InvalidSettingsException("AU column \"" + auNames[k] + "\" is not in the meta table");
            }
            if (!meta.getColumnSpec(idx[k]).getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("AU column \"" + auNames[k] + "\" of the meta table holds "
                    + meta.getColumnSpec(idx[k]).getType() + "; it must hold occurrences 0/1 (numbers or booleans)");
            }
        }
        return new TableDataset.Columns(img, isPaths(meta, image), idx, codes,
            optional(meta, m_expressionColumn.getStringValue(), StringValue.class, "meta table"),
            optional(meta, FaceTableLayout.SUBJECT_COLUMN, StringValue.class, "meta table"), -1);
    }

    /** A column used when present (right type), -1 when absent. */
    private static int optional(final DataTableSpec in, final String name, final Class<? extends DataValue> value,
        final String table) throws InvalidSettingsException {
        final int i = in.findColumnIndex(name);
        if (i >= 0 && !in.getColumnSpec(i).getType().isCompatible(value)) {
            throw new InvalidSettingsException("Column \"" + name + "\" of the " + table + " holds "
                + in.getColumnSpec(i).getType() + "; it must hold strings");
        }
        return i;
    }

    /** The weight table's layout; the settings reject unknown ids, so this is never null. */
    private Layout weightLayout() {
        return Layout.of(m_weightLayout.getStringValue());
    }

    private DataTableSpec weightSpec(final int epochs, final boolean corruption) {
        return WeightTable.spec(weightLayout(), WeightTable.wideEpochs(epochs, m_weightMaxColumns.getIntValue()),
            corruption);
    }

    static DataTableSpec historySpec() {
        return HistoryTable.spec();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return resolve(inSpecs).outSpecs();
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        return EngineErrors.call(() -> executeGuarded(inObjects, exec));
    }

    private PortObject[] executeGuarded(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable auTable = (BufferedDataTable)inObjects[AU_PORT];
        final BufferedDataTable feTable = inObjects.length > FE_PORT ? (BufferedDataTable)inObjects[FE_PORT] : null;
        final BufferedDataTable metaTable =
            inObjects.length > META_PORT ? (BufferedDataTable)inObjects[META_PORT] : null;
        final Resolved r = resolve(new PortObjectSpec[]{auTable.getDataTableSpec(),
            feTable == null ? null : feTable.getDataTableSpec(), metaTable == null ? null : metaTable.getDataTableSpec()});
        if (auTable.size() == 0) {
            throw new InvalidSettingsException("The AU table is empty");
        }
        if (feTable != null && feTable.size() == 0) {
            throw new InvalidSettingsException("The expression table is empty");
        }
        if (metaTable != null && metaTable.size() == 0) {
            throw new InvalidSettingsException("The meta table is empty");
        }
        final int size = r.config().inputSize();
        m_history.clear();
        final int channels = r.config().channels();
        final TableDataset.Result au = TableDataset.read(auTable, r.au(), size, channels, "AU table",
            exec.createSubProgress(feTable == null ? 0.08 : 0.04));
        final TableDataset.Result fe = feTable == null ? null
            : TableDataset.read(feTable, r.fe(), size, channels, "Expression table", exec.createSubProgress(0.04));
        final TableDataset.Result meta = metaTable == null ? null
            : TableDataset.read(metaTable, r.meta(), size, channels, "Meta table", exec.createSubProgress(0.02));
        final List<String> warnings = new ArrayList<>();
        if (au.skipped() > 0) {
            warnings.add(au.skipped() + " AU table rows without an image were skipped");
        }
        if (fe != null && fe.skipped() > 0) {
            warnings.add(fe.skipped() + " expression table rows without an image were skipped");
        }
        if (meta != null && meta.skipped() > 0) {
            warnings.add(meta.skipped() + " meta table rows without an image were skipped");
        }
        // reading took the first tenth; training reports on the context itself so that its messages show
        final double start = 0.1;
        final TrainingListener listener = new TrainingListener() {
            @Override
            public void progress(final double fraction, final String message) {
                exec.setProgress(start + (1 - start) * fraction, message);
            }

            @Override
            public void epochFinished(final EpochRecord record) {
                m_history.add(record);
            }

            @Override
            public void warning(final String message) {
                warnings.add(message);
                LOGGER.warn(message);
            }
        };
        final TrainingResult result;
        try {
            result = new MalTrainer(r.config()).train(au.data(), fe == null ? null : fe.data(),
                meta == null ? null : meta.data(), listener, () -> {
                try {
                    exec.checkCanceled();
                    return false;
                } catch (CanceledExecutionException e) {
                    return true;
                }
            });
        } catch (TrainingCancelledException e) {
            throw new CanceledExecutionException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Training cannot start: " + e.getMessage(), e);
        }
        setWarningMessage(warnings.isEmpty() ? null : String.join("; ", warnings));
        return new PortObject[]{new MalModelPortObject(result.model(), result.history().epochs()),
            weightTable(result.weights(), r.config().epochs() > 0 ? r.config().epochs()
                : ((Number)result.model().header().settings().get("epochsPlanned")).intValue(), r.corruption(), exec),
            historyTable(result.history().epochs(), exec)};
    }

    private BufferedDataTable weightTable(final SampleWeightLog log, final int epochs, final boolean corruption,
        final ExecutionContext exec) throws CanceledExecutionException {
        final Layout layout = weightLayout();
        final int[] shown = WeightTable.wideEpochs(epochs, m_weightMaxColumns.getIntValue());
        final BufferedDataContainer c = exec.createDataContainer(WeightTable.spec(layout, shown, corruption));
        WeightTable.write(log, layout, epochs, shown, corruption, c::addRowToTable, exec);
        c.close();
        return c.getTable();
    }

    private static BufferedDataTable historyTable(final List<EpochRecord> epochs, final ExecutionContext exec) {
        final BufferedDataContainer c = exec.createDataContainer(HistoryTable.spec());
        HistoryTable.write(epochs, c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /** The epochs finished so far (a snapshot), for the view. */
    List<EpochRecord> history() {
        return List.copyOf(m_history);
    }

    @Override
    protected void reset() {
        m_history.clear();
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
        if (settings.containsKey(CFG_WEIGHT_LAYOUT)) {
            final SettingsModelString layout = createWeightLayoutSettingsModel();
            layout.loadSettingsFrom(settings);
            if (Layout.of(layout.getStringValue()) == null) {
                throw new InvalidSettingsException("Weight table layout \"" + layout.getStringValue()
                    + "\" is neither \"" + Layout.LONG.id() + "\" nor \"" + Layout.WIDE.id() + "\"");
            }
        }
        if (settings.containsKey(CFG_ENGINE)) {
            final SettingsModelString engine = createEngineSettingsModel();
            engine.loadSettingsFrom(settings);
            if (!NetworkEngines.NAMES.contains(engine.getStringValue())) {
                throw new InvalidSettingsException(
                    "Network engine \"" + engine.getStringValue() + "\" is none of " + NetworkEngines.NAMES);
            }
        }
        if (settings.containsKey(CFG_INITIALISATION)) {
            final SettingsModelString init = createInitialisationSettingsModel();
            init.loadSettingsFrom(settings);
            if (!List.of(INIT_EXPRESSION, INIT_LANDMARKS, INIT_SMALL).contains(init.getStringValue())) {
                throw new InvalidSettingsException("Network \"" + init.getStringValue() + "\" is none of "
                    + List.of(INIT_EXPRESSION, INIT_LANDMARKS, INIT_SMALL));
            }
        }
        if (settings.containsKey(CFG_MAL_VARIANT)) {
            final SettingsModelString variant = createMalVariantSettingsModel();
            variant.loadSettingsFrom(settings);
            if (!MalVariant.ids().contains(variant.getStringValue())) {
                throw new InvalidSettingsException("MAL variant \"" + variant.getStringValue() + "\" is none of " + MalVariant.ids());
            }
        }
        final SettingsModelString strategy = createStrategySettingsModel();
        strategy.loadSettingsFrom(settings);
        if (Strategy.find(strategy.getStringValue()).isEmpty()) {
            throw new InvalidSettingsException(
                "Strategy \"" + strategy.getStringValue() + "\" is none of " + Strategy.ids());
        }
        final SettingsModelIntegerBounded size = createInputSizeSettingsModel();
        size.loadSettingsFrom(settings);
        try {
            NetworkConfig.smallConv(size.getIntValue(), 1, 1, 2);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Input size " + size.getIntValue() + " is too small for the network: "
                + e.getMessage(), e);
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
    }

    private static final String HISTORY_FILE = "history.csv";

    /** Restores the view's history; the outputs themselves are saved by KNIME. */
    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        m_history.clear();
        final Path file = nodeInternDir.toPath().resolve(HISTORY_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // read by the header's names: internals saved with the earlier column order or names load too
            m_history.addAll(TrainingHistory.read(in, file.toString()).epochs());
        }
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        try (Writer out = Files.newBufferedWriter(nodeInternDir.toPath().resolve(HISTORY_FILE),
            StandardCharsets.UTF_8)) {
            new TrainingHistory(m_history).write(out);
        }
    }
}
