package org.malau.knime.fereader;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

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
import org.malau.data.readers.AffectNetReader;
import org.malau.data.readers.DatasetFormat;
import org.malau.data.readers.ReaderOptions;
import org.malau.io.SafeOutputs;
import org.malau.knime.common.DatasetReading;
import org.malau.knime.common.DatasetSettings;
import org.malau.knime.common.SettingsList;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;

/**
 * Reads an expression-labelled data set (RAF-DB, AffectNet, FER2013, generic CSV) with the engine's
 * readers into a table of image paths and expression labels. FER2013 stores pixels, not files: its
 * faces are written as PNG files so that the table has the same image path column as every other
 * source and downstream nodes need one code path only.
 */
public class ExpressionDatasetReaderNodeModel extends NodeModel {
    /** The formats this node offers; AU data sets have their own reader node. */
    static final DatasetFormat[] FORMATS =
        {DatasetFormat.RAFDB, DatasetFormat.AFFECTNET, DatasetFormat.FER2013, DatasetFormat.GENERIC_CSV};

    /** Folder created beside {@code fer2013.csv} when no PNG folder is set. */
    static final String DEFAULT_PNG_FOLDER = "fer2013_png";

    private static final NodeLogger LOGGER = NodeLogger.getLogger(ExpressionDatasetReaderNodeModel.class);

    private static final String CFG_FORMAT = "format";
    private static final String CFG_LOCATION = "location";
    private static final String CFG_PARTITION = "partition";
    private static final String CFG_IMAGE_PATTERN = "image_pattern";
    private static final String CFG_MISSING_IMAGES = "missing_images";
    private static final String CFG_KEEP_NON_EXPRESSIONS = "keep_non_expression_labels";
    private static final String CFG_PNG_FOLDER = "pixel_image_folder";

    private final SettingsModelString m_format = createFormatSettingsModel();
    private final SettingsModelString m_location = createLocationSettingsModel();
    private final SettingsModelString m_partition = createPartitionSettingsModel();
    private final SettingsModelString m_imagePattern = createImagePatternSettingsModel();
    private final SettingsModelString m_missingImages = createMissingImagesSettingsModel();
    private final SettingsModelBoolean m_keepNonExpressions = createKeepNonExpressionsSettingsModel();
    private final SettingsModelString m_pngFolder = createPngFolderSettingsModel();

    /** Every setting, saved, validated and loaded in this order. */
    private final SettingsList m_settings = new SettingsList(List.of(m_format, m_location, m_partition, m_imagePattern,
        m_missingImages, m_keepNonExpressions, m_pngFolder), List.of());

    /** No input, one output table. */
    protected ExpressionDatasetReaderNodeModel() {
        super(0, 1);
    }

    static SettingsModelString createFormatSettingsModel() {
        return new SettingsModelString(CFG_FORMAT, DatasetFormat.RAFDB.name());
    }

    static SettingsModelString createLocationSettingsModel() {
        return new SettingsModelString(CFG_LOCATION, "");
    }

    static SettingsModelString createPartitionSettingsModel() {
        return new SettingsModelString(CFG_PARTITION, "");
    }

    static SettingsModelString createImagePatternSettingsModel() {
        return new SettingsModelString(CFG_IMAGE_PATTERN, "");
    }

    static SettingsModelString createMissingImagesSettingsModel() {
        return new SettingsModelString(CFG_MISSING_IMAGES, DatasetSettings.MISSING_FAIL);
    }

    static SettingsModelBoolean createKeepNonExpressionsSettingsModel() {
        return new SettingsModelBoolean(CFG_KEEP_NON_EXPRESSIONS, false);
    }

    static SettingsModelString createPngFolderSettingsModel() {
        return new SettingsModelString(CFG_PNG_FOLDER, "");
    }

    private record Resolved(DatasetFormat format, Path location, ReaderOptions options) {
    }

    private Resolved resolve() throws InvalidSettingsException {
        final DatasetFormat format = DatasetSettings.format(m_format.getStringValue(), FORMATS);
        final Boolean mustBeFile = switch (format) {
            case GENERIC_CSV -> Boolean.TRUE;
            case FER2013 -> null;
            default -> Boolean.FALSE;
        };
        final Path location = DatasetSettings.location(m_location.getStringValue(), mustBeFile, format.displayName());
        final String partition = m_partition.getStringValue() == null ? "" : m_partition.getStringValue().trim();
        checkPartition(format, partition);
        final ReaderOptions options = ReaderOptions.builder().partition(partition)
            .imagePattern(format == DatasetFormat.FER2013 ? null : m_imagePattern.getStringValue())
            .missingImages(DatasetSettings.missingImagePolicy(m_missingImages.getStringValue()))
            .keepNonExpressionLabels(m_keepNonExpressions.getBooleanValue()).build();
        return new Resolved(format, location, options);
    }

    private static void checkPartition(final DatasetFormat format, final String partition)
        throws InvalidSettingsException {
        if (partition.isEmpty()) {
            return;
        }
        final List<String> known = switch (format) {
            case RAFDB -> List.of("train", "test");
            case AFFECTNET -> AffectNetReader.PARTITIONS;
            // FER2013's Usage values are free text in the file; the reader notes when none matches
            case FER2013 -> null;
            default -> List.of();
        };
        if (known != null && !known.contains(partition.toLowerCase(Locale.ROOT))) {
            throw new InvalidSettingsException(known.isEmpty()
                ? format.displayName() + " has no partitions; clear the partition setting (was '" + partition + "')"
                : format.displayName() + " partition '" + partition + "' is unknown; expected one of " + known
                    + " or empty for all");
        }
    }

    /** The table layout: expression-only, so no AU columns; AffectNet's landmarks are kept for face alignment. */
    static FaceTableLayout layout(final DatasetFormat format) {
        return new FaceTableLayout(new int[0], false, StringCell.TYPE, format == DatasetFormat.AFFECTNET);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{layout(resolve().format()).createSpec()};
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
        final FaceTableLayout layout = layout(r.format());
        final BufferedDataContainer out = exec.createDataContainer(layout.createSpec());
        final List<FaceRecord> records = read.records();
        Path pngFolder = null;
        int noExpression = 0;
        // The PNGs are written beside their names and moved into place only when the whole table was read.
        try (SafeOutputs pngs = new SafeOutputs(List.of())) {
            for (int i = 0; i < records.size(); i++) {
                exec.checkCanceled();
                final FaceRecord rec = records.get(i);
                final String image;
                if (rec.image() instanceof FaceRecord.ImageFile file) {
                    image = file.path().toString();
                } else {
                    if (pngFolder == null) {
                        pngFolder = pngFolder(r.location(), pngs);
                    }
                    final Path png = pngFolder.resolve(rec.id() + ".png");
                    writePng((FaceRecord.GreyPixels)rec.image(), pngs.file(png, "FER2013: folder for pixel images"));
                    image = png.toString();
                }
                if (rec.expression() == null) {
                    noExpression++;
                }
                out.addRowToTable(
                    new DefaultRow(RowKey.createRowKey((long)i), layout.createCells(rec, new StringCell(image))));
                exec.setProgress((i + 1) / (double)records.size(), "Row " + (i + 1) + " of " + records.size());
            }
            pngs.commit();
        }
        out.close();
        final List<String> more = new ArrayList<>();
        if (records.isEmpty()) {
            more.add("No faces read from " + r.location());
        }
        if (noExpression > 0) {
            more.add(noExpression + " face(s) have no expression label (missing cells)");
        }
        if (pngFolder != null) {
            more.add(records.size() + " " + r.format().displayName() + " face(s) written as PNG files to " + pngFolder);
        }
        final String warning = DatasetReading.warning(read.report(), more);
        if (warning != null) {
            LOGGER.warn(warning);
            setWarningMessage(warning);
        }
        return new BufferedDataTable[]{out.getTable()};
    }

    /** The PNG folder setting, or {@value #DEFAULT_PNG_FOLDER} beside the CSV; created if needed. */
    private Path pngFolder(final Path location, final SafeOutputs pngs) throws IOException {
        final String set = m_pngFolder.getStringValue();
        final Path folder;
        if (set != null && !set.isBlank()) {
            folder = Path.of(set.trim());
        } else {
            final Path csvFolder = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
            folder = csvFolder.resolve(DEFAULT_PNG_FOLDER);
        }
        try {
            return pngs.folder(folder, "FER2013: folder for pixel images");
        } catch (IOException e) {
            throw new IOException("Cannot create the folder for FER2013's face images, " + folder
                + "; set 'FER2013: folder for pixel images' to a writable folder: " + e.getMessage(), e);
        }
    }

    /** Writes 8-bit grey pixels losslessly; ImageIO's PNG writer is part of every JDK. */
    private static Path writePng(final FaceRecord.GreyPixels pixels, final Path file) throws IOException {
        final BufferedImage img = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, pixels.width(), pixels.height(), pixels.pixels());
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("This Java has no PNG writer; cannot write " + file);
        }
        return file;
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
        final SettingsModelString partition = createPartitionSettingsModel();
        partition.loadSettingsFrom(settings);
        checkPartition(DatasetSettings.format(format.getStringValue(), FORMATS),
            partition.getStringValue() == null ? "" : partition.getStringValue().trim());
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
