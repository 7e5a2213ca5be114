package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.data.readers.Fixtures.assertFormatError;
import static org.malau.data.readers.Fixtures.image;
import static org.malau.data.readers.Fixtures.path;
import static org.malau.data.readers.Fixtures.readAll;
import static org.malau.data.readers.Fixtures.write;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

class RafDbReaderTest {
    @TempDir
    Path root;

    private Path labelFile() {
        return root.resolve("EmoLabel/list_patition_label.txt");
    }

    private List<FaceRecord> read(ReaderOptions options) {
        return readAll(new RafDbReader(), root, options);
    }

    private void allClasses() {
        write(labelFile(),
            "train_00001.jpg 1", "train_00002.jpg 2", "train_00003.jpg 3", "train_00004.jpg 4",
            "test_0001.jpg 5", "test_0002.jpg 6", "test_0003.jpg 7");
        for (String stem : List.of("train_00001", "train_00002", "train_00003", "train_00004", "test_0001", "test_0002", "test_0003")) {
            image(root.resolve("Image/aligned/" + stem + "_aligned.jpg"));
        }
    }

    @Test
    void mapsRafDbClassesAndKeepsPartitionInTheId() {
        allClasses();
        RecordStream s = new RafDbReader().open(root, ReaderOptions.defaults());
        List<FaceRecord> records = s.toList();
        assertEquals(List.of(Expression.SURPRISE, Expression.FEAR, Expression.DISGUST, Expression.HAPPINESS, Expression.SADNESS,
            Expression.ANGER, Expression.NEUTRAL), records.stream().map(FaceRecord::expression).toList());
        FaceRecord first = records.get(0);
        assertEquals("train_00001", first.id());
        assertEquals("", first.subject());
        assertNull(first.au());
        assertEquals(Corruption.UNKNOWN, first.corruption());
        assertEquals(root.resolve("Image/aligned/train_00001_aligned.jpg"), path(first));
        assertEquals("test_0003", records.get(6).id());
        assertTrue(s.report().notes().stream().anyMatch(n -> n.startsWith("RAF-DB has no subject ids")));
    }

    @Test
    void selectsOnePartition() {
        allClasses();
        List<FaceRecord> test = read(ReaderOptions.builder().partition("TEST").build());
        assertEquals(List.of("test_0001", "test_0002", "test_0003"), test.stream().map(FaceRecord::id).toList());
        assertEquals(4, read(ReaderOptions.builder().partition("train").build()).size());
        assertThrows(IllegalArgumentException.class, () -> read(ReaderOptions.builder().partition("val").build()));
    }

    @Test
    void fallsBackToOriginalImages() {
        write(labelFile(), "train_00001.jpg 4");
        image(root.resolve("Image/original/train_00001.jpg"));
        assertEquals(root.resolve("Image/original/train_00001.jpg"), path(read(ReaderOptions.defaults()).get(0)));
    }

    @Test
    void classEightFails() {
        Path file = write(labelFile(), "train_00001.jpg 4", "train_00002.jpg 8");
        image(root.resolve("Image/aligned/train_00001_aligned.jpg"));
        assertFormatError(file, 2, "class 8 is out of range; expected 1-7", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void unparsableClassFails() {
        Path file = write(labelFile(), "train_00001.jpg happy");
        assertFormatError(file, 1, "class 'happy' is not a whole number", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void wrongFieldCountFails() {
        Path file = write(labelFile(), "", "train_00001.jpg 4 extra");
        assertFormatError(file, 2, "found 3 field(s)", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void nameWithoutPartitionFails() {
        Path file = write(labelFile(), "val_00001.jpg 4");
        assertFormatError(file, 1, "starts with neither train_ nor test_", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingLabelFileFails() {
        assertFormatError(labelFile(), 0, "file not found", () -> read(ReaderOptions.defaults()));
    }
}
