package org.malau.knime.aligner;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
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
import org.malau.face.AlignOptions;
import org.malau.face.AlignStatus;
import org.malau.face.AlignedFace;
import org.malau.face.EyeMethod;
import org.malau.face.FaceAligner;
import org.malau.face.FaceSelection;
import org.malau.face.ImageAlignment;
import org.malau.face.Landmarks;
import org.malau.face.PixelPoint;
import org.malau.knime.common.Choice;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.LocalPaths;
import org.malau.knime.common.SettingsList;
import org.malau.pretrained.FaceApiNetwork;

/**
 * Aligns the faces of an image column (PNG cells or file paths) with the engine's {@link FaceAligner}:
 * from given eye centres or landmarks when the table has them, else by detecting faces. Appends the
 * aligned crop and what the alignment found; one output row per input row, or per face in "all faces" mode.
 */
public class FaceAlignerNodeModel extends NodeModel {
    /** Stored ids of the choices (the dialog shows their texts; release 0.1 stored the texts, which still load). */
    static final String SOURCE_DETECT = LandmarkSource.DETECT.id();
    static final String SOURCE_EYES = LandmarkSource.EYE_COLUMNS.id();
    static final String SOURCE_LANDMARKS = LandmarkSource.LANDMARKS_COLUMN.id();
    static final String MODE_LARGEST = FaceChoice.LARGEST.id();
    static final String MODE_ALL = FaceChoice.ALL.id();
    static final String EYES_LANDMARKS = EyeChoice.LANDMARKS_68.id();
    static final String EYES_CASCADE = EyeChoice.CASCADE.id();

    /** Appended columns. */
    static final String ALIGNED_COLUMN = "aligned face";
    static final String STATUS_COLUMN = "face status";
    static final String MESSAGE_COLUMN = "face message";
    static final String FACE_INDEX_COLUMN = "face index";
    static final String BOX_X_COLUMN = "face x";
    static final String BOX_Y_COLUMN = "face y";
    static final String BOX_WIDTH_COLUMN = "face width";
    static final String BOX_HEIGHT_COLUMN = "face height";
    static final String EYE_LEFT_X_COLUMN = "eye left x";
    static final String EYE_LEFT_Y_COLUMN = "eye left y";
    static final String EYE_RIGHT_X_COLUMN = "eye right x";
    static final String EYE_RIGHT_Y_COLUMN = "eye right y";
    static final String ROLL_COLUMN = "roll";
    static final String SCALE_COLUMN = "scale";
    /** Optional: the 68 landmarks as {@code x1;y1;...;x68;y68}, the format this node's landmark source reads. */
    static final String LANDMARKS68_COLUMN = "face landmarks 68";

    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 512;

    private static final NodeLogger LOGGER = NodeLogger.getLogger(FaceAlignerNodeModel.class);

    private static final String CFG_IMAGE_COLUMN = "image_column";
    private static final String CFG_BASE_FOLDER = "base_folder";
    private static final String CFG_LANDMARK_SOURCE = "landmark_source";
    private static final String CFG_LANDMARKS_COLUMN = "landmarks_column";
    private static final String CFG_EYE_LEFT_X = "eye_left_x_column";
    private static final String CFG_EYE_LEFT_Y = "eye_left_y_column";
    private static final String CFG_EYE_RIGHT_X = "eye_right_x_column";
    private static final String CFG_EYE_RIGHT_Y = "eye_right_y_column";
    private static final String CFG_SIZE = "crop_size";
    private static final String CFG_GREY = "grey";
    private static final String CFG_MODE = "face_mode";
    private static final String CFG_DNN_MODEL = "dnn_model";
    private static final String CFG_FILTER_NO_FACE = "filter_no_face";
    private static final String CFG_EYE_METHOD = "eye_method";
    private static final String CFG_LANDMARKS68 = "append_landmarks68";

    private static final AlignOptions DEFAULTS = AlignOptions.defaults();

    private final SettingsModelString m_imageColumn = createImageColumnSettingsModel();
    private final SettingsModelString m_baseFolder = createBaseFolderSettingsModel();
    private final SettingsModelString m_landmarkSource = createLandmarkSourceSettingsModel();
    private final SettingsModelString m_landmarksColumn = createLandmarksColumnSettingsModel();
    private final SettingsModelString m_eyeLeftX = createEyeLeftXSettingsModel();
    private final SettingsModelString m_eyeLeftY = createEyeLeftYSettingsModel();
    private final SettingsModelString m_eyeRightX = createEyeRightXSettingsModel();
    private final SettingsModelString m_eyeRightY = createEyeRightYSettingsModel();
    private final SettingsModelIntegerBounded m_size = createSizeSettingsModel();
    private final SettingsModelBoolean m_grey = createGreySettingsModel();
    private final SettingsModelString m_mode = createModeSettingsModel();
    private final SettingsModelString m_dnnModel = createDnnModelSettingsModel();
    private final SettingsModelBoolean m_filterNoFace = createFilterNoFaceSettingsModel();
    private final SettingsModelString m_eyeMethod = createEyeMethodSettingsModel();
    private final SettingsModelBoolean m_landmarks68 = createLandmarks68SettingsModel();

    /**
     * Every setting in one list; the eye method and the 68 landmarks came after release 0.1, whose workflows keep the
     * eye cascades and no landmark column.
     */
    private final SettingsList m_settings = new SettingsList(List.of(m_imageColumn, m_baseFolder, m_landmarkSource,
        m_landmarksColumn, m_eyeLeftX, m_eyeLeftY, m_eyeRightX, m_eyeRightY, m_size, m_grey, m_mode, m_dnnModel,
        m_filterNoFace), List.of(
            new SettingsList.Added(CFG_EYE_METHOD, m_eyeMethod, () -> m_eyeMethod.setStringValue(EYES_CASCADE)),
            new SettingsList.Added(CFG_LANDMARKS68, m_landmarks68, () -> m_landmarks68.setBooleanValue(false))));

    /** One table in, the same rows (or one per face) with the alignment appended out. */
    protected FaceAlignerNodeModel() {
        super(1, 1);
    }

    static SettingsModelString createImageColumnSettingsModel() {
        // empty: configure picks the first image column, as KNIME nodes do on first connection
        return new SettingsModelString(CFG_IMAGE_COLUMN, "");
    }

    static SettingsModelString createBaseFolderSettingsModel() {
        return new SettingsModelString(CFG_BASE_FOLDER, "");
    }

    static SettingsModelString createLandmarkSourceSettingsModel() {
        return new SettingsModelString(CFG_LANDMARK_SOURCE, SOURCE_DETECT);
    }

    static SettingsModelString createLandmarksColumnSettingsModel() {
        return new SettingsModelString(CFG_LANDMARKS_COLUMN, "landmarks");
    }

    // the defaults are the column names of the engine's synthetic-face CSV (SynthCsv)
    static SettingsModelString createEyeLeftXSettingsModel() {
        return new SettingsModelString(CFG_EYE_LEFT_X, "eye_imgleft_x");
    }

    static SettingsModelString createEyeLeftYSettingsModel() {
        return new SettingsModelString(CFG_EYE_LEFT_Y, "eye_imgleft_y");
    }

    static SettingsModelString createEyeRightXSettingsModel() {
        return new SettingsModelString(CFG_EYE_RIGHT_X, "eye_imgright_x");
    }

    static SettingsModelString createEyeRightYSettingsModel() {
        return new SettingsModelString(CFG_EYE_RIGHT_Y, "eye_imgright_y");
    }

    static SettingsModelIntegerBounded createSizeSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_SIZE, DEFAULTS.size(), MIN_SIZE, MAX_SIZE);
    }

    static SettingsModelBoolean createGreySettingsModel() {
        return new SettingsModelBoolean(CFG_GREY, DEFAULTS.grey());
    }

    static SettingsModelString createModeSettingsModel() {
        return new SettingsModelString(CFG_MODE, MODE_LARGEST);
    }

    static SettingsModelString createDnnModelSettingsModel() {
        return new SettingsModelString(CFG_DNN_MODEL, "");
    }

    static SettingsModelBoolean createFilterNoFaceSettingsModel() {
        return new SettingsModelBoolean(CFG_FILTER_NO_FACE, false);
    }

    static SettingsModelString createEyeMethodSettingsModel() {
        return new SettingsModelString(CFG_EYE_METHOD, EyeChoice.of(DEFAULTS.eyes()).id());
    }

    static SettingsModelBoolean createLandmarks68SettingsModel() {
        return new SettingsModelBoolean(CFG_LANDMARKS68, false);
    }

    /** How the input is read, resolved against its spec once so that configure and execute agree. */
    private record Resolved(int image, boolean paths, Path baseFolder, LandmarkSource source, int landmarks, int[] eyes,
        AlignOptions options, DataTableSpec outSpec) {
    }

    private Resolved resolve(final DataTableSpec in) throws InvalidSettingsException {
        final String imageName = imageColumn(in);
        final int image = in.findColumnIndex(imageName);
        final DataType type = in.getColumnSpec(image).getType();
        final boolean paths;
        if (type.isCompatible(PNGImageValue.class)) {
            paths = false;
        } else if (type.isCompatible(StringValue.class)) {
            paths = true;
        } else {
            throw new InvalidSettingsException("Image column \"" + imageName + "\" holds " + type
                + "; it must hold PNG images or image file paths (strings)");
        }
        final Path base = baseFolder();
        final LandmarkSource source = Choice.parse(LandmarkSource.values(), m_landmarkSource.getStringValue(),
            "Landmark source");
        int landmarks = -1;
        int[] eyes = null;
        if (source == LandmarkSource.LANDMARKS_COLUMN) {
            landmarks =
                column(in, m_landmarksColumn.getStringValue(), StringValue.class, "Landmarks column", "strings");
        } else if (source == LandmarkSource.EYE_COLUMNS) {
            eyes = new int[]{
                column(in, m_eyeLeftX.getStringValue(), DoubleValue.class, "Image-left eye x column", "numbers"),
                column(in, m_eyeLeftY.getStringValue(), DoubleValue.class, "Image-left eye y column", "numbers"),
                column(in, m_eyeRightX.getStringValue(), DoubleValue.class, "Image-right eye x column", "numbers"),
                column(in, m_eyeRightY.getStringValue(), DoubleValue.class, "Image-right eye y column", "numbers")};
        }
        return new Resolved(image, paths, base, source, landmarks, eyes, options(), outSpec(in, m_landmarks68.getBooleanValue()));
    }

    /** The configured image column, or the first PNG column (else string column) when none is configured yet. */
    private String imageColumn(final DataTableSpec in) throws InvalidSettingsException {
        final String name = m_imageColumn.getStringValue();
        if (name != null && !name.isEmpty()) {
            if (!in.containsName(name)) {
                throw new InvalidSettingsException("Image column \"" + name + "\" is not in the input table");
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
        throw new InvalidSettingsException("The input table has no PNG image or string (file path) column");
    }

    private static int column(final DataTableSpec in, final String name, final Class<? extends DataValue> value,
        final String what, final String holds) throws InvalidSettingsException {
        if (name == null || name.isEmpty()) {
            throw new InvalidSettingsException(what + " is not set");
        }
        final int i = in.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException(what + " \"" + name + "\" is not in the input table");
        }
        if (!in.getColumnSpec(i).getType().isCompatible(value)) {
            throw new InvalidSettingsException(what + " \"" + name + "\" holds " + in.getColumnSpec(i).getType()
                + "; it must hold " + holds);
        }
        return i;
    }

    private Path baseFolder() throws InvalidSettingsException {
        final String s = m_baseFolder.getStringValue();
        if (s == null || s.isBlank()) {
            return null;
        }
        final Path p;
        try {
            p = LocalPaths.resolve(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Base folder: " + e.getMessage(), e);
        }
        if (!p.isAbsolute()) {
            throw new InvalidSettingsException("Base folder \"" + s + "\" must be an absolute path or a URL");
        }
        return p;
    }

    private AlignOptions options() throws InvalidSettingsException {
        final FaceChoice mode = Choice.parse(FaceChoice.values(), m_mode.getStringValue(), "Faces");
        final EyeChoice eyes = Choice.parse(EyeChoice.values(), m_eyeMethod.getStringValue(), "Eye location");
        AlignOptions o;
        try {
            o = DEFAULTS.withSize(m_size.getIntValue()).withGrey(m_grey.getBooleanValue())
                .withSelection(mode.selection()).withEyes(eyes.method());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Face alignment: " + e.getMessage(), e);
        }
        final String model = m_dnnModel.getStringValue();
        if (model != null && !model.isBlank()) {
            final Path p;
            try {
                p = Path.of(model.trim());
            } catch (InvalidPathException e) {
                throw new InvalidSettingsException("Face detector model \"" + model + "\" is no valid path", e);
            }
            if (!Files.isRegularFile(p)) {
                throw new InvalidSettingsException("Face detector model file \"" + model + "\" does not exist");
            }
            o = o.withDnnModel(p);
        }
        return o;
    }

    /** The input columns plus the alignment columns, renamed with a suffix where the input already has the name. */
    private static DataTableSpec outSpec(final DataTableSpec in, final boolean landmarks68) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (final DataColumnSpec c : in) {
            cols.add(c);
        }
        final List<String> taken = new ArrayList<>(List.of(in.getColumnNames()));
        add(cols, taken, ALIGNED_COLUMN, PNGImageCellFactory.TYPE);
        add(cols, taken, STATUS_COLUMN, StringCell.TYPE);
        add(cols, taken, MESSAGE_COLUMN, StringCell.TYPE);
        add(cols, taken, FACE_INDEX_COLUMN, IntCell.TYPE);
        for (final String name : List.of(BOX_X_COLUMN, BOX_Y_COLUMN, BOX_WIDTH_COLUMN, BOX_HEIGHT_COLUMN,
            EYE_LEFT_X_COLUMN, EYE_LEFT_Y_COLUMN, EYE_RIGHT_X_COLUMN, EYE_RIGHT_Y_COLUMN, ROLL_COLUMN, SCALE_COLUMN)) {
            add(cols, taken, name, DoubleCell.TYPE);
        }
        if (landmarks68) {
            add(cols, taken, LANDMARKS68_COLUMN, StringCell.TYPE);
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private static void add(final List<DataColumnSpec> cols, final List<String> taken, final String name,
        final DataType type) {
        String unique = name;
        for (int k = 1; taken.contains(unique); k++) {
            unique = name + " (#" + k + ")";
        }
        taken.add(unique);
        cols.add(new DataColumnSpecCreator(unique, type).createSpec());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{resolve(inSpecs[0]).outSpec()};
    }

    /** What went into and came out of one input row, before it becomes output rows. */
    private record RowInput(ImageAlignment alignment, boolean landmarkFallback) {
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        return EngineErrors.call(() -> executeGuarded(inData, exec));
    }

    private BufferedDataTable[] executeGuarded(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final Resolved r = resolve(inData[0].getDataTableSpec());
        final BufferedDataContainer out = exec.createDataContainer(r.outSpec());
        final Map<AlignStatus, Integer> statuses = new EnumMap<>(AlignStatus.class);
        int fallbacks = 0;
        int filtered = 0;
        int faces = 0;
        final long total = inData[0].size();
        long done = 0;
        AlignOptions options = r.options();
        String eyeWarning = null;
        if (options.eyes() == EyeMethod.LANDMARKS_68 && FaceApiNetwork.unavailableReason() != null) {
            eyeWarning = "eyes located by the eye cascades: the 68-point landmark network cannot run here ("
                + FaceApiNetwork.unavailableReason() + ")";
            options = options.withEyes(EyeMethod.CASCADE);
        }
        final boolean with68 = m_landmarks68.getBooleanValue();
        // one aligner for the whole table: it holds native detectors and is not thread-safe
        try (FaceAligner aligner = new FaceAligner(options)) {
            if (r.options().dnnModel().isPresent()) {
                // a model OpenCV cannot load is the user's error, not the images': fail before the first row
                aligner.prepareDetector();
            }
            for (final DataRow row : inData[0]) {
                exec.checkCanceled();
                final RowInput a = align(aligner, r, row);
                final ImageAlignment result = a.alignment();
                statuses.merge(result.status(), 1, Integer::sum);
                if (a.landmarkFallback()) {
                    fallbacks++;
                }
                if (result.faces().isEmpty()) {
                    if (result.status() == AlignStatus.NO_FACE && m_filterNoFace.getBooleanValue()) {
                        filtered++;
                    } else {
                        out.addRowToTable(new DefaultRow(row.getKey(), cells(row, result, null, with68)));
                    }
                } else {
                    final boolean all = r.options().selection() == FaceSelection.ALL;
                    for (final AlignedFace f : result.faces()) {
                        final RowKey key =
                            all ? new RowKey(row.getKey().getString() + "_face" + f.faceIndex()) : row.getKey();
                        out.addRowToTable(new DefaultRow(key, cells(row, result, f, with68)));
                        faces++;
                    }
                }
                done++;
                exec.setProgress(done / (double)total, "Image " + done + " of " + total);
            }
        }
        out.close();
        final String summary = summary(total, statuses, faces, fallbacks, filtered)
            + (eyeWarning == null ? "" : "; " + eyeWarning);
        final boolean allOk = statuses.keySet().stream().allMatch(s -> s == AlignStatus.OK);
        if (total == 0 || !allOk || fallbacks > 0 || filtered > 0 || eyeWarning != null) {
            LOGGER.warn(summary);
            setWarningMessage(summary);
        } else {
            LOGGER.info(summary);
        }
        return new BufferedDataTable[]{out.getTable()};
    }

    /** E.g. "3 images: 2 OK, 1 NO_FACE; 2 faces; 1 row without usable landmarks went to the detector". */
    static String summary(final long images, final Map<AlignStatus, Integer> statuses, final int faces,
        final int fallbacks, final int filtered) {
        if (images == 0) {
            return "The input table is empty; nothing aligned";
        }
        final StringBuilder b = new StringBuilder().append(images).append(images == 1 ? " image: " : " images: ");
        final List<String> parts = new ArrayList<>();
        statuses.forEach((s, n) -> parts.add(n + " " + s));
        b.append(String.join(", ", parts)).append("; ").append(faces).append(faces == 1 ? " face" : " faces");
        if (fallbacks > 0) {
            b.append("; ").append(fallbacks).append(fallbacks == 1 ? " row" : " rows")
                .append(" without usable landmarks aligned by face detection instead");
        }
        if (filtered > 0) {
            b.append("; ").append(filtered).append(filtered == 1 ? " row" : " rows")
                .append(" without a face filtered out");
        }
        return b.toString();
    }

    /**
     * Aligns one row's image. Never throws for bad data: a missing or unusable image becomes UNREADABLE
     * with a message, missing or unusable landmarks fall back to face detection.
     */
    private static RowInput align(final FaceAligner aligner, final Resolved r, final DataRow row) {
        final String name = row.getKey().getString();
        final DataCell image = row.getCell(r.image());
        if (image.isMissing()) {
            return new RowInput(unreadable(name, "the image cell is missing"), false);
        }
        Landmarks lm = null;
        String landmarkProblem = null;
        if (r.landmarks() >= 0 || r.eyes() != null) {
            try {
                lm = r.eyes() != null ? eyes(row, r.eyes()) : landmarks(row.getCell(r.landmarks()));
            } catch (IllegalArgumentException e) {
                landmarkProblem = e.getMessage();
            }
        }
        final boolean fallback = (r.landmarks() >= 0 || r.eyes() != null) && lm == null;
        try {
            ImageAlignment a;
            if (r.paths()) {
                final Path p;
                try {
                    p = path(((StringValue)image).getStringValue(), r.baseFolder());
                } catch (IllegalArgumentException e) {
                    return new RowInput(unreadable(name, e.getMessage()), fallback);
                }
                a = lm == null ? aligner.align(p) : aligner.alignWithLandmarks(p, List.of(lm));
            } else {
                final byte[] png = ((PNGImageValue)image).getImageContent().getByteArrayReference();
                a = lm == null ? aligner.align(png, name) : aligner.alignWithLandmarks(png, name, List.of(lm));
            }
            if (landmarkProblem != null) {
                // keep the reason the landmarks were not used next to the detector's own result
                final String msg = a.message().isEmpty() ? landmarkProblem : a.message() + "; " + landmarkProblem;
                a = new ImageAlignment(a.source(), a.status(), msg, a.width(), a.height(), a.faces());
            }
            return new RowInput(a, fallback);
        } catch (RuntimeException e) {
            // the engine reports bad images as UNREADABLE itself; this catches what it did not foresee
            return new RowInput(unreadable(name, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()),
                fallback);
        }
    }

    private static ImageAlignment unreadable(final String name, final String message) {
        return new ImageAlignment(name, AlignStatus.UNREADABLE, message, 0, 0, List.of());
    }

    /**
     * Absolute paths and URLs of local files (e.g. {@code knime://knime.workflow/data/photo.jpg}, as KNIME's
     * "Path to String" node writes them) as they are; relative paths against the base folder, because the
     * workflow's own location is not known to the node.
     */
    private static Path path(final String s, final Path base) {
        final Path p = LocalPaths.resolve(s);
        if (p.isAbsolute()) {
            return p;
        }
        if (base == null) {
            throw new IllegalArgumentException("\"" + s + "\" is a relative path and no base folder is set");
        }
        return base.resolve(p);
    }

    /** The eye centres, or null when a cell is missing (the row then goes to the detector). */
    private static Landmarks eyes(final DataRow row, final int[] cols) {
        final double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            final DataCell c = row.getCell(cols[k]);
            if (c.isMissing()) {
                return null;
            }
            v[k] = ((DoubleValue)c).getDoubleValue();
            if (!Double.isFinite(v[k])) {
                throw new IllegalArgumentException("eye coordinate " + v[k] + " is not a number");
            }
        }
        return Landmarks.ofEyes(new PixelPoint(v[0], v[1]), new PixelPoint(v[2], v[3]));
    }

    /** {@code x1;y1;x2;y2;...} with 2, 5, 68, 83, 106 or 189 points, or null when the cell is missing. */
    private static Landmarks landmarks(final DataCell cell) {
        if (cell.isMissing()) {
            return null;
        }
        final String s = ((StringValue)cell).getStringValue().trim();
        final String[] parts = s.isEmpty() ? new String[0] : s.split("\\s*;\\s*");
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException("landmarks: odd number of coordinates (" + parts.length + ")");
        }
        final List<PixelPoint> points = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            try {
                points.add(new PixelPoint(Double.parseDouble(parts[i]), Double.parseDouble(parts[i + 1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    "landmarks: \"" + parts[i] + ";" + parts[i + 1] + "\" is no point", e);
            }
        }
        return Landmarks.of(points);
    }

    /** The input cells plus the alignment cells of {@code face} (null: the row has no face). */
    private static DataCell[] cells(final DataRow row, final ImageAlignment a, final AlignedFace face,
        final boolean landmarks68) {
        final List<DataCell> cells = new ArrayList<>();
        for (final DataCell c : row) {
            cells.add(c);
        }
        final DataCell missing = DataType.getMissingCell();
        cells.add(face == null ? missing : PNGImageCellFactory.create(face.png()));
        cells.add(new StringCell((face == null ? a.status() : face.status()).name()));
        cells.add(a.message() == null || a.message().isEmpty() ? missing : new StringCell(a.message()));
        if (face == null) {
            cells.add(missing);
            for (int k = 0; k < 10; k++) {
                cells.add(missing);
            }
        } else {
            cells.add(new IntCell(face.faceIndex()));
            for (final double v : new double[]{face.box().x(), face.box().y(), face.box().width(), face.box().height(),
                face.eyes().left().x(), face.eyes().left().y(), face.eyes().right().x(), face.eyes().right().y(),
                face.rollDegrees(), face.scale()}) {
                cells.add(new DoubleCell(v));
            }
        }
        if (landmarks68) {
            cells.add(face == null || face.landmarks68() == null ? missing : new StringCell(points(face.landmarks68())));
        }
        return cells.toArray(new DataCell[0]);
    }

    /** {@code x1;y1;x2;y2;...} with one decimal, the format {@link #landmarks} reads. */
    static String points(final List<PixelPoint> points) {
        final StringBuilder b = new StringBuilder();
        for (final PixelPoint p : points) {
            b.append(b.length() == 0 ? "" : ";").append(String.format(java.util.Locale.ROOT, "%.1f;%.1f", p.x(), p.y()));
        }
        return b.toString();
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
        // choices that can never work are rejected here; columns and files are checked in configure
        final SettingsModelString source = createLandmarkSourceSettingsModel();
        source.loadSettingsFrom(settings);
        Choice.parse(LandmarkSource.values(), source.getStringValue(), "Landmark source");
        if (settings.containsKey(CFG_EYE_METHOD)) {
            final SettingsModelString eyes = createEyeMethodSettingsModel();
            eyes.loadSettingsFrom(settings);
            Choice.parse(EyeChoice.values(), eyes.getStringValue(), "Eye location");
        }
        final SettingsModelString mode = createModeSettingsModel();
        mode.loadSettingsFrom(settings);
        Choice.parse(FaceChoice.values(), mode.getStringValue(), "Faces");
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
        // earlier versions stored the dialog's texts; from now on the ids are stored
        m_landmarkSource.setStringValue(
            Choice.parse(LandmarkSource.values(), m_landmarkSource.getStringValue(), "Landmark source").id());
        m_mode.setStringValue(Choice.parse(FaceChoice.values(), m_mode.getStringValue(), "Faces").id());
        m_eyeMethod.setStringValue(Choice.parse(EyeChoice.values(), m_eyeMethod.getStringValue(), "Eye location").id());
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
