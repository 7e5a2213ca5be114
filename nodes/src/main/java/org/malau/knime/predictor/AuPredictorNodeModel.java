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
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;
import org.malau.knime.common.ImageCrops;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.model.FacePrediction;
import org.malau.model.MalModel;

/**
 * Applies a MAL model to the images of a table: appends per AU its probability and its 0/1 label (by
 * the model's tuned thresholds), one probability per expression class and the predicted expression.
 * Rows whose image is missing or unreadable get missing cells and are counted in a warning.
 */
public class AuPredictorNodeModel extends NodeModel {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(AuPredictorNodeModel.class);

    /** Suffix of the AU probability columns ({@code AU01 probability}). */
    public static final String PROBABILITY_SUFFIX = " probability";

    /** Suffix of the AU label columns ({@code AU01 label}), the AU Scorer's default prediction suffix. */
    public static final String LABEL_SUFFIX = " label";

    /** The predicted expression column. */
    public static final String EXPRESSION_COLUMN = "expression";

    static final String CFG_IMAGE_COLUMN = "image_column";

    static final String CFG_BATCH_SIZE = "batch_size";

    private final SettingsModelString m_imageColumn = createImageColumnSettingsModel();
    private final SettingsModelIntegerBounded m_batchSize = createBatchSizeSettingsModel();

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

    /** The name of the probability column of each expression class. */
    static String expressionProbabilityColumn(final String cls) {
        return "P(" + cls + ")";
    }

    /** The appended columns: per AU probability and label, per class P(class), then the expression. */
    static DataColumnSpec[] appendedColumns(final MalModelPortObjectSpec model) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final String au : model.getAuNames()) {
            cols.add(new DataColumnSpecCreator(au + PROBABILITY_SUFFIX, DoubleCell.TYPE).createSpec());
            cols.add(new DataColumnSpecCreator(au + LABEL_SUFFIX, IntCell.TYPE).createSpec());
        }
        for (final String cls : model.getExpressionClasses()) {
            cols.add(new DataColumnSpecCreator(expressionProbabilityColumn(cls), DoubleCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator(EXPRESSION_COLUMN, StringCell.TYPE).createSpec());
        return cols.toArray(new DataColumnSpec[0]);
    }

    /**
     * The input spec with the appended columns; an appended name that the input already has (e.g. the
     * truth column {@code expression} of a face table) gets the suffix {@code " (#1)"}, {@code " (#2)"}, ...
     */
    static DataTableSpec outSpec(final DataTableSpec in, final MalModelPortObjectSpec model) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final DataColumnSpec c : in) {
            cols.add(c);
        }
        for (final DataColumnSpec c : appendedColumns(model)) {
            String name = c.getName();
            for (int n = 1; in.containsName(name); n++) {
                name = c.getName() + " (#" + n + ")";
            }
            cols.add(new DataColumnSpecCreator(name, c.getType()).createSpec());
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
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
        return new PortObjectSpec[]{model == null ? null : outSpec(in, model)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        return EngineErrors.call(() -> executeGuarded(inObjects, exec));
    }

    private PortObject[] executeGuarded(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final MalModelPortObject port = (MalModelPortObject)inObjects[0];
        final MalModel model = port.getModel();
        final MalModelPortObjectSpec ms = port.getSpec();
        final BufferedDataTable in = (BufferedDataTable)inObjects[1];
        final DataTableSpec spec = in.getDataTableSpec();
        final String imageName = imageColumn(spec);
        final int image = spec.findColumnIndex(imageName);
        final boolean paths = !spec.getColumnSpec(image).getType().isCompatible(PNGImageValue.class);
        final DataTableSpec outSpec = outSpec(spec, ms);
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
                predictBatch(model, ms, rows, image, paths, out, missing);
                done += rows.size();
                rows.clear();
                final long d = done;
                exec.setProgress(d / (double)Math.max(1, total), () -> "Predicted " + d + " of " + total + " rows");
            }
        }
        if (!rows.isEmpty()) {
            exec.checkCanceled();
            predictBatch(model, ms, rows, image, paths, out, missing);
            done += rows.size();
            exec.setProgress(1.0, "Predicted " + done + " of " + total + " rows");
        }
        out.close();
        final List<String> w = new ArrayList<>();
        if (missing[0] > 0) {
            w.add(missing[0] + " rows have a missing image");
        }
        if (missing[1] > 0) {
            w.add(missing[1] + " rows have an unreadable image (see the log)");
        }
        if (!w.isEmpty()) {
            final String msg = String.join("; ", w) + "; their prediction cells are missing";
            LOGGER.warn(msg);
            setWarningMessage(msg);
        }
        return new PortObject[]{out.getTable()};
    }

    private static void predictBatch(final MalModel model, final MalModelPortObjectSpec ms, final List<DataRow> rows,
        final int image, final boolean paths, final BufferedDataContainer out, final int[] missing) {
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
        final int appended = appendedColumns(ms).length;
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
                    cells[c++] = new DoubleCell(f.auProbabilities()[j]);
                    cells[c++] = new IntCell(f.auPresent()[j]);
                }
                for (final float q : f.expressionProbabilities()) {
                    cells[c++] = new DoubleCell(q);
                }
                cells[c] = new StringCell(ms.getExpressionClasses().get(f.expression()));
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
        }
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_imageColumn.saveSettingsTo(settings);
        m_batchSize.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_imageColumn.validateSettings(settings);
        m_batchSize.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_imageColumn.loadSettingsFrom(settings);
        m_batchSize.loadSettingsFrom(settings);
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
