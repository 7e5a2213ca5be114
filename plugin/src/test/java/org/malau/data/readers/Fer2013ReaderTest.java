package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.data.readers.Fixtures.assertFormatError;
import static org.malau.data.readers.Fixtures.readAll;
import static org.malau.data.readers.Fixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

class Fer2013ReaderTest {
    @TempDir
    Path dir;

    /** Pixel i is (i + offset) mod 256. */
    private static String pixels(int offset) {
        return IntStream.range(0, 48 * 48).mapToObj(i -> Integer.toString((i + offset) % 256)).collect(Collectors.joining(" "));
    }

    private Path csv(String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = "emotion,pixels,Usage";
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return write(dir.resolve("fer2013.csv"), lines);
    }

    private List<FaceRecord> read(ReaderOptions options) {
        return readAll(new Fer2013Reader(), dir, options);
    }

    @Test
    void readsPixelsAndMapsFerClasses() {
        String[] rows = new String[7];
        for (int e = 0; e < 7; e++) {
            rows[e] = e + "," + pixels(e) + "," + (e < 5 ? "Training" : e == 5 ? "PublicTest" : "PrivateTest");
        }
        csv(rows);
        List<FaceRecord> records = read(ReaderOptions.defaults());
        assertEquals(List.of(Expression.ANGER, Expression.DISGUST, Expression.FEAR, Expression.HAPPINESS, Expression.SADNESS,
            Expression.SURPRISE, Expression.NEUTRAL), records.stream().map(FaceRecord::expression).toList());
        assertEquals(List.of("Training_00001", "Training_00002", "Training_00003", "Training_00004", "Training_00005",
            "PublicTest_00006", "PrivateTest_00007"), records.stream().map(FaceRecord::id).toList());
        FaceRecord.GreyPixels g = (FaceRecord.GreyPixels) records.get(1).image();
        assertEquals(48, g.width());
        assertEquals(48, g.height());
        byte[] expected = new byte[48 * 48];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) ((i + 1) % 256);
        }
        assertArrayEquals(expected, g.pixels());
        assertEquals("", records.get(0).subject());
        assertNull(records.get(0).au());
    }

    @Test
    void selectsUsageAndReadsIcmlHeaderWithSpaces() {
        write(dir.resolve("icml_face_data.csv"), "emotion, Usage, pixels",
            "3,Training," + pixels(0), "4,PrivateTest," + pixels(0));
        List<FaceRecord> records = readAll(new Fer2013Reader(), dir.resolve("icml_face_data.csv"),
            ReaderOptions.builder().partition("privatetest").build());
        assertEquals(List.of("PrivateTest_00002"), records.stream().map(FaceRecord::id).toList());
        assertEquals(Expression.SADNESS, records.get(0).expression());
    }

    @Test
    void unknownUsageYieldsNothingAndSaysWhichExist() {
        csv("3," + pixels(0) + ",Training");
        try (RecordStream s = new Fer2013Reader().open(dir, ReaderOptions.builder().partition("Validation").build())) {
            assertEquals(0, s.toList().size());
            assertTrue(s.report().notes().contains("no FER2013 row has Usage 'Validation'; the file has [Training]"),
                s.report().notes().toString());
        }
    }

    @Test
    void emotionSevenFails() {
        Path file = csv("3," + pixels(0) + ",Training", "7," + pixels(0) + ",Training");
        assertFormatError(file, 3, "emotion 7 is out of range; expected 0-6", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void wrongPixelCountFails() {
        Path file = csv("3,1 2 3,Training");
        assertFormatError(file, 2, "expected 2304 pixel values (48x48), found 3", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void pixelOutOfRangeFails() {
        Path file = csv("3," + pixels(0).replaceFirst("^0 ", "256 ") + ",Training");
        assertFormatError(file, 2, "pixel 1 value 256 is out of range", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void wrongColumnCountFails() {
        Path file = csv("3," + pixels(0));
        assertFormatError(file, 2, "expected 3 fields as in the header, found 2", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingPixelsColumnFails() {
        Path file = write(dir.resolve("fer2013.csv"), "emotion,Usage", "1,Training");
        assertFormatError(file, 1, "no column 'pixels'", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingFileFails() {
        assertFormatError(dir.resolve("fer2013.csv"), 0, "file not found", () -> read(ReaderOptions.defaults()));
    }
}
