package org.malau.data.readers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.FaceRecord;

/**
 * Reads AU occurrence of BP4D-Spontaneous and BP4D+ from the layout they are distributed in:
 *
 * <pre>
 * &lt;root&gt;/AUCoding/AU_OCC/F001_T1.csv     one file per subject and task
 * &lt;root&gt;/BP4D-training/F001/T1/2440.jpg  the frames (see image patterns below)
 * </pre>
 *
 * Each CSV has a header row whose first cell names the frame column and whose other cells are AU
 * numbers; each further row is a frame number followed by 0 (absent), 1 (present) or 9 (not coded)
 * per AU. This is the layout that ME-GraphAU's {@code tool/BP4D_image_label_process.py}
 * (github.com/CVI-SZU/ME-GraphAU) reads with {@code pd.read_csv(AUCoding/AU_OCC/<subject>_<task>.csv,
 * header=0, index_col=0)} and turns into image paths {@code <subject>/<task>/<frame>.jpg}; the FERA
 * 2015 release puts the frames under {@code BP4D-training/} next to {@code AUCoding/}
 * (TadasBaltrusaitis/FERA-2015 {@code BP4D_baseline}; {@code BP4D-training/M018/T8/187.jpg} in other
 * public AU code), while some copies pad the frame number (scripts that compare label and image
 * lists strip a leading 0), so the image pattern is configurable.
 *
 * <p>Options read: {@link ReaderOptions#auCodes()} (default {@link #DEFAULT_AU_CODES}; every one
 * must be a column of every file), {@link ReaderOptions#imagePattern()} with placeholders
 * {@code {subject}}, {@code {task}} and {@code {frame}} (default: the first of
 * {@link #DEFAULT_IMAGE_PATTERNS} that matches, detected per sequence), and
 * {@link ReaderOptions#missingImages()}.
 *
 * <p>Records: id {@code F001_T1_2440}, subject {@code F001}, AU occurrence with 9 as
 * {@link AuLabels#UNKNOWN} and no intensities, no expression, {@link Corruption#UNKNOWN}.
 */
public final class Bp4dReader implements DatasetReader {
    /** The 12 AUs of the common BP4D protocol (FERA 2015, JAA-Net, ME-GraphAU). */
    public static final int[] DEFAULT_AU_CODES = {1, 2, 4, 6, 7, 10, 12, 14, 15, 17, 23, 24};
    /** Where the AU occurrence CSVs lie, relative to the data set folder. */
    public static final String LABEL_DIR = "AUCoding/AU_OCC";
    /** Tried in order when no pattern is set: FERA 2015 release, zero-padded copies, ME-GraphAU's img/, frames at the root. */
    public static final List<String> DEFAULT_IMAGE_PATTERNS = List.of(
        "BP4D-training/{subject}/{task}/{frame}.jpg",
        "BP4D-training/{subject}/{task}/{frame:4}.jpg",
        "img/{subject}/{task}/{frame}.jpg",
        "{subject}/{task}/{frame}.jpg",
        "{subject}/{task}/{frame:4}.jpg");

    static final Set<String> PLACEHOLDERS = Set.of("subject", "task", "frame");
    private static final Pattern FILE_NAME = Pattern.compile("([A-Za-z]\\d{3})_(T\\d+)\\.csv");

    @Override
    public RecordStream open(Path root, ReaderOptions options) {
        int[] codes = options.auCodes() == null ? DEFAULT_AU_CODES : options.auCodes();
        AuCodes.check(codes, null, "BP4D");
        List<ImagePattern> patterns = ImagePatterns.of(options.imagePattern(), DEFAULT_IMAGE_PATTERNS, PLACEHOLDERS);
        Path labelDir = root.resolve(LABEL_DIR);
        if (!Files.isDirectory(labelDir)) {
            throw DatasetFormatException.inFile(labelDir,
                "folder not found; expected the BP4D layout <root>/AUCoding/AU_OCC/F001_T1.csv");
        }
        List<Path> files = new ArrayList<>();
        int ignored = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(labelDir, "*.csv")) {
            for (Path p : dir) {
                if (FILE_NAME.matcher(p.getFileName().toString()).matches()) {
                    files.add(p);
                } else {
                    ignored++;
                }
            }
        } catch (IOException e) {
            throw DatasetFormatException.io(labelDir, e);
        }
        if (files.isEmpty()) {
            throw DatasetFormatException.inFile(labelDir, "no AU occurrence files named like F001_T1.csv");
        }
        files.sort(null);
        Records s = new Records(root, files.iterator(), codes.clone(), patterns, options.missingImages());
        if (ignored > 0) {
            s.report().note(ignored + " CSV file(s) in " + labelDir + " ignored: not named <subject>_<task>.csv");
        }
        return s;
    }

    private static final class Records extends RecordStream {
        private final Iterator<Path> files;
        private final int[] codes;
        private final ImageLocator images;
        private CsvReader csv;
        private String subject;
        private String task;
        private int columns;
        private int[] columnOfCode;
        private final Set<Integer> framesSeen = new HashSet<>();

        Records(Path root, Iterator<Path> files, int[] codes, List<ImagePattern> patterns, MissingImagePolicy policy) {
            this.files = files;
            this.codes = codes;
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
                FaceRecord r = parseRow(row, csv.recordLine());
                if (r != null) {
                    return r;
                }
            }
        }

        private void openFile(Path file) throws IOException {
            Matcher m = FILE_NAME.matcher(file.getFileName().toString());
            m.matches();
            subject = m.group(1);
            task = m.group(2);
            framesSeen.clear();
            csv = CsvReader.open(file);
            List<String> header = csv.next();
            if (header == null) {
                throw DatasetFormatException.inFile(file, "empty file; expected a header row with AU numbers");
            }
            columns = header.size();
            Map<Integer, Integer> columnOf = new HashMap<>();
            for (int c = 1; c < header.size(); c++) {
                String name = header.get(c).trim();
                if (name.isEmpty()) {
                    continue;
                }
                int code = AuLabels.parseNumber(name);
                if (!AuCodes.isFacsNumber(code)) {
                    throw DatasetFormatException.atLine(file, csv.recordLine(), "unknown AU code '" + name + "' in header column "
                        + (c + 1) + "; expected AU numbers 1-99 such as 1, 2, 4 after the frame column");
                }
                if (columnOf.put(code, c) != null) {
                    throw DatasetFormatException.atLine(file, csv.recordLine(), "AU " + code + " appears twice in the header");
                }
            }
            columnOfCode = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                Integer c = columnOf.get(codes[i]);
                if (c == null) {
                    throw DatasetFormatException.atLine(file, csv.recordLine(), "AU " + codes[i]
                        + " is not a column; the header has AUs " + columnOf.keySet().stream().sorted().toList());
                }
                columnOfCode[i] = c;
            }
        }

        private FaceRecord parseRow(List<String> row, int line) {
            Path file = csv.file();
            Fields.checkCount(row, columns, file, line);
            int frame = Fields.parseInt(row.get(0), file, line, "frame number");
            if (frame < 0) {
                throw DatasetFormatException.atLine(file, line, "frame number " + frame + " is negative");
            }
            if (!framesSeen.add(frame)) {
                throw DatasetFormatException.atLine(file, line, "frame " + frame + " appears twice");
            }
            byte[] occ = new byte[codes.length];
            for (int i = 0; i < codes.length; i++) {
                String v = row.get(columnOfCode[i]).trim();
                occ[i] = switch (v) {
                    case "0" -> 0;
                    case "1" -> 1;
                    case "9" -> AuLabels.UNKNOWN;
                    default -> throw DatasetFormatException.atLine(file, line, "AU " + codes[i] + " value '" + v
                        + "' is out of range; expected 0, 1 or 9 (not coded)");
                };
            }
            Path image = images.locate(subject + "/" + task, Map.of("subject", subject, "task", task, "frame", frame), file, line);
            if (image == null) {
                return null;
            }
            return new FaceRecord(subject + "_" + task + "_" + frame, subject, new FaceRecord.ImageFile(image),
                new AuLabels(codes, occ, null), null, Corruption.UNKNOWN, null);
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
