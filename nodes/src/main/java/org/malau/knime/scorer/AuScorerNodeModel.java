package org.malau.knime.scorer;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
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
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.malau.data.AuLabels;
import org.malau.eval.AuDetectionScores;
import org.malau.knime.common.EngineErrors;

/**
 * Scores predicted AU labels against true ones with the engine's {@link AuDetectionScores}. Truth and
 * prediction columns are matched by AU code: a column named {@code <prefix>AU<digits><suffix>}, with
 * one prefix/suffix pair for the truth and one for the predictions. Missing truth cells are unknown
 * labels (skipped and counted, never 0); rows with a missing prediction are skipped for that AU and counted.
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
    static final String LABELLED_COLUMN = "labelled";
    static final String UNKNOWN_COLUMN = "unknown truth skipped";
    static final String MISSING_PREDICTION_COLUMN = "missing predictions skipped";
    /** AU cell and row ID of the last row, the average over the AUs. */
    static final String AVERAGE_ROW = "average";

    private static final NodeLogger LOGGER = NodeLogger.getLogger(AuScorerNodeModel.class);

    private static final String CFG_TRUTH_PREFIX = "truth_prefix";
    private static final String CFG_TRUTH_SUFFIX = "truth_suffix";
    private static final String CFG_PREDICTION_PREFIX = "prediction_prefix";
    private static final String CFG_PREDICTION_SUFFIX = "prediction_suffix";

    private static final Pattern AU_CODE = Pattern.compile("AU(\\d+)");

    private final SettingsModelString m_truthPrefix = createTruthPrefixSettingsModel();
    private final SettingsModelString m_truthSuffix = createTruthSuffixSettingsModel();
    private final SettingsModelString m_predictionPrefix = createPredictionPrefixSettingsModel();
    private final SettingsModelString m_predictionSuffix = createPredictionSuffixSettingsModel();

    /** One table with truth and prediction columns in, one row per AU plus the average out. */
    protected AuScorerNodeModel() {
        super(1, 1);
    }

    // the defaults are the reader nodes' occurrence columns (AU01) and the predictor's label columns (AU01 label)
    static SettingsModelString createTruthPrefixSettingsModel() {
        return new SettingsModelString(CFG_TRUTH_PREFIX, "");
    }

    static SettingsModelString createTruthSuffixSettingsModel() {
        return new SettingsModelString(CFG_TRUTH_SUFFIX, "");
    }

    static SettingsModelString createPredictionPrefixSettingsModel() {
        return new SettingsModelString(CFG_PREDICTION_PREFIX, "");
    }

    static SettingsModelString createPredictionSuffixSettingsModel() {
        return new SettingsModelString(CFG_PREDICTION_SUFFIX, " label");
    }

    /** The matched columns: per AU code (ascending) the truth and prediction column index. */
    private record Resolved(int[] auCodes, int[] truth, int[] predicted, List<String> unscoredTruth) {
    }

    private Resolved resolve(final DataTableSpec in) throws InvalidSettingsException {
        final String tp = m_truthPrefix.getStringValue();
        final String ts = m_truthSuffix.getStringValue();
        final String pp = m_predictionPrefix.getStringValue();
        final String ps = m_predictionSuffix.getStringValue();
        if (tp.equals(pp) && ts.equals(ps)) {
            throw new InvalidSettingsException("Truth and prediction columns have the same prefix \"" + tp
                + "\" and suffix \"" + ts + "\"; they must differ (default: truth AU01, prediction AU01 label)");
        }
        final Map<Integer, Integer> truth = columns(in, tp, ts, "Truth");
        final Map<Integer, Integer> predicted = columns(in, pp, ps, "Prediction");
        if (predicted.isEmpty()) {
            throw new InvalidSettingsException("The input table has no prediction column named \"" + pp + "AU<code>"
                + ps + "\" (e.g. \"" + pp + "AU01" + ps + "\")");
        }
        final List<String> noTruth = new ArrayList<>();
        for (final Integer au : predicted.keySet()) {
            if (!truth.containsKey(au)) {
                noTruth.add(in.getColumnSpec(predicted.get(au)).getName());
            }
        }
        if (!noTruth.isEmpty()) {
            throw new InvalidSettingsException("No truth column for the prediction columns " + noTruth + " (expected \""
                + tp + AuLabels.columnName(predicted.keySet().iterator().next()) + ts
                + "\" and so on; a model trained on other AUs than the table has?)");
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
        return new Resolved(codes, t, p, unscored);
    }

    /** Columns named prefix + AU code + suffix, by AU code; a matching name of the wrong type is an error. */
    private static Map<Integer, Integer> columns(final DataTableSpec in, final String prefix, final String suffix,
        final String what) throws InvalidSettingsException {
        final Map<Integer, Integer> out = new TreeMap<>();
        for (int i = 0; i < in.getNumColumns(); i++) {
            final String name = in.getColumnSpec(i).getName();
            if (!name.startsWith(prefix) || !name.endsWith(suffix)
                || name.length() < prefix.length() + suffix.length()) {
                continue;
            }
            final Matcher m = AU_CODE.matcher(name.substring(prefix.length(), name.length() - suffix.length()));
            if (!m.matches()) {
                continue;
            }
            final DataType type = in.getColumnSpec(i).getType();
            if (!type.isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException(what + " column \"" + name + "\" holds " + type
                    + "; it must hold 0/1 numbers (integer, boolean or double)");
            }
            final int code = Integer.parseInt(m.group(1));
            final Integer before = out.put(code, i);
            if (before != null) {
                throw new InvalidSettingsException(what + " columns \"" + in.getColumnSpec(before).getName()
                    + "\" and \"" + name + "\" are both AU " + code);
            }
        }
        return out;
    }

    /** The output spec: the same for every input. */
    static DataTableSpec outSpec() {
        return new DataTableSpec(col(AU_COLUMN, StringCell.TYPE), col(TP_COLUMN, IntCell.TYPE),
            col(FP_COLUMN, IntCell.TYPE), col(FN_COLUMN, IntCell.TYPE), col(TN_COLUMN, IntCell.TYPE),
            col(PRECISION_COLUMN, DoubleCell.TYPE), col(RECALL_COLUMN, DoubleCell.TYPE),
            col(F1_COLUMN, DoubleCell.TYPE), col(SUPPORT_COLUMN, IntCell.TYPE), col(LABELLED_COLUMN, IntCell.TYPE),
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
        int s = 0;
        for (final DataRow row : in) {
            exec.checkCanceled();
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
        setWarningMessage(warning(r, total, missingPredictions));
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
        m_truthPrefix.saveSettingsTo(settings);
        m_truthSuffix.saveSettingsTo(settings);
        m_predictionPrefix.saveSettingsTo(settings);
        m_predictionSuffix.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_truthPrefix.validateSettings(settings);
        m_truthSuffix.validateSettings(settings);
        m_predictionPrefix.validateSettings(settings);
        m_predictionSuffix.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_truthPrefix.loadSettingsFrom(settings);
        m_truthSuffix.loadSettingsFrom(settings);
        m_predictionPrefix.loadSettingsFrom(settings);
        m_predictionSuffix.loadSettingsFrom(settings);
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
