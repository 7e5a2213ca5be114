package org.malau.data.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

/**
 * Reads FER2013's {@code fer2013.csv}: columns {@code emotion,pixels,Usage}, one face per row as
 * 48x48 grey pixels written as 2304 space-separated numbers 0-255, emotion 0-6 = Angry, Disgust,
 * Fear, Happy, Sad, Surprise, Neutral, Usage = Training, PublicTest or PrivateTest (the Kaggle
 * challenge file). Columns are found by name, so Kaggle's {@code icml_face_data.csv} (header
 * {@code emotion, Usage, pixels}) reads too; Usage may be absent.
 *
 * <p>Options read: {@link ReaderOptions#partition()}, matched against Usage ignoring case.
 *
 * <p>Records: {@link FaceRecord.GreyPixels} 48x48; id {@code <Usage>_<row>} with the 1-based data
 * row, zero-padded to 5 digits ({@code Training_00001}; {@code fer2013_00001} without a Usage
 * column), so it starts with the partition; subject empty (FER2013 has no subject ids); no AUs.
 */
public final class Fer2013Reader implements DatasetReader {
    public static final String FILE_NAME = "fer2013.csv";
    public static final int SIZE = 48;
    /** FER2013 class k (0-6) is {@code CLASSES[k]}. */
    static final Expression[] CLASSES = {Expression.ANGER, Expression.DISGUST, Expression.FEAR, Expression.HAPPINESS,
        Expression.SADNESS, Expression.SURPRISE, Expression.NEUTRAL};

    /** @param location {@code fer2013.csv} itself, or the folder holding it */
    @Override
    public RecordStream open(Path location, ReaderOptions options) {
        Path file = Files.isDirectory(location) ? location.resolve(FILE_NAME) : location;
        if (!Files.isRegularFile(file)) {
            throw DatasetFormatException.inFile(file, "file not found; expected FER2013's fer2013.csv or a folder holding it");
        }
        Records r = new Records(file, options.partition());
        r.report().note("FER2013 has no subject ids: subject is empty, so splits cannot be subject-independent");
        return r;
    }

    private static final class Records extends RecordStream {
        private final String partition;
        private CsvReader csv;
        private int columns;
        private int emotionColumn;
        private int pixelsColumn;
        private int usageColumn = -1;
        private int row;
        private int matched;
        private final Set<String> usages = new TreeSet<>();

        Records(Path file, String partition) {
            this.partition = partition;
            csv = CsvReader.open(file);
            try {
                readHeader();
            } catch (IOException | RuntimeException e) {
                try {
                    csv.close();
                } catch (IOException ignored) {
                    // the header problem is what the user must see
                }
                if (e instanceof IOException io) {
                    throw DatasetFormatException.io(file, io);
                }
                throw (RuntimeException) e;
            }
        }

        private void readHeader() throws IOException {
            List<String> header = csv.next();
            if (header == null) {
                throw DatasetFormatException.inFile(csv.file(), "empty file; expected a header emotion,pixels,Usage");
            }
            columns = header.size();
            Map<String, Integer> index = Columns.index(header, csv.file(), csv.recordLine());
            emotionColumn = Columns.require(index, "emotion", csv.file(), csv.recordLine());
            pixelsColumn = Columns.require(index, "pixels", csv.file(), csv.recordLine());
            usageColumn = index.getOrDefault("usage", -1);
            if (partition != null && usageColumn < 0) {
                throw DatasetFormatException.atLine(csv.file(), csv.recordLine(),
                    "no Usage column, so partition '" + partition + "' cannot be selected");
            }
        }

        @Override
        FaceRecord computeNext() throws IOException {
            if (csv == null) {
                return null;
            }
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                Path file = csv.file();
                int line = csv.recordLine();
                row++;
                Fields.checkCount(fields, columns, file, line);
                int emotion = Fields.parseInt(fields.get(emotionColumn), file, line, "emotion");
                if (emotion < 0 || emotion >= CLASSES.length) {
                    throw DatasetFormatException.atLine(file, line, "emotion " + emotion
                        + " is out of range; expected 0-6 (Angry, Disgust, Fear, Happy, Sad, Surprise, Neutral)");
                }
                String usage = usageColumn < 0 ? "fer2013" : fields.get(usageColumn).trim();
                usages.add(usage);
                if (partition != null && !usage.equalsIgnoreCase(partition)) {
                    continue;
                }
                matched++;
                byte[] pixels = parsePixels(fields.get(pixelsColumn), file, line);
                return new FaceRecord(String.format(Locale.ROOT, "%s_%05d", usage, row), "", new FaceRecord.GreyPixels(SIZE, SIZE, pixels),
                    null, CLASSES[emotion], Corruption.UNKNOWN, null);
            }
            if (partition != null && matched == 0) {
                report().note("no FER2013 row has Usage '" + partition + "'; the file has " + usages);
            }
            return null;
        }

        private static byte[] parsePixels(String text, Path file, int line) {
            String[] values = text.trim().split("\\s+");
            if (values.length != SIZE * SIZE) {
                throw DatasetFormatException.atLine(file, line, "expected " + SIZE * SIZE + " pixel values (48x48), found "
                    + (text.isBlank() ? 0 : values.length));
            }
            byte[] pixels = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                int v = Fields.parseInt(values[i], file, line, "pixel " + (i + 1));
                if (v < 0 || v > 255) {
                    throw DatasetFormatException.atLine(file, line, "pixel " + (i + 1) + " value " + v + " is out of range; expected 0-255");
                }
                pixels[i] = (byte) v;
            }
            return pixels;
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
