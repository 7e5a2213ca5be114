package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.data.readers.Fixtures.image;
import static org.malau.data.readers.Fixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

class DatasetReadersTest {
    @TempDir
    Path dir;

    @Test
    void formatsSayWhichLabelsTheyCarry() {
        assertTrue(DatasetFormat.BP4D.hasAuLabels());
        assertFalse(DatasetFormat.BP4D.hasExpressionLabels());
        assertTrue(DatasetFormat.DISFA.hasAuLabels());
        for (DatasetFormat f : List.of(DatasetFormat.RAFDB, DatasetFormat.AFFECTNET, DatasetFormat.FER2013)) {
            assertFalse(f.hasAuLabels(), f.name());
            assertTrue(f.hasExpressionLabels(), f.name());
        }
        assertTrue(DatasetFormat.GENERIC_CSV.hasAuLabels() && DatasetFormat.GENERIC_CSV.hasExpressionLabels());
    }

    @Test
    void formatsExposeTheirDefaultsForADialog() {
        assertArrayEquals(new int[] {1, 2, 4, 6, 7, 10, 12, 14, 15, 17, 23, 24}, DatasetFormat.BP4D.defaultAuCodes());
        assertArrayEquals(new int[] {1, 2, 4, 5, 6, 9, 12, 15, 17, 20, 25, 26}, DatasetFormat.DISFA.defaultAuCodes());
        assertEquals(0, DatasetFormat.RAFDB.defaultAuCodes().length);
        assertEquals("BP4D-training/{subject}/{task}/{frame}.jpg", DatasetFormat.BP4D.defaultImagePatterns().get(0));
        assertEquals("Images/{subject}/{frame}.jpg", DatasetFormat.DISFA.defaultImagePatterns().get(0));
        assertEquals("Image/aligned/{stem}_aligned.jpg", DatasetFormat.RAFDB.defaultImagePatterns().get(0));
        assertTrue(DatasetFormat.FER2013.defaultImagePatterns().isEmpty());
    }

    @Test
    void streamYieldsNothingMoreAfterAFailure() {
        Path csv = write(dir.resolve("bad.csv"), "path,AU12", "a.png,5", "a.png,1");
        image(dir.resolve("a.png"));
        RecordStream s = DatasetReaders.open(DatasetFormat.GENERIC_CSV, csv, ReaderOptions.defaults());
        assertThrows(DatasetFormatException.class, s::hasNext);
        assertFalse(s.hasNext());
        s.close();
    }

    @Test
    void parsesStoredNamesAndDisplayNames() {
        for (DatasetFormat f : DatasetFormat.values()) {
            assertEquals(f, DatasetFormat.parse(f.name()));
            assertEquals(f, DatasetFormat.parse(f.displayName()));
        }
        assertEquals(DatasetFormat.RAFDB, DatasetFormat.parse("raf_db"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetFormat.parse("CK+"));
        assertTrue(e.getMessage().contains("RAF-DB"), e.getMessage());
    }

    @Test
    void readReturnsRecordsAndReportForARelativePath() {
        write(dir.resolve("EmoLabel/list_patition_label.txt"), "train_00001.jpg 4", "test_0001.jpg 7");
        image(dir.resolve("Image/aligned/train_00001_aligned.jpg"));
        Path relative = Path.of("").toAbsolutePath().relativize(dir);
        ReadResult result = DatasetReaders.read(DatasetFormat.RAFDB, relative,
            ReaderOptions.builder().missingImages(MissingImagePolicy.SKIP).build());
        assertEquals(List.of("train_00001"), result.records().stream().map(FaceRecord::id).toList());
        assertEquals(Expression.HAPPINESS, result.records().get(0).expression());
        assertEquals(1, result.report().records());
        assertEquals(1, result.report().missingImages());
        assertEquals(List.of(
            "1 sample(s) skipped because the image file does not exist, e.g. [" + dir.resolve("Image/aligned/test_0001_aligned.jpg") + "]",
            "RAF-DB has no subject ids: subject is empty, so splits cannot be subject-independent",
            "images found with pattern Image/aligned/{stem}_aligned.jpg"), result.report().warnings());
    }

    @Test
    void nullOptionsMeanDefaults() {
        write(dir.resolve("l.csv"), "path,AU12", "a.png,1");
        image(dir.resolve("a.png"));
        assertEquals(1, DatasetReaders.read(DatasetFormat.GENERIC_CSV, dir.resolve("l.csv"), null).records().size());
    }

    @Test
    void streamIsLazyAndClosesItsFiles() {
        String[] lines = new String[1001];
        lines[0] = "path,AU12";
        for (int i = 1; i <= 1000; i++) {
            lines[i] = "a.png," + (i % 2);
        }
        // a bad line after the first thousand: a lazy reader yields records before reaching it
        Path csv = write(dir.resolve("big.csv"), Stream.concat(Stream.of(lines), Stream.of("a.png,7")).toArray(String[]::new));
        image(dir.resolve("a.png"));
        try (RecordStream s = DatasetReaders.open(DatasetFormat.GENERIC_CSV, csv, ReaderOptions.defaults())) {
            assertEquals(10, s.stream().limit(10).count());
            assertEquals(10, s.report().records());
        }
        try (Stream<FaceRecord> st = DatasetReaders.open(DatasetFormat.GENERIC_CSV, csv, ReaderOptions.defaults()).stream()) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> st.collect(Collectors.toList()));
            assertEquals(1002, e.line());
        }
    }
}
