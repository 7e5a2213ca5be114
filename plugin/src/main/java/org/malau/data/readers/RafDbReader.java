package org.malau.data.readers;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

/**
 * Reads RAF-DB basic emotions from the layout it is distributed in:
 *
 * <pre>
 * &lt;root&gt;/EmoLabel/list_patition_label.txt   lines "train_00001.jpg 5" (RAF-DB's own spelling of partition)
 * &lt;root&gt;/Image/aligned/train_00001_aligned.jpg
 * &lt;root&gt;/Image/original/train_00001.jpg
 * </pre>
 *
 * Classes 1-7 are Surprise, Fear, Disgust, Happiness, Sadness, Anger, Neutral, as RAF-DB documents
 * and as public PyTorch loaders read it ({@code pd.read_csv(EmoLabel/list_patition_label.txt,
 * sep=' ', header=None)}, {@code label - 1}, commented "0:Surprise, 1:Fear, 2:Disgust, 3:Happiness");
 * msy1412/AU-ViT {@code data/RAFDB_100.py} inserts {@code _aligned} before the extension to find the
 * aligned face. The partition is the name's prefix.
 *
 * <p>Options read: {@link ReaderOptions#partition()} ({@code train} or {@code test}, null for both),
 * {@link ReaderOptions#imagePattern()} with placeholders {@code {name}} ({@code train_00001.jpg}),
 * {@code {stem}} ({@code train_00001}) and {@code {partition}} (default: aligned faces, else the
 * originals, see {@link #DEFAULT_IMAGE_PATTERNS}), {@link ReaderOptions#missingImages()}.
 *
 * <p>Records: id = the name's stem, so it starts with the partition ({@code train_00001}); subject
 * empty, because RAF-DB has no subject ids (a trainer must fall back to random splits); no AU labels.
 */
public final class RafDbReader implements DatasetReader {
    public static final String LABEL_FILE = "EmoLabel/list_patition_label.txt";
    /** Tried in order when no pattern is set: the aligned 100x100 faces, then the original photos. */
    public static final List<String> DEFAULT_IMAGE_PATTERNS = List.of(
        "Image/aligned/{stem}_aligned.jpg",
        "Image/original/{name}");
    /** RAF-DB class k (1-7) is {@code CLASSES[k - 1]}. */
    static final Expression[] CLASSES = {Expression.SURPRISE, Expression.FEAR, Expression.DISGUST, Expression.HAPPINESS,
        Expression.SADNESS, Expression.ANGER, Expression.NEUTRAL};
    static final Set<String> PLACEHOLDERS = Set.of("name", "stem", "partition");
    private static final Set<String> PARTITIONS = Set.of("train", "test");

    @Override
    public RecordStream open(Path root, ReaderOptions options) {
        String partition = options.partition() == null ? null : options.partition().toLowerCase(Locale.ROOT);
        if (partition != null && !PARTITIONS.contains(partition)) {
            throw new IllegalArgumentException("RAF-DB partition '" + options.partition() + "' is unknown; expected train or test");
        }
        List<ImagePattern> patterns = ImagePatterns.of(options.imagePattern(), DEFAULT_IMAGE_PATTERNS, PLACEHOLDERS);
        Path file = root.resolve(LABEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw DatasetFormatException.inFile(file, "file not found; expected the RAF-DB basic layout <root>/" + LABEL_FILE);
        }
        Records r = new Records(root, file, partition, patterns, options.missingImages());
        r.report().note("RAF-DB has no subject ids: subject is empty, so splits cannot be subject-independent");
        return r;
    }

    private static final class Records extends RecordStream {
        private final Path file;
        private final String partition;
        private final ImageLocator images;
        private BufferedReader in;
        private int line;

        Records(Path root, Path file, String partition, List<ImagePattern> patterns, MissingImagePolicy policy) {
            this.file = file;
            this.partition = partition;
            this.images = new ImageLocator(root, patterns, policy, report());
            this.in = CsvReader.openLines(file);
        }

        @Override
        FaceRecord computeNext() throws IOException {
            if (in == null) {
                return null;
            }
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] tokens = trimmed.split("\\s+");
                if (tokens.length != 2) {
                    throw DatasetFormatException.atLine(file, line,
                        "expected '<image name> <class 1-7>', e.g. 'train_00001.jpg 5', found " + tokens.length + " field(s)");
                }
                String name = tokens[0];
                String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                String namePartition = stem.startsWith("train_") ? "train" : stem.startsWith("test_") ? "test" : null;
                if (namePartition == null) {
                    throw DatasetFormatException.atLine(file, line, "image name '" + name + "' starts with neither train_ nor test_");
                }
                int cls = Fields.parseInt(tokens[1], file, line, "class");
                if (cls < 1 || cls > CLASSES.length) {
                    throw DatasetFormatException.atLine(file, line, "class " + cls
                        + " is out of range; expected 1-7 (Surprise, Fear, Disgust, Happiness, Sadness, Anger, Neutral)");
                }
                if (partition != null && !partition.equals(namePartition)) {
                    continue;
                }
                Path image = images.locate("", Map.of("name", name, "stem", stem, "partition", namePartition), file, line);
                if (image != null) {
                    return new FaceRecord(stem, "", new FaceRecord.ImageFile(image), null, CLASSES[cls - 1], Corruption.UNKNOWN, null);
                }
            }
            return null;
        }

        @Override
        void release() throws IOException {
            if (in != null) {
                BufferedReader r = in;
                in = null;
                r.close();
            }
        }
    }
}
