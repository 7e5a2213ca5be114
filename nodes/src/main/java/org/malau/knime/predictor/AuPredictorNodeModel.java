package org.malau.knime.predictor;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.util.UniqueNameGenerator;
import org.malau.knime.common.EngineChoice;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;
import org.malau.knime.common.ImageCrops;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.model.FacePrediction;
import org.malau.model.MalModel;
import org.malau.model.NetworkEngines;

/**
 * Applies a MAL model to the images of a table and appends its predictions, named as KNIME's predictors name theirs
 * (knime-base's {@code PredictorHelper}): per AU the probability {@code P (AU01=1)} and the 0/1 label
 * {@code Prediction (AU01)} (by the model's tuned thresholds), per expression class {@code P (expression=happiness)}
 * and the predicted class {@code Prediction (expression)}. As there, the prediction column can be renamed, the
 * probability columns get an optional suffix or are left out, and a name the input already has is made unique
 * ({@code " (#1)"}). A model trained au-only never trained its expression head, so for it only the AU columns are
 * appended. Rows whose image is missing or unreadable get missing cells and are counted in a warning.
 */
public class AuPredictorNodeModel extends NodeModel {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(AuPredictorNodeModel.class);

    /** The expression task's name in column names, as a training column is named in KNIME's predictors. */
    public static final String EXPRESSION = "expression";

    static final String CFG_IMAGE_COLUMN = "image_column";

    static final String CFG_BATCH_SIZE = "batch_size";

    static final String CFG_CHANGE_PREDICTION = "change_prediction";

    static final String CFG_PREDICTION_COLUMN = "prediction_column";

    static final String CFG_PROBABILITY_SUFFIX = "probability_suffix";

    static final String CFG_APPEND_PROBABILITIES = "append_probabilities";

    static final String CFG_ENGINE = "engine";

    private final SettingsModelString m_imageColumn = createImageColumnSettingsModel();
    private final SettingsModelIntegerBounded m_batchSize = createBatchSizeSettingsModel();
    private final SettingsModelBoolean m_changePrediction = createChangePredictionSettingsModel();
    private final SettingsModelString m_predictionColumn = createPredictionColumnSettingsModel();
    private final SettingsModelString m_probabilitySuffix = createProbabilitySuffixSettingsModel();
    private final SettingsModelBoolean m_appendProbabilities = createAppendProbabilitiesSettingsModel();
    private final SettingsModelString m_engine = createEngineSettingsModel();

    /**
     * Whether the columns are named as release 0.1 named them ({@code AU01 probability}, {@code AU01 label},
     * {@code P(happiness)}, {@code expression}): workflows saved then keep their column names, until the dialog saves
     * the naming settings.
     */
    private boolean m_legacyNames;

    /** One MAL model input, one table input, one table output. */
    protected AuPredictorNodeModel() {
        super(new PortType[]{MalModelPortObject.TYPE, BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE});
    }

    static SettingsModelString createImageColumnSettingsModel() {
        return new SettingsModelString(CFG_IMAGE_COLUMN, "");
    }

    static SettingsModelIntegerBounded createBatchSizeSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_BATCH_SIZE, 64, 1, 4096);
    }

    // the four naming settings mirror knime-base's PredictorHelper (change prediction, prediction column name, class
    // probability suffix) and its predictors' "append probabilities", with this project's key style
    static SettingsModelBoolean createChangePredictionSettingsModel() {
        return new SettingsModelBoolean(CFG_CHANGE_PREDICTION, false);
    }

    static SettingsModelString createPredictionColumnSettingsModel() {
        final SettingsModelString m = new SettingsModelString(CFG_PREDICTION_COLUMN, predictionColumn(EXPRESSION));
        m.setEnabled(false);
        return m;
    }

    static SettingsModelString createProbabilitySuffixSettingsModel() {
        return new SettingsModelString(CFG_PROBABILITY_SUFFIX, "");
    }

    static SettingsModelBoolean createAppendProbabilitiesSettingsModel() {
        return new SettingsModelBoolean(CFG_APPEND_PROBABILITIES, true);
    }

    static SettingsModelString createEngineSettingsModel() {
        return new SettingsModelString(CFG_ENGINE, NetworkEngines.DEFAULT);
    }

    /** @return KNIME's name of a prediction column, {@code Prediction (target)} */
    public static String predictionColumn(final String target) {
        return "Prediction (" + target + ")";
    }

    /** @return KNIME's name of a probability column, {@code P (target=value)} and the suffix */
    public static String probabilityColumn(final String target, final String value, final String suffix) {
        return "P (" + target + "=" + value + ")" + suffix;
    }

    /** The columns to append, in order, and which of them hold what. */
    private record Appended(DataColumnSpec[] columns, boolean probabilities, boolean expressions, List<String> renamed) {
    }

    /**
     * The appended columns: per AU its probability (when appended) and label, per expression class its probability
     * (when appended), then the predicted expression. A name the input already has gets {@code " (#1)"}, ...
     */
    private Appended appended(final DataTableSpec in, final MalModelPortObjectSpec model)
        throws InvalidSettingsException {
        final boolean probabilities = m_legacyNames || m_appendProbabilities.getBooleanValue();
        final String suffix = m_legacyNames ? "" : m_probabilitySuffix.getStringValue();
        final String expression;
        if (m_legacyNames) {
            expression = EXPRESSION;
        } else if (m_changePrediction.getBooleanValue()) {
            final String custom = m_predictionColumn.getStringValue();
            if (custom == null || custom.trim().isEmpty()) {
                throw new InvalidSettingsException("Prediction column name cannot be empty");
            }
            expression = custom;
        } else {
            expression = predictionColumn(EXPRESSION);
        }
        final UniqueNameGenerator names = new UniqueNameGenerator(in);
        final List<String> renamed = new ArrayList<>();
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final String au : model.getAuNames()) {
            if (probabilities) {
                cols.add(column(names, m_legacyNames ? au + " probability" : probabilityColumn(au, "1", suffix),
                    DoubleCell.TYPE, renamed));
            }
            cols.add(column(names, m_legacyNames ? au + " label" : predictionColumn(au), IntCell.TYPE, renamed));
        }
        // an au-only model's expression head was never trained: only what was trained is predicted
        final boolean expressions = model.predictsExpressions();
        if (probabilities && expressions) {
            for (final String cls : model.getExpressionClasses()) {
                cols.add(column(names, m_legacyNames ? "P(" + cls + ")" : probabilityColumn(EXPRESSION, cls, suffix),
                    DoubleCell.TYPE, renamed));
            }
        }
        if (expressions) {
            cols.add(column(names, expression, StringCell.TYPE, renamed));
        }
        return new Appended(cols.toArray(new DataColumnSpec[0]), probabilities, expressions, renamed);
    }

    private static DataColumnSpec column(final UniqueNameGenerator names, final String name, final DataType type,
        final List<String> renamed) {
        final DataColumnSpec c = names.newColumn(name, type);
        if (!c.getName().equals(name.trim())) {
            renamed.add("\"" + name.trim() + "\" as \"" + c.getName() + "\"");
        }
        return c;
    }

    /** The input spec with the appended columns. */
    private static DataTableSpec outSpec(final DataTableSpec in, final Appended appended) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final DataColumnSpec c : in) {
            cols.add(c);
        }
        cols.addAll(List.of(appended.columns()));
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private void warnRenamed(final Appended appended) {
        if (!appended.renamed().isEmpty()) {
            final String before = getWarningMessage();
            setWarningMessage((before == null ? "" : before + "; ")
                + "The input already has columns of the prediction names; appended "
                + String.join(", ", appended.renamed()));
        }
    }

    /** The image column's name, chosen automatically when unset (the first PNG column, else "image"). */
    private String imageColumn(final DataTableSpec in) throws InvalidSettingsException {
        final String name = m_imageColumn.getStringValue();
        if (name != null && !name.isEmpty()) {
            final int i = in.findColumnIndex(name);
            if (i < 0) {
                throw new InvalidSettingsException("Image column \"" + name + "\" is not in the input table");
            }
            final DataType type = in.getColumnSpec(i).getType();
            if (!type.isCompatible(PNGImageValue.class) && !type.isCompatible(StringValue.class)) {
                throw new InvalidSettingsException("Image column \"" + name + "\" holds " + type
                    + "; it must hold PNG images or absolute image file paths (strings)");
            }
            return name;
        }
        for (final Class<? extends DataValue> c : List.of(PNGImageValue.class, StringValue.class)) {
            for (final DataColumnSpec col : in) {
                if (col.getType().isCompatible(c) && (c == PNGImageValue.class
                    || col.getName().equals(FaceTableLayout.IMAGE_COLUMN))) {
                    m_imageColumn.setStringValue(col.getName());
                    setWarningMessage("Image column \"" + col.getName() + "\" chosen automatically");
                    return col.getName();
                }
            }
        }
        throw new InvalidSettingsException("The input table has no PNG image column and no \""
            + FaceTableLayout.IMAGE_COLUMN + "\" path column; choose the image column");
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = (DataTableSpec)inSpecs[1];
        if (in == null) {
            return new PortObjectSpec[]{null};
        }
        imageColumn(in);
        final MalModelPortObjectSpec model = (MalModelPortObjectSpec)inSpecs[0];
        if (model == null) {
            return new PortObjectSpec[]{null};
        }
        final Appended appended = appended(in, model);
        warnRenamed(appended);
        return new PortObjectSpec[]{outSpec(in, appended)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        return EngineErrors.call(() -> executeGuarded(inObjects, exec));
    }

    private PortObject[] executeGuarded(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final MalModelPortObject port = (MalModelPortObject)inObjects[0];
        final List<String> engineWarnings = new ArrayList<>();
        // a model trained with either engine runs on either (its parameters are engine-neutral)
        final MalModel model = port.getModel().onEngine(NetworkEngines.usable(m_engine.getStringValue(),
            port.getModel().header().network(), engineWarnings::add));

        final MalModelPortObjectSpec ms = port.getSpec();
        final BufferedDataTable in = (BufferedDataTable)inObjects[1];
        final DataTableSpec spec = in.getDataTableSpec();
        final String imageName = imageColumn(spec);
        final int image = spec.findColumnIndex(imageName);
        final boolean paths = !spec.getColumnSpec(image).getType().isCompatible(PNGImageValue.class);
        final Appended appended = appended(spec, ms);
        final DataTableSpec outSpec = outSpec(spec, appended);
        final int batch = m_batchSize.getIntValue();
        final BufferedDataContainer out = exec.createDataContainer(outSpec);
        final long total = in.size();
        final int[] missing = {0, 0};
        final List<DataRow> rows = new ArrayList<>(batch);
        long done = 0;
        for (final DataRow row : in) {
            rows.add(row);
            if (rows.size() == batch) {
                exec.checkCanceled();
                predictBatch(model, ms, appended, rows, image, paths, out, missing);
                done += rows.size();
                rows.clear();
                final long d = done;
                exec.setProgress(d / (double)Math.max(1, total), () -> "Predicted " + d + " of " + total + " rows");
            }
        }
        if (!rows.isEmpty()) {
            exec.checkCanceled();
            predictBatch(model, ms, appended, rows, image, paths, out, missing);
            done += rows.size();
            exec.setProgress(1.0, "Predicted " + done + " of " + total + " rows");
        }
        out.close();
        final List<String> w = new ArrayList<>();
        if (!appended.renamed().isEmpty()) {
            w.add("The input already has columns of the prediction names; appended "
                + String.join(", ", appended.renamed()));
        }
        if (missing[0] > 0) {
            w.add(missing[0] + " rows have a missing image");
        }
        if (missing[1] > 0) {
            w.add(missing[1] + " rows have an unreadable image (see the log)");
        }
        if (!w.isEmpty()) {
            engineWarnings.add(String.join("; ", w) + "; their prediction cells are missing");
        }
        if (!engineWarnings.isEmpty()) {
            final String msg = String.join("; ", engineWarnings);
            LOGGER.warn(msg);
            setWarningMessage(msg);
        }
        return new PortObject[]{out.getTable()};
    }

    private static void predictBatch(final MalModel model, final MalModelPortObjectSpec ms, final Appended cols,
        final List<DataRow> rows, final int image, final boolean paths, final BufferedDataContainer out,
        final int[] missing) {
        final List<float[]> crops = new ArrayList<>();
        final String[] reasons = new String[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            final DataRow row = rows.get(k);
            final DataCell cell = row.getCell(image);
            if (cell.isMissing()) {
                reasons[k] = "missing image";
                missing[0]++;
                continue;
            }
            try {
                crops.add(ImageCrops.crop(cell, paths, ms.getInputSize(), ms.getChannels(), "Input table",
                    row.getKey().getString()));
            } catch (InvalidSettingsException | RuntimeException e) {
                LOGGER.warn("Row \"" + row.getKey() + "\": no prediction: " + e.getMessage());
                reasons[k] = "unreadable image";
                missing[1]++;
            }
        }
        final List<FacePrediction> predictions =
            crops.isEmpty() ? List.of() : model.predict(crops, Math.max(1, crops.size()));
        final int appended = cols.columns().length;
        int p = 0;
        for (int k = 0; k < rows.size(); k++) {
            final DataRow row = rows.get(k);
            final DataCell[] cells = new DataCell[row.getNumCells() + appended];
            for (int i = 0; i < row.getNumCells(); i++) {
                cells[i] = row.getCell(i);
            }
            int c = row.getNumCells();
            if (reasons[k] != null) {
                for (int j = 0; j < appended; j++) {
                    cells[c++] = new MissingCell(reasons[k]);
                }
            } else {
                final FacePrediction f = predictions.get(p++);
                for (int j = 0; j < f.auProbabilities().length; j++) {
                    if (cols.probabilities()) {
                        cells[c++] = new DoubleCell(f.auProbabilities()[j]);
                    }
                    cells[c++] = new IntCell(f.auPresent()[j]);
                }
                if (cols.expressions()) {
                    if (cols.probabilities()) {
                        for (final float q : f.expressionProbabilities()) {
                            cells[c++] = new DoubleCell(q);
                        }
                    }
                    cells[c] = new StringCell(ms.getExpressionClasses().get(f.expression()));
                }
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
        }
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    /** The naming settings, added after release 0.1. */
    private List<org.knime.core.node.defaultnodesettings.SettingsModel> namingSettings() {
        return List.of(m_changePrediction, m_predictionColumn, m_probabilitySuffix, m_appendProbabilities);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_imageColumn.saveSettingsTo(settings);
        m_batchSize.saveSettingsTo(settings);
        m_engine.saveSettingsTo(settings);
        if (!m_legacyNames) {
            // left out for an old workflow, so that it keeps its column names when saved and loaded again
            namingSettings().forEach(m -> m.saveSettingsTo(settings));
        }
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_imageColumn.validateSettings(settings);
        m_batchSize.validateSettings(settings);
        if (settings.containsKey(CFG_ENGINE)) {
            final SettingsModelString engine = createEngineSettingsModel();
            engine.loadSettingsFrom(settings);
            if (!NetworkEngines.NAMES.contains(engine.getStringValue())) {
                throw new InvalidSettingsException(
                    "Network engine \"" + engine.getStringValue() + "\" is none of " + NetworkEngines.NAMES);
            }
        }
        if (settings.containsKey(CFG_CHANGE_PREDICTION)) {
            for (final var m : namingSettings()) {
                m.validateSettings(settings);
            }
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_imageColumn.loadSettingsFrom(settings);
        m_batchSize.loadSettingsFrom(settings);
        // workflows saved before the engine choice ran on DL4J and keep it, so that they give the results they gave
        if (settings.containsKey(CFG_ENGINE)) {
            m_engine.loadSettingsFrom(settings);
        } else {
            m_engine.setStringValue(EngineChoice.OLD_WORKFLOWS);
        }
        m_legacyNames = !settings.containsKey(CFG_CHANGE_PREDICTION);
        if (!m_legacyNames) {
            for (final var m : namingSettings()) {
                m.loadSettingsFrom(settings);
            }
        }
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the output table is all there is; KNIME saves it
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the output table is all there is; KNIME saves it
    }
}
