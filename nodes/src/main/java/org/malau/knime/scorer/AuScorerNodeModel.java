package org.malau.knime.scorer;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.malau.data.AuLabels;
import org.malau.eval.AuDetectionScores;
import org.malau.knime.common.AuColumns;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;
import org.malau.knime.predictor.AuPredictorNodeModel;

/**
 * Scores predicted AU labels against true ones with the engine's {@link AuDetectionScores}. Truth and prediction
 * columns are chosen with column filters over the number columns and paired by the AU read from their names
 * ({@code AU01} with {@code Prediction (AU01)}). Missing truth cells are unknown labels (skipped and counted, never
 * 0); rows with a missing prediction are skipped for that AU and counted. When an expression truth and prediction
 * column are chosen, the expression accuracy is computed too. As KNIME's scorers do, the figures are pushed as flow
 * variables (mean AU F1, expression accuracy), e.g. for parameter optimization loops.
 */
public class AuScorerNodeModel extends NodeModel {
    /** Output columns. */
    static final String AU_COLUMN = "AU";
    static final String TP_COLUMN = "TP";
    static final String FP_COLUMN = "FP";
    static final String FN_COLUMN = "FN";
    static final String TN_COLUMN = "TN";
    static final String PRECISION_COLUMN = "precision";
    static final String RECALL_COLUMN = "recall";
    static final String F1_COLUMN = "F1";
    static final String SUPPORT_COLUMN = "support";
    static final String LABELED_COLUMN = "labeled";
    static final String UNKNOWN_COLUMN = "unknown truth skipped";
    static final String MISSING_PREDICTION_COLUMN = "missing predictions skipped";
    /** AU cell and row ID of the last row, the average over the AUs. */
    static final String AVERAGE_ROW = "average";

    private static final NodeLogger LOGGER = NodeLogger.getLogger(AuScorerNodeModel.class);

    /** Flow variables pushed (after the prefix), as KNIME's scorers push theirs. */
    static final String MEAN_F1_VARIABLE = "mean AU F1";
    static final String EXPRESSION_ACCURACY_VARIABLE = "expression accuracy";

    private static final String CFG_TRUTH_COLUMNS = "truth_columns";
    private static final String CFG_PREDICTION_COLUMNS = "prediction_columns";
    private static final String CFG_EXPRESSION_TRUTH = "expression_truth_column";
    private static final String CFG_EXPRESSION_PREDICTION = "expression_prediction_column";
    private static final String CFG_VARIABLE_PREFIX = "flow_variable_prefix";

    /** Release 0.1 matched columns by name: {@code <prefix>AU<digits><suffix>}; still read from older workflows. */
    private static final String[] LEGACY_KEYS = {"truth_prefix", "truth_suffix", "prediction_prefix",
        "prediction_suffix"};

    private final SettingsModelColumnFilter2 m_truthColumns = createTruthColumnsSettingsModel();
    private final SettingsModelColumnFilter2 m_predictionColumns = createPredictionColumnsSettingsModel();
    private final SettingsModelString m_expressionTruth = createExpressionTruthSettingsModel();
    private final SettingsModelString m_expressionPrediction = createExpressionPredictionSettingsModel();
    private final SettingsModelString m_variablePrefix = createVariablePrefixSettingsModel();

    /**
     * The name patterns of a workflow saved by release 0.1 (truth prefix and suffix, prediction prefix and suffix),
     * until configure has turned them into the column filters' choice; null otherwise.
     */
    private String[] m_legacyPatterns;

    /** One table with truth and prediction columns in, one row per AU plus the average out. */
    protected AuScorerNodeModel() {
        super(1, 1);
    }

    @SuppressWarnings("unchecked") // generic varargs of KNIME's column filter
    static SettingsModelColumnFilter2 createTruthColumnsSettingsModel() {
        // never chosen: configure includes the AU occurrence columns (AU01, ...), as the readers write them
        return new SettingsModelColumnFilter2(CFG_TRUTH_COLUMNS, DoubleValue.class);
    }

    @SuppressWarnings("unchecked") // generic varargs of KNIME's column filter
    static SettingsModelColumnFilter2 createPredictionColumnsSettingsModel() {
        // never chosen: configure includes the AU Predictor's label columns (Prediction (AU01), ...)
        return new SettingsModelColumnFilter2(CFG_PREDICTION_COLUMNS, DoubleValue.class);
    }

    // empty: chosen in configure when the table has them (expression, Prediction (expression)); null: none
    static SettingsModelString createExpressionTruthSettingsModel() {
        return new SettingsModelString(CFG_EXPRESSION_TRUTH, "");
    }

    static SettingsModelString createExpressionPredictionSettingsModel() {
        return new SettingsModelString(CFG_EXPRESSION_PREDICTION, "");
    }

    static SettingsModelString createVariablePrefixSettingsModel() {
        return new SettingsModelString(CFG_VARIABLE_PREFIX, "");
    }

    /** The AU Predictor's label column of an AU, e.g. {@code Prediction (AU01)}. */
    private static boolean isPredictorLabel(final String name) {
        final int code = AuColumns.auCode(name);
        return code >= 0 && name.equals(AuPredictorNodeModel.predictionColumn(AuLabels.columnName(code)));
    }

    /** A release 0.1 pattern: the name is prefix, AU and digits, suffix. */
    private static Predicate<String> legacyRule(final String prefix, final String suffix) {
        return name -> name.length() >= prefix.length() + suffix.length() && name.startsWith(prefix)
            && name.endsWith(suffix)
            && AuLabels.parseColumnName(name.substring(prefix.length(), name.length() - suffix.length())) > 0;
    }

    /**
     * The matched columns: per AU code (ascending) the truth and prediction column index; the expression columns, -1
     * when not scored.
     */
    private record Resolved(int[] auCodes, int[] truth, int[] predicted, List<String> unscoredTruth,
        int expressionTruth, int expressionPrediction) {
    }

    private Resolved resolve(final DataTableSpec in) throws InvalidSettingsException {
        Predicate<String> truthRule = AuColumns::isOccurrenceName;
        Predicate<String> predictionRule = AuScorerNodeModel::isPredictorLabel;
        if (m_legacyPatterns != null) {
            final String[] p = m_legacyPatterns;
            if (p[0].equals(p[2]) && p[1].equals(p[3])) {
                throw new InvalidSettingsException("Truth and prediction columns have the same prefix \"" + p[0]
                    + "\" and suffix \"" + p[1] + "\"; they must differ (e.g. truth AU01, prediction AU01 label)");
            }
            truthRule = legacyRule(p[0], p[1]);
            predictionRule = legacyRule(p[2], p[3]);
        }
        final String[] truthNames = AuColumns.included(m_truthColumns, in, truthRule, "Truth column", "input table");
        final String[] predictedNames =
            AuColumns.included(m_predictionColumns, in, predictionRule, "Prediction column", "input table");
        // the filters hold the old patterns' choice now
        m_legacyPatterns = null;
        for (final String t : truthNames) {
            if (List.of(predictedNames).contains(t)) {
                throw new InvalidSettingsException("Column \"" + t
                    + "\" is included both as a truth and as a prediction column; exclude it from one of them");
            }
        }
        final Map<Integer, Integer> truth = byCode(AuColumns.codes(in, truthNames, "Truth column"));
        final Map<Integer, Integer> predicted = byCode(AuColumns.codes(in, predictedNames, "Prediction column"));
        final List<String> noTruth = new ArrayList<>();
        for (final Integer au : predicted.keySet()) {
            if (!truth.containsKey(au)) {
                noTruth.add(in.getColumnSpec(predicted.get(au)).getName());
            }
        }
        if (!noTruth.isEmpty()) {
            throw new InvalidSettingsException("No truth column of the same AU for the prediction columns " + noTruth
                + " (include the truth columns; or was the model trained on other AUs than the table has?)");
        }
        final List<String> unscored = new ArrayList<>();
        for (final Map.Entry<Integer, Integer> e : truth.entrySet()) {
            if (!predicted.containsKey(e.getKey())) {
                unscored.add(in.getColumnSpec(e.getValue()).getName());
            }
        }
        final int[] codes = predicted.keySet().stream().mapToInt(Integer::intValue).toArray();
        final int[] t = new int[codes.length];
        final int[] p = new int[codes.length];
        for (int j = 0; j < codes.length; j++) {
            t[j] = truth.get(codes[j]);
            p[j] = predicted.get(codes[j]);
        }
        final int[] expression = expressionColumns(in);
        return new Resolved(codes, t, p, unscored, expression[0], expression[1]);
    }

    /** Column index by AU code, ascending. */
    private static Map<Integer, Integer> byCode(final int[][] indicesAndCodes) {
        final Map<Integer, Integer> out = new TreeMap<>();
        for (int k = 0; k < indicesAndCodes[0].length; k++) {
            out.put(indicesAndCodes[1][k], indicesAndCodes[0][k]);
        }
        return out;
    }

    /**
     * {truth, prediction} indices of the expression columns, -1 each when expressions are not scored. Never chosen
     * (empty): the table's {@code expression} and {@code Prediction (expression)} columns when it has both, which then
     * become the choice.
     */
    private int[] expressionColumns(final DataTableSpec in) throws InvalidSettingsException {
        String truth = m_expressionTruth.getStringValue();
        String predicted = m_expressionPrediction.getStringValue();
        if ("".equals(truth) && "".equals(predicted)) {
            final String t = FaceTableLayout.EXPRESSION_COLUMN;
            final String p = AuPredictorNodeModel.predictionColumn(AuPredictorNodeModel.EXPRESSION);
            if (!isStringColumn(in, t) || !isStringColumn(in, p)) {
                return new int[]{-1, -1};
            }
            m_expressionTruth.setStringValue(t);
            m_expressionPrediction.setStringValue(p);
            truth = t;
            predicted = p;
        }
        final boolean noTruth = truth == null || truth.isEmpty();
        final boolean noPrediction = predicted == null || predicted.isEmpty();
        if (noTruth && noPrediction) {
            return new int[]{-1, -1};
        }
        if (noTruth || noPrediction) {
            throw new InvalidSettingsException("Choose both the expression truth and the expression prediction column, "
                + "or neither (the " + (noTruth ? "truth" : "prediction") + " column is not chosen)");
        }
        return new int[]{stringColumn(in, truth, "Expression truth column"),
            stringColumn(in, predicted, "Expression prediction column")};
    }

    private static boolean isStringColumn(final DataTableSpec in, final String name) {
        return in.containsName(name) && in.getColumnSpec(name).getType().isCompatible(StringValue.class);
    }

    private static int stringColumn(final DataTableSpec in, final String name, final String what)
        throws InvalidSettingsException {
        final int i = in.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException(what + " \"" + name + "\" is not in the input table");
        }
        if (!in.getColumnSpec(i).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException(what + " \"" + name + "\" holds " + in.getColumnSpec(i).getType()
                + "; it must hold expression labels (strings)");
        }
        return i;
    }

    private void pushVariables(final double meanF1, final Resolved r, final double expressionAccuracy) {
        final String prefix = m_variablePrefix.getStringValue() == null ? "" : m_variablePrefix.getStringValue();
        pushFlowVariableDouble(prefix + MEAN_F1_VARIABLE, meanF1);
        if (r.expressionTruth() >= 0) {
            pushFlowVariableDouble(prefix + EXPRESSION_ACCURACY_VARIABLE, expressionAccuracy);
        }
    }

    /** The output spec: the same for every input. */
    static DataTableSpec outSpec() {
        return new DataTableSpec(col(AU_COLUMN, StringCell.TYPE), col(TP_COLUMN, IntCell.TYPE),
            col(FP_COLUMN, IntCell.TYPE), col(FN_COLUMN, IntCell.TYPE), col(TN_COLUMN, IntCell.TYPE),
            col(PRECISION_COLUMN, DoubleCell.TYPE), col(RECALL_COLUMN, DoubleCell.TYPE),
            col(F1_COLUMN, DoubleCell.TYPE), col(SUPPORT_COLUMN, IntCell.TYPE), col(LABELED_COLUMN, IntCell.TYPE),
            col(UNKNOWN_COLUMN, IntCell.TYPE), col(MISSING_PREDICTION_COLUMN, IntCell.TYPE));
    }

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final Resolved r = resolve(inSpecs[0]);
        if (!r.unscoredTruth().isEmpty()) {
            setWarningMessage("Truth columns without predictions are not scored: " + r.unscoredTruth());
        }
        // as KNIME's scorers: placeholders, so that downstream nodes can be configured with the variables
        pushVariables(0, r, 0);
        return new DataTableSpec[]{outSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        return EngineErrors.call(() -> executeGuarded(inData, exec));
    }

    private BufferedDataTable[] executeGuarded(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable in = inData[0];
        final DataTableSpec spec = in.getDataTableSpec();
        final Resolved r = resolve(spec);
        final int auCount = r.auCodes().length;
        final long total = in.size();
        final byte[][] truth = new byte[(int)Math.min(Integer.MAX_VALUE - 8, total)][];
        final byte[][] predicted = new byte[truth.length][];
        final int[] unknown = new int[auCount];
        final int[] missingPredictions = new int[auCount];
        int expressionRows = 0;
        int expressionHits = 0;
        int s = 0;
        for (final DataRow row : in) {
            exec.checkCanceled();
            if (r.expressionTruth() >= 0) {
                final DataCell et = row.getCell(r.expressionTruth());
                final DataCell ep = row.getCell(r.expressionPrediction());
                if (!et.isMissing() && !ep.isMissing()) {
                    expressionRows++;
                    if (((StringValue)et).getStringValue().equals(((StringValue)ep).getStringValue())) {
                        expressionHits++;
                    }
                }
            }
            final byte[] t = new byte[auCount];
            final byte[] p = new byte[auCount];
            for (int j = 0; j < auCount; j++) {
                final DataCell tc = row.getCell(r.truth()[j]);
                final DataCell pc = row.getCell(r.predicted()[j]);
                if (tc.isMissing()) {
                    t[j] = AuLabels.UNKNOWN;
                    unknown[j]++;
                } else if (pc.isMissing()) {
                    t[j] = AuLabels.UNKNOWN;
                    missingPredictions[j]++;
                } else {
                    t[j] = label(tc, row, spec.getColumnSpec(r.truth()[j]).getName());
                }
                p[j] = pc.isMissing() ? 0 : label(pc, row, spec.getColumnSpec(r.predicted()[j]).getName());
            }
            truth[s] = t;
            predicted[s] = p;
            s++;
            exec.setProgress(s / (double)total, "Reading row " + s + " of " + total);
        }
        final AuDetectionScores scores = AuDetectionScores.of(truth, predicted, auCount);
        final BufferedDataContainer c = exec.createDataContainer(outSpec());
        for (int j = 0; j < auCount; j++) {
            final int pos = scores.positives()[j];
            final int tp = scores.truePositives()[j];
            final int fp = scores.falsePositives()[j];
            final int fn = scores.falseNegatives()[j];
            final int tn = scores.trueNegatives()[j];
            final String au = AuLabels.columnName(r.auCodes()[j]);
            c.addRowToTable(new DefaultRow(au, new StringCell(au), new IntCell(tp), new IntCell(fp), new IntCell(fn),
                new IntCell(tn), number(scores.precision()[j]), number(scores.recall()[j]), number(scores.f1()[j]),
                new IntCell(pos), new IntCell(scores.labelled()[j]), new IntCell(unknown[j]),
                new IntCell(missingPredictions[j])));
        }
        final DataCell none = new MissingCell("only the F1 is averaged");
        c.addRowToTable(new DefaultRow(AVERAGE_ROW, new StringCell(AVERAGE_ROW), none, none, none, none, none, none,
            number(scores.averageF1()), none, none, none, none));
        c.close();
        final double accuracy = expressionRows == 0 ? Double.NaN : expressionHits / (double)expressionRows;
        pushVariables(scores.averageF1(), r, accuracy);
        final String w = warning(r, total, missingPredictions);
        setWarningMessage(r.expressionTruth() >= 0 && expressionRows == 0
            ? (w == null ? "" : w + "; ") + "No row has both an expression label and a predicted expression; the "
                + "expression accuracy is undefined (NaN)" : w);
        return new BufferedDataTable[]{c.getTable()};
    }

    private static String warning(final Resolved r, final long rows, final int[] missingPredictions) {
        final List<String> w = new ArrayList<>();
        if (rows == 0) {
            w.add("The input table is empty; every score is missing");
        }
        int missing = 0;
        for (final int m : missingPredictions) {
            missing += m;
        }
        if (missing > 0) {
            w.add(missing + " missing prediction cells were skipped (see column \"" + MISSING_PREDICTION_COLUMN
                + "\")");
        }
        if (!r.unscoredTruth().isEmpty()) {
            w.add("Truth columns without predictions are not scored: " + r.unscoredTruth());
        }
        if (w.isEmpty()) {
            return null;
        }
        final String msg = String.join("; ", w);
        LOGGER.warn(msg);
        return msg;
    }

    /** A 0/1 cell as a label; any other value is an error naming the row and column. */
    private static byte label(final DataCell cell, final DataRow row, final String column) {
        final double v = ((DoubleValue)cell).getDoubleValue();
        if (v == 0) {
            return 0;
        }
        if (v == 1) {
            return 1;
        }
        throw new IllegalArgumentException("Row \"" + row.getKey() + "\", column \"" + column + "\": " + v
            + " is no AU label; labels are 0 or 1 (use the label columns, not probabilities or intensities)");
    }

    private static DataCell number(final double v) {
        return Double.isNaN(v) ? new MissingCell("undefined: no positives") : new DoubleCell(v);
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_truthColumns.saveSettingsTo(settings);
        m_predictionColumns.saveSettingsTo(settings);
        m_expressionTruth.saveSettingsTo(settings);
        m_expressionPrediction.saveSettingsTo(settings);
        m_variablePrefix.saveSettingsTo(settings);
        if (m_legacyPatterns != null) {
            // not yet turned into the filters' choice (that happens in configure): keep them
            for (int k = 0; k < LEGACY_KEYS.length; k++) {
                // as release 0.1 saved them, with their settings models' internals
                new SettingsModelString(LEGACY_KEYS[k], m_legacyPatterns[k]).saveSettingsTo(settings);
            }
        }
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (settings.containsKey(CFG_TRUTH_COLUMNS)) {
            m_truthColumns.validateSettings(settings);
            m_predictionColumns.validateSettings(settings);
            m_expressionTruth.validateSettings(settings);
            m_expressionPrediction.validateSettings(settings);
            m_variablePrefix.validateSettings(settings);
        }
        if (settings.containsKey(LEGACY_KEYS[0]) || !settings.containsKey(CFG_TRUTH_COLUMNS)) {
            for (final String key : LEGACY_KEYS) {
                settings.getString(key);
            }
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        final boolean current = settings.containsKey(CFG_TRUTH_COLUMNS);
        if (current) {
            m_truthColumns.loadSettingsFrom(settings);
            m_predictionColumns.loadSettingsFrom(settings);
            m_expressionTruth.loadSettingsFrom(settings);
            m_expressionPrediction.loadSettingsFrom(settings);
            m_variablePrefix.loadSettingsFrom(settings);
        } else {
            // a workflow of release 0.1: no expression scoring, no prefix, filters chosen from its patterns
            m_truthColumns.loadSettingsFrom(saved(createTruthColumnsSettingsModel()));
            m_predictionColumns.loadSettingsFrom(saved(createPredictionColumnsSettingsModel()));
            m_expressionTruth.setStringValue(null);
            m_expressionPrediction.setStringValue(null);
            m_variablePrefix.setStringValue("");
        }
        if (settings.containsKey(LEGACY_KEYS[0])) {
            final String[] p = new String[LEGACY_KEYS.length];
            for (int k = 0; k < p.length; k++) {
                p[k] = settings.getString(LEGACY_KEYS[k]);
            }
            m_legacyPatterns = p;
        } else {
            m_legacyPatterns = null;
        }
    }

    /** The settings a fresh model saves, to reset a filter to "never chosen". */
    private static org.knime.core.node.NodeSettings saved(final SettingsModelColumnFilter2 fresh) {
        final org.knime.core.node.NodeSettings s = new org.knime.core.node.NodeSettings("fresh");
        fresh.saveSettingsTo(s);
        return s;
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
