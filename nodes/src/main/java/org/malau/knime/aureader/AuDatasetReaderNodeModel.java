package org.malau.knime.aureader;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
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
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.malau.data.FaceRecord;
import org.malau.data.readers.DatasetFormat;
import org.malau.data.readers.ReaderOptions;
import org.malau.knime.common.DatasetReading;
import org.malau.knime.common.DatasetSettings;
import org.malau.knime.common.SettingsList;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;

/**
 * Reads an AU-labelled data set (BP4D, DISFA, generic CSV) with the engine's readers into a table of
 * image paths and AU labels; unknown labels stay missing cells.
 */
public class AuDatasetReaderNodeModel extends NodeModel {
    /** The formats this node offers; the expression formats have their own reader node. */
    static final DatasetFormat[] FORMATS = {DatasetFormat.BP4D, DatasetFormat.DISFA, DatasetFormat.GENERIC_CSV};

    private static final NodeLogger LOGGER = NodeLogger.getLogger(AuDatasetReaderNodeModel.class);

    private static final String CFG_FORMAT = "format";
    private static final String CFG_LOCATION = "location";
    private static final String CFG_AU_CODES = "au_codes";
    private static final String CFG_AU_INTENSITIES = "au_intensities";
    private static final String CFG_IMAGE_PATTERN = "image_pattern";
    private static final String CFG_MISSING_IMAGES = "missing_images";

    private final SettingsModelString m_format = createFormatSettingsModel();
    private final SettingsModelString m_location = createLocationSettingsModel();
    private final SettingsModelString m_auCodes = createAuCodesSettingsModel();
    private final SettingsModelBoolean m_auIntensities = createAuIntensitiesSettingsModel();
    private final SettingsModelString m_imagePattern = createImagePatternSettingsModel();
    private final SettingsModelString m_missingImages = createMissingImagesSettingsModel();

    /** Every setting, saved, validated and loaded in this order. */
    private final SettingsList m_settings = new SettingsList(List.of(m_format, m_location, m_auCodes, m_auIntensities,
        m_imagePattern, m_missingImages), List.of());

    /** No input, one output table. */
    protected AuDatasetReaderNodeModel() {
        super(0, 1);
    }

    static SettingsModelString createFormatSettingsModel() {
        return new SettingsModelString(CFG_FORMAT, DatasetFormat.BP4D.name());
    }

    static SettingsModelString createLocationSettingsModel() {
        return new SettingsModelString(CFG_LOCATION, "");
    }

    static SettingsModelString createAuCodesSettingsModel() {
        return new SettingsModelString(CFG_AU_CODES, "");
    }

    static SettingsModelBoolean createAuIntensitiesSettingsModel() {
        return new SettingsModelBoolean(CFG_AU_INTENSITIES, false);
    }

    static SettingsModelString createImagePatternSettingsModel() {
        return new SettingsModelString(CFG_IMAGE_PATTERN, "");
    }

    static SettingsModelString createMissingImagesSettingsModel() {
        return new SettingsModelString(CFG_MISSING_IMAGES, DatasetSettings.MISSING_FAIL);
    }

    /** Settings checked and resolved against the chosen format; configure and execute share it. */
    private record Resolved(DatasetFormat format, Path location, FaceTableLayout layout, ReaderOptions options) {
    }

    private Resolved resolve() throws InvalidSettingsException {
        final DatasetFormat format = DatasetSettings.format(m_format.getStringValue(), FORMATS);
        final Path location = DatasetSettings.location(m_location.getStringValue(),
            format == DatasetFormat.GENERIC_CSV, format.displayName());
        int[] codes = DatasetSettings.auCodes(m_auCodes.getStringValue());
        if (codes.length == 0) {
            if (format == DatasetFormat.GENERIC_CSV) {
                // the columns must be known before the CSV is opened, so that downstream nodes can be configured
                throw new InvalidSettingsException(
                    "Generic CSV: list the AU columns to read in 'AU codes' (e.g. 1, 2, 4 for AU01, AU02, AU04)");
            }
            codes = format.defaultAuCodes();
        }
        if (format == DatasetFormat.DISFA) {
            checkLabelled(codes, format.defaultAuCodes(), "DISFA");
        }
        final boolean intensities = format == DatasetFormat.DISFA
            || (format == DatasetFormat.GENERIC_CSV && m_auIntensities.getBooleanValue());
        final ReaderOptions options = ReaderOptions.builder().auCodes(codes)
            .imagePattern(m_imagePattern.getStringValue())
            .missingImages(DatasetSettings.missingImagePolicy(m_missingImages.getStringValue()))
            .auIntensities(format == DatasetFormat.GENERIC_CSV && m_auIntensities.getBooleanValue()).build();
        return new Resolved(format, location, new FaceTableLayout(codes, intensities), options);
    }

    private static void checkLabelled(final int[] codes, final int[] labelled, final String dataSet)
        throws InvalidSettingsException {
        for (final int c : codes) {
            if (Arrays.stream(labelled).noneMatch(l -> l == c)) {
                throw new InvalidSettingsException("AU codes: " + dataSet + " does not label AU " + c + "; it labels AUs "
                    + Arrays.toString(labelled));
            }
        }
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{resolve().layout().createSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        return EngineErrors.call(() -> executeGuarded(inData, exec));
    }

    private BufferedDataTable[] executeGuarded(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final Resolved r = resolve();
        exec.setMessage("Reading " + r.format().displayName() + " labels from " + r.location());
        final DatasetReading.Result read = DatasetReading.readAll(r.format(), r.location(), r.options(), exec);
        final BufferedDataContainer out = exec.createDataContainer(r.layout().createSpec());
        final List<FaceRecord> records = read.records();
        long unknownLabels = 0;
        int facesWithoutAu = 0;
        for (int i = 0; i < records.size(); i++) {
            exec.checkCanceled();
            final FaceRecord rec = records.get(i);
            final int unknown = r.layout().unknownAuLabels(rec);
            unknownLabels += unknown;
            if (unknown == r.layout().auCodes().length) {
                facesWithoutAu++;
            }
            if (!(rec.image() instanceof FaceRecord.ImageFile file)) {
                // the AU formats all point at image files; pixel sources belong to the expression reader
                throw new IllegalStateException(r.format().displayName() + " yielded pixels instead of an image file for "
                    + rec.id());
            }
            final String image = file.path().toString();
            out.addRowToTable(
                new DefaultRow(RowKey.createRowKey((long)i), r.layout().createCells(rec, new StringCell(image))));
            exec.setProgress((i + 1) / (double)records.size(), "Row " + (i + 1) + " of " + records.size());
        }
        out.close();
        final List<String> more = new ArrayList<>();
        if (records.isEmpty()) {
            more.add("No faces read from " + r.location());
        }
        if (unknownLabels > 0) {
            more.add(unknownLabels + " AU label(s) are unknown in the data set and left as missing cells"
                + (facesWithoutAu > 0 ? " (" + facesWithoutAu + " face(s) have no known AU label)" : ""));
        }
        final String warning = DatasetReading.warning(read.report(), more);
        if (warning != null) {
            LOGGER.warn(warning);
            setWarningMessage(warning);
        }
        return new BufferedDataTable[]{out.getTable()};
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
        // values that can never work are rejected here; the location is checked in configure, as it may appear later
        final SettingsModelString format = createFormatSettingsModel();
        format.loadSettingsFrom(settings);
        DatasetSettings.format(format.getStringValue(), FORMATS);
        final SettingsModelString codes = createAuCodesSettingsModel();
        codes.loadSettingsFrom(settings);
        DatasetSettings.auCodes(codes.getStringValue());
        final SettingsModelString missing = createMissingImagesSettingsModel();
        missing.loadSettingsFrom(settings);
        DatasetSettings.missingImagePolicy(missing.getStringValue());
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
        // release 0.1 stored the dialogs' texts ("RAF-DB", "Skip and warn"); from now on the ids are stored
        m_format.setStringValue(DatasetSettings.formatId(m_format.getStringValue()));
        m_missingImages.setStringValue(DatasetSettings.missingImagesId(m_missingImages.getStringValue()));
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
