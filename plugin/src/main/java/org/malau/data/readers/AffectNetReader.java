package org.malau.data.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

/**
 * Reads the manually annotated part of AffectNet from its CSV lists:
 *
 * <pre>
 * &lt;root&gt;/training.csv, &lt;root&gt;/validation.csv   (or under &lt;root&gt;/Manually_Annotated_file_lists/)
 * &lt;root&gt;/Manually_Annotated_Images/689/737db2...jpg   the path in column subDirectory_filePath
 * </pre>
 *
 * Columns (found by name): subDirectory_filePath, face_x, face_y, face_width, face_height,
 * facial_landmarks, expression, valence, arousal. Expression 0-7 = Neutral, Happy, Sad, Surprise,
 * Fear, Disgust, Anger, Contempt; 8 None, 9 Uncertain and 10 No-Face are not expressions: they are
 * skipped and counted per code in the report, or, with
 * {@link ReaderOptions#keepNonExpressionLabels()}, kept with an unknown (null) expression; never
 * mapped to a class. Landmarks are the 68 iBUG points as {@code x;y;x;y;...} in pixels of the
 * original image. The face box, valence and arousal are not kept ({@link FaceRecord} has no place
 * for them). Layout as in AffectNet's distribution and public loaders
 * ({@code Manually_Annotated_file_lists/training.csv}, {@code lms.split(';')} into 2x68); the code
 * list 0-10 as in e.g. nikhil-salodkar/facial_expression's README.
 *
 * <p>Options read: {@link ReaderOptions#partition()} ({@code training} or {@code validation}, null for
 * every list present), {@link ReaderOptions#keepNonExpressionLabels()}, {@link ReaderOptions#imagePattern()}
 * with placeholders {@code {path}} (subDirectory_filePath) and {@code {partition}} (default: the first of
 * {@link #DEFAULT_IMAGE_PATTERNS} that matches), {@link ReaderOptions#missingImages()}.
 *
 * <p>Records: id {@code <partition>/<subDirectory_filePath>}, subject empty (AffectNet has no
 * subject ids), no AU labels.
 */
public final class AffectNetReader implements DatasetReader {
    public static final List<String> PARTITIONS = List.of("training", "validation");
    public static final String LIST_DIR = "Manually_Annotated_file_lists";
    public static final List<String> DEFAULT_IMAGE_PATTERNS = List.of(
        "Manually_Annotated_Images/{path}",
        "Manually_Annotated/Manually_Annotated_Images/{path}",
        "{path}");
    /** AffectNet code k (0-7) is {@code CLASSES[k]}. */
    static final Expression[] CLASSES = {Expression.NEUTRAL, Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE,
        Expression.FEAR, Expression.DISGUST, Expression.ANGER, Expression.CONTEMPT};
    /** Names of codes 8-10, which label the image, not an expression. */
    static final String[] NON_EXPRESSIONS = {"None", "Uncertain", "No-Face"};
    static final Set<String> PLACEHOLDERS = Set.of("path", "partition");
    private static final int LANDMARK_VALUES = 2 * 68;

    @Override
    public RecordStream open(Path root, ReaderOptions options) {
        List<String> wanted = PARTITIONS;
        if (options.partition() != null) {
            String p = options.partition().toLowerCase(Locale.ROOT);
            if (!PARTITIONS.contains(p)) {
                throw new IllegalArgumentException("AffectNet partition '" + options.partition() + "' is unknown; expected one of " + PARTITIONS);
            }
            wanted = List.of(p);
        }
        List<Path> files = new ArrayList<>();
        for (String p : wanted) {
            Path direct = root.resolve(p + ".csv");
            Path nested = root.resolve(LIST_DIR).resolve(p + ".csv");
            if (Files.isRegularFile(direct)) {
                files.add(direct);
            } else if (Files.isRegularFile(nested)) {
                files.add(nested);
            } else if (options.partition() != null) {
                throw DatasetFormatException.inFile(direct, "file not found (nor " + nested + "); expected AffectNet's " + p + ".csv");
            }
        }
        if (files.isEmpty()) {
            throw DatasetFormatException.inFile(root, "no training.csv or validation.csv here or in " + LIST_DIR + "/");
        }
        List<ImagePattern> patterns = ImagePatterns.of(options.imagePattern(), DEFAULT_IMAGE_PATTERNS, PLACEHOLDERS);
        Records r = new Records(root, files.iterator(), options.keepNonExpressionLabels(), patterns, options.missingImages());
        r.report().note("AffectNet has no subject ids: subject is empty, so splits cannot be subject-independent");
        return r;
    }

    private static final class Records extends RecordStream {
        private final Iterator<Path> files;
        private final boolean keepNonExpressions;
        private final ImageLocator images;
        private CsvReader csv;
        private String partition;
        private int columns;
        private int pathColumn;
        private int expressionColumn;
        private int landmarkColumn;

        Records(Path root, Iterator<Path> files, boolean keepNonExpressions, List<ImagePattern> patterns, MissingImagePolicy policy) {
            this.files = files;
            this.keepNonExpressions = keepNonExpressions;
            this.images = new ImageLocator(root, patterns, policy, report());
        }

        @Override
        FaceRecord computeNext() throws IOException {
            while (true) {
                if (csv == null) {
                    if (!files.hasNext()) {
                        return null;
                    }
                    openFile(files.next());
                    continue;
                }
                List<String> row = csv.next();
                if (row == null) {
                    release();
                    continue;
                }
                FaceRecord r = parseRow(row, csv.file(), csv.recordLine());
                if (r != null) {
                    return r;
                }
            }
        }

        private void openFile(Path file) throws IOException {
            String name = file.getFileName().toString();
            partition = name.substring(0, name.length() - ".csv".length());
            csv = CsvReader.open(file);
            List<String> header = csv.next();
            if (header == null) {
                throw DatasetFormatException.inFile(file, "empty file; expected a header starting subDirectory_filePath,face_x,...");
            }
            columns = header.size();
            Map<String, Integer> index = Columns.index(header, file, csv.recordLine());
            pathColumn = Columns.require(index, "subDirectory_filePath", file, csv.recordLine());
            expressionColumn = Columns.require(index, "expression", file, csv.recordLine());
            landmarkColumn = index.getOrDefault("facial_landmarks", -1);
        }

        private FaceRecord parseRow(List<String> row, Path file, int line) {
            Fields.checkCount(row, columns, file, line);
            String path = row.get(pathColumn).trim();
            if (path.isEmpty()) {
                throw DatasetFormatException.atLine(file, line, "empty subDirectory_filePath");
            }
            int code = Fields.parseInt(row.get(expressionColumn), file, line, "expression");
            if (code < 0 || code > CLASSES.length + NON_EXPRESSIONS.length - 1) {
                throw DatasetFormatException.atLine(file, line, "expression " + code
                    + " is out of range; expected 0-7 (Neutral, Happy, Sad, Surprise, Fear, Disgust, Anger, Contempt) or 8-10 (None, Uncertain, No-Face)");
            }
            Expression expression = null;
            if (code < CLASSES.length) {
                expression = CLASSES[code];
            } else {
                String what = "AffectNet expression " + code + " (" + NON_EXPRESSIONS[code - CLASSES.length] + ")";
                if (!keepNonExpressions) {
                    report().skipped(what + " is not an expression class");
                    return null;
                }
                report().note(what + " kept with an unknown expression");
            }
            float[] landmarks = landmarkColumn < 0 ? null : parseLandmarks(row.get(landmarkColumn), file, line);
            Path image = images.locate("", Map.of("path", path, "partition", partition), file, line);
            if (image == null) {
                return null;
            }
            return new FaceRecord(partition + "/" + path, "", new FaceRecord.ImageFile(image), null, expression, Corruption.UNKNOWN,
                landmarks);
        }

        private static float[] parseLandmarks(String text, Path file, int line) {
            String t = text.trim();
            if (t.isEmpty()) {
                return null;
            }
            String[] parts = t.split(";");
            if (parts.length != LANDMARK_VALUES) {
                throw DatasetFormatException.atLine(file, line, "expected 68 landmarks as 136 numbers x;y;..., found " + parts.length);
            }
            float[] out = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Fields.parseFloat(parts[i], file, line, "landmark value " + (i + 1));
            }
            return out;
        }

        @Override
        void release() throws IOException {
            if (csv != null) {
                CsvReader c = csv;
                csv = null;
                c.close();
            }
        }
    }
}
