package org.malau.knime.expressions;

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
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.malau.data.Expression;
import org.malau.knime.common.ImageCrops;
import org.malau.knime.predictor.AuPredictorNodeModel;
import org.malau.pretrained.FaceApiModels;
import org.malau.pretrained.FaceApiNetwork;

/**
 * Appends the expression probabilities of face crops from face-api.js's pretrained expression network, with no
 * training: one probability per basic expression, named as the AU Predictor names its expression columns, and the
 * most probable expression. Rows whose image is missing or unreadable keep their row with missing cells, counted in
 * a warning.
 */
public class FacialExpressionsNodeModel extends NodeModel {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(FacialExpressionsNodeModel.class);

    static final String CFG_IMAGE_COLUMN = "image_column";

    /** Crops per network call. */
    private static final int BATCH = 32;

    private final SettingsModelString m_imageColumn = createImageColumnSettingsModel();

    /** One table in, the same table with the expression columns out. */
    protected FacialExpressionsNodeModel() {
        super(1, 1);
    }

    static SettingsModelString createImageColumnSettingsModel() {
        return new SettingsModelString(CFG_IMAGE_COLUMN, "");
    }

    /** The appended columns: P(class) per basic expression, then the most probable one. */
    static List<DataColumnSpec> appendedColumns() {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final Expression e : Expression.BASIC7) {
            cols.add(new DataColumnSpecCreator(AuPredictorNodeModel.probabilityColumn(AuPredictorNodeModel.EXPRESSION,
                e.label(), ""), DoubleCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator(AuPredictorNodeModel.predictionColumn(AuPredictorNodeModel.EXPRESSION),
            StringCell.TYPE).createSpec());
        return cols;
    }

    /** The input spec with the appended columns, a name the input already has suffixed " (#1)", " (#2)", ... */
    static DataTableSpec outSpec(final DataTableSpec in) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final DataColumnSpec c : in) {
            cols.add(c);
        }
        for (final DataColumnSpec c : appendedColumns()) {
            String name = c.getName();
            for (int n = 1; in.containsName(name); n++) {
                name = c.getName() + " (#" + n + ")";
            }
            cols.add(new DataColumnSpecCreator(name, c.getType()).createSpec());
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    /** The image column: the configured one, else the first PNG column, else the first string column. */
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
                if (col.getType().isCompatible(c)) {
                    m_imageColumn.setStringValue(col.getName());
                    setWarningMessage("Image column \"" + col.getName() + "\" chosen automatically");
                    return col.getName();
                }
            }
        }
        throw new InvalidSettingsException("The input table has no PNG image column and no string (file path) column");
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        imageColumn(inSpecs[0]);
        return new DataTableSpec[]{outSpec(inSpecs[0])};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final String why = FaceApiNetwork.unavailableReason();
        if (why != null) {
            throw new InvalidSettingsException("The pretrained expression network cannot run here: " + why);
        }
        final FaceApiNetwork net = FaceApiNetwork.get(FaceApiModels.Net.EXPRESSION);
        final BufferedDataTable in = inData[0];
        final DataTableSpec spec = in.getDataTableSpec();
        final int image = spec.findColumnIndex(imageColumn(spec));
        final boolean paths = !spec.getColumnSpec(image).getType().isCompatible(PNGImageValue.class);
        final BufferedDataContainer out = exec.createDataContainer(outSpec(spec));
        final int[] missing = {0, 0};
        final List<DataRow> rows = new ArrayList<>(BATCH);
        final long total = in.size();
        long done = 0;
        for (final DataRow row : in) {
            rows.add(row);
            if (rows.size() == BATCH) {
                exec.checkCanceled();
                predict(net, rows, image, paths, out, missing);
                done += rows.size();
                rows.clear();
                final long d = done;
                exec.setProgress(d / (double)Math.max(1, total), () -> "Rated " + d + " of " + total + " faces");
            }
        }
        if (!rows.isEmpty()) {
            exec.checkCanceled();
            predict(net, rows, image, paths, out, missing);
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
            final String msg = String.join("; ", w) + "; their expression cells are missing";
            LOGGER.warn(msg);
            setWarningMessage(msg);
        }
        return new BufferedDataTable[]{out.getTable()};
    }

    private static void predict(final FaceApiNetwork net, final List<DataRow> rows, final int image,
        final boolean paths, final BufferedDataContainer out, final int[] missing) {
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
                crops.add(ImageCrops.crop(cell, paths, FaceApiNetwork.SIZE, 3, "Input table", row.getKey().getString()));
            } catch (InvalidSettingsException | RuntimeException e) {
                LOGGER.warn("Row \"" + row.getKey() + "\": no expressions: " + e.getMessage());
                reasons[k] = "unreadable image";
                missing[1]++;
            }
        }
        final float[][] p = crops.isEmpty() ? new float[0][] : net.basicExpressions(crops);
        final int appended = Expression.BASIC7.length + 1;
        int next = 0;
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
                final float[] q = p[next++];
                int best = 0;
                for (int j = 0; j < q.length; j++) {
                    cells[c++] = new DoubleCell(q[j]);
                    best = q[j] > q[best] ? j : best;
                }
                cells[c] = new StringCell(Expression.BASIC7[best].label());
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
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_imageColumn.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_imageColumn.loadSettingsFrom(settings);
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
