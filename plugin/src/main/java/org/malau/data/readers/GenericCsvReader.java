package org.malau.data.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

/**
 * Reads a CSV of image paths and labels that a user assembled, e.g.
 *
 * <pre>
 * path,subject,AU01,AU02,au_4,expression
 * imgs/a.png,S1,1,0,NA,happiness
 * "imgs/b, copy.png",S2,0,,1,
 * </pre>
 *
 * Fields follow RFC 4180 (quotes, doubled quotes, line breaks inside quotes). Columns are found by
 * name, ignoring case:
 * <ul>
 * <li>image path: the {@link ReaderOptions#pathColumn()} option, else the first of {@link #PATH_COLUMNS};
 * relative paths are relative to the CSV's folder;
 * <li>AU columns: named as {@link AuLabels#parseColumnName} accepts ({@code AU01}, {@code AU1}, {@code au_1},
 * {@code AU 1}, OpenFace's {@code AU01_c}); any other name starting with AU and a number (e.g. OpenFace's
 * {@code AU01_r}) or a number outside 1-99 is an error ({@link AuLabels#refusal}), so a typo cannot drop an
 * AU unnoticed. Values are 0/1, or 0-5 intensities with {@link ReaderOptions#auIntensities()}
 * (occurrence then = intensity &gt;= 2); empty, NA, NaN, 9 and -1 are unknown;
 * <li>expression: the {@link ReaderOptions#expressionColumn()} option, else the first of
 * {@link #EXPRESSION_COLUMNS}; names as {@link Expression#parse} accepts, or integers mapped by
 * {@link ReaderOptions#expressionCodes()}; empty, NA and unknown mean unknown;
 * <li>optional: subject ({@link ReaderOptions#subjectColumn()} or {@link #SUBJECT_COLUMNS}; empty when
 * absent), {@code id} (else the path as written), {@code corruption} (as {@link Corruption#parse}, so the
 * synthetic generator's CSVs read back; {@link Corruption#UNKNOWN} when absent).
 * </ul>
 * Other columns are ignored. {@link ReaderOptions#auCodes()} selects AU columns (each must exist);
 * by default every AU column is read, in ascending AU order. {@link ReaderOptions#imagePattern()} may
 * rewrite paths with placeholders {@code {path}}, {@code {id}} and {@code {subject}} (default {@code {path}});
 * {@link ReaderOptions#missingImages()} applies.
 */
public final class GenericCsvReader implements DatasetReader {
    public static final List<String> PATH_COLUMNS = List.of("path", "image", "image_path", "file", "filename", "file_path");
    public static final List<String> EXPRESSION_COLUMNS = List.of("expression", "emotion");
    public static final List<String> SUBJECT_COLUMNS = List.of("subject", "subject_id");
    static final Set<String> PLACEHOLDERS = Set.of("path", "id", "subject");
    private static final Set<String> UNKNOWN_VALUES = Set.of("", "na", "nan", "n/a", "9", "-1", "?");
    private static final Set<String> UNKNOWN_EXPRESSIONS = Set.of("", "na", "nan", "n/a", "unknown", "?");
    private static final float MAX_INTENSITY = 5;

    /** @param file the CSV file itself */
    @Override
    public RecordStream open(Path file, ReaderOptions options) {
        if (options.auCodes() != null) {
            AuCodes.check(options.auCodes(), null, "the CSV");
        }
        List<ImagePattern> patterns = ImagePatterns.of(options.imagePattern(), List.of("{path}"), PLACEHOLDERS);
        if (!Files.isRegularFile(file)) {
            throw DatasetFormatException.inFile(file, Files.isDirectory(file)
                ? "is a folder; expected the CSV file itself" : "file not found");
        }
        return new Records(file, patterns, options);
    }

    private static final class Records extends RecordStream {
        private final ReaderOptions options;
        private final ImageLocator images;
        private CsvReader csv;
        private int columns;
        private int pathColumn;
        private int idColumn;
        private int subjectColumn;
        private int expressionColumn;
        private int corruptionColumn;
        private int[] auCodes;
        private int[] auColumns;

        Records(Path file, List<ImagePattern> patterns, ReaderOptions options) {
            this.options = options;
            this.images = new ImageLocator(file.getParent(), patterns, options.missingImages(), report());
            csv = CsvReader.open(file);
            try {
                readHeader();
            } catch (IOException | RuntimeException e) {
                try {
                    csv.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof IOException io) {
                    throw DatasetFormatException.io(file, io);
                }
                throw (RuntimeException) e;
            }
        }

        private void readHeader() throws IOException {
            Path file = csv.file();
            List<String> header = csv.next();
            if (header == null) {
                throw DatasetFormatException.inFile(file, "empty file; expected a header with a path column and label columns");
            }
            int line = csv.recordLine();
            columns = header.size();
            Map<String, Integer> index = Columns.index(header, file, line);
            pathColumn = options.pathColumn() != null ? Columns.require(index, options.pathColumn(), file, line)
                : Columns.first(index, PATH_COLUMNS);
            if (pathColumn < 0) {
                throw DatasetFormatException.atLine(file, line, "no image path column; expected one named " + PATH_COLUMNS
                    + " or the path column option");
            }
            expressionColumn = options.expressionColumn() != null ? Columns.require(index, options.expressionColumn(), file, line)
                : Columns.first(index, EXPRESSION_COLUMNS);
            subjectColumn = options.subjectColumn() != null ? Columns.require(index, options.subjectColumn(), file, line)
                : Columns.first(index, SUBJECT_COLUMNS);
            idColumn = index.getOrDefault("id", -1);
            corruptionColumn = index.getOrDefault("corruption", -1);

            TreeMap<Integer, Integer> auColumnOf = new TreeMap<>();
            for (int c = 0; c < header.size(); c++) {
                String refused = AuLabels.refusal(header.get(c));
                if (refused != null) {
                    throw DatasetFormatException.atLine(file, line, "unknown AU code in column '" + header.get(c).trim()
                        + "' (" + refused + "); expected AU columns named " + AuLabels.COLUMN_NAME_RULE);
                }
                int code = AuLabels.parseColumnName(header.get(c));
                if (code < 0) {
                    continue;
                }
                if (auColumnOf.put(code, c) != null) {
                    throw DatasetFormatException.atLine(file, line, "AU " + code + " has two columns");
                }
            }
            auCodes = options.auCodes() != null ? options.auCodes() : auColumnOf.keySet().stream().mapToInt(Integer::intValue).toArray();
            auColumns = new int[auCodes.length];
            for (int i = 0; i < auCodes.length; i++) {
                Integer c = auColumnOf.get(auCodes[i]);
                if (c == null) {
                    throw DatasetFormatException.atLine(file, line, "no column for AU " + auCodes[i] + "; the AU columns are for AUs "
                        + auColumnOf.keySet());
                }
                auColumns[i] = c;
            }
            if (auCodes.length == 0 && expressionColumn < 0) {
                throw DatasetFormatException.atLine(file, line, "no label columns; expected AU columns such as AU01 or a column named "
                    + EXPRESSION_COLUMNS);
            }
            if (subjectColumn < 0) {
                report().note("no subject column: subject is empty, so splits cannot be subject-independent");
            }
        }

        @Override
        FaceRecord computeNext() throws IOException {
            if (csv == null) {
                return null;
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                FaceRecord r = parseRow(row, csv.file(), csv.recordLine());
                if (r != null) {
                    return r;
                }
            }
            return null;
        }

        private FaceRecord parseRow(List<String> row, Path file, int line) {
            Fields.checkCount(row, columns, file, line);
            String path = row.get(pathColumn).trim();
            if (path.isEmpty()) {
                throw DatasetFormatException.atLine(file, line, "empty image path");
            }
            String id = idColumn >= 0 && !row.get(idColumn).isBlank() ? row.get(idColumn).trim() : path;
            String subject = subjectColumn >= 0 ? row.get(subjectColumn).trim() : "";
            AuLabels au = auCodes.length == 0 ? null : parseAus(row, file, line);
            Expression expression = expressionColumn < 0 ? null : parseExpression(row.get(expressionColumn), file, line);
            Corruption corruption = Corruption.UNKNOWN;
            if (corruptionColumn >= 0) {
                try {
                    corruption = Corruption.parse(row.get(corruptionColumn));
                } catch (IllegalArgumentException e) {
                    throw DatasetFormatException.atLine(file, line, e.getMessage());
                }
            }
            Path image = images.locate("", Map.of("path", path, "id", id, "subject", subject), file, line);
            if (image == null) {
                return null;
            }
            return new FaceRecord(id, subject, new FaceRecord.ImageFile(image), au, expression, corruption, null);
        }

        private AuLabels parseAus(List<String> row, Path file, int line) {
            float[] intensity = new float[auCodes.length];
            byte[] occurrence = new byte[auCodes.length];
            for (int i = 0; i < auCodes.length; i++) {
                String v = row.get(auColumns[i]).trim();
                if (UNKNOWN_VALUES.contains(v.toLowerCase(Locale.ROOT))) {
                    intensity[i] = Float.NaN;
                    occurrence[i] = AuLabels.UNKNOWN;
                    continue;
                }
                float f = Fields.parseFloat(v, file, line, AuLabels.columnName(auCodes[i]) + " value");
                if (options.auIntensities()) {
                    if (f < 0 || f > MAX_INTENSITY) {
                        throw DatasetFormatException.atLine(file, line, AuLabels.columnName(auCodes[i]) + " intensity '" + v
                            + "' is out of range; expected 0-5, or empty/NA/9/-1 for unknown");
                    }
                    intensity[i] = f;
                } else {
                    if (f != 0 && f != 1) {
                        throw DatasetFormatException.atLine(file, line, AuLabels.columnName(auCodes[i]) + " value '" + v
                            + "' is out of range; expected 0 or 1, or empty/NA/9/-1 for unknown (set AU intensities for 0-5)");
                    }
                    occurrence[i] = (byte) f;
                }
            }
            return options.auIntensities() ? AuLabels.fromIntensities(auCodes, intensity) : new AuLabels(auCodes, occurrence, null);
        }

        private Expression parseExpression(String text, Path file, int line) {
            String t = text.trim();
            if (UNKNOWN_EXPRESSIONS.contains(t.toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (t.matches("-?\\d+")) {
                Map<Integer, Expression> codes = options.expressionCodes();
                if (codes == null) {
                    throw DatasetFormatException.atLine(file, line, "expression '" + t
                        + "' is a number but no code mapping is set; expected a name such as happiness, or set the expression codes");
                }
                Expression e = codes.get(Fields.parseInt(t, file, line, "expression code"));
                if (e == null) {
                    throw DatasetFormatException.atLine(file, line, "expression code " + t + " has no mapping; mapped codes are "
                        + new ArrayList<>(new TreeMap<>(codes).keySet()));
                }
                return e;
            }
            try {
                return Expression.parse(t);
            } catch (IllegalArgumentException e) {
                throw DatasetFormatException.atLine(file, line, e.getMessage());
            }
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
