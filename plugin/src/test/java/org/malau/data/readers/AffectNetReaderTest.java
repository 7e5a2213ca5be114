package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.malau.data.readers.Fixtures.assertFormatError;
import static org.malau.data.readers.Fixtures.image;
import static org.malau.data.readers.Fixtures.path;
import static org.malau.data.readers.Fixtures.readAll;
import static org.malau.data.readers.Fixtures.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

class AffectNetReaderTest {
    private static final String HEADER =
        "subDirectory_filePath,face_x,face_y,face_width,face_height,facial_landmarks,expression,valence,arousal";

    @TempDir
    Path root;

    /** 68 points: x = 10 + i, y = 20.5 + i. */
    private static String landmarks() {
        return IntStream.range(0, 68).mapToObj(i -> (10 + i) + ";" + (20.5 + i)).collect(Collectors.joining(";"));
    }

    private static String row(String path, int expression) {
        return path + ",1,2,100,100," + landmarks() + "," + expression + ",0.5,-0.25";
    }

    private Path list(String partition, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return write(root.resolve("Manually_Annotated_file_lists/" + partition + ".csv"), lines);
    }

    private List<FaceRecord> read(ReaderOptions options) {
        return readAll(new AffectNetReader(), root, options);
    }

    @Test
    void mapsCodesZeroToSevenAndSkipsEightToTenWithCounts() {
        List<String> rows = new ArrayList<>();
        for (int code = 0; code <= 10; code++) {
            rows.add(row(code + "/img" + code + ".jpg", code));
            image(root.resolve("Manually_Annotated_Images/" + code + "/img" + code + ".jpg"));
        }
        rows.add(row("8/again.jpg", 8));
        list("training", rows.toArray(String[]::new));
        try (RecordStream s = new AffectNetReader().open(root, ReaderOptions.defaults())) {
            List<FaceRecord> records = s.toList();
            assertEquals(List.of(Expression.NEUTRAL, Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE, Expression.FEAR,
                Expression.DISGUST, Expression.ANGER, Expression.CONTEMPT), records.stream().map(FaceRecord::expression).toList());
            FaceRecord first = records.get(0);
            assertEquals("training/0/img0.jpg", first.id());
            assertEquals("", first.subject());
            assertNull(first.au());
            assertEquals(root.resolve("Manually_Annotated_Images/0/img0.jpg"), path(first));
            float[] expected = new float[136];
            for (int i = 0; i < 68; i++) {
                expected[2 * i] = 10 + i;
                expected[2 * i + 1] = 20.5f + i;
            }
            assertArrayEquals(expected, first.landmarks());
            assertEquals(Map.of("AffectNet expression 8 (None) is not an expression class", 2,
                "AffectNet expression 9 (Uncertain) is not an expression class", 1,
                "AffectNet expression 10 (No-Face) is not an expression class", 1), s.report().skippedByReason());
        }
    }

    @Test
    void keepsNonExpressionCodesAsUnknownWhenAsked() {
        list("validation", row("1/a.jpg", 10), row("1/b.jpg", 3));
        image(root.resolve("Manually_Annotated_Images/1/a.jpg"));
        image(root.resolve("Manually_Annotated_Images/1/b.jpg"));
        List<FaceRecord> records = read(ReaderOptions.builder().keepNonExpressionLabels(true).build());
        assertEquals(2, records.size());
        assertNull(records.get(0).expression());
        assertEquals("validation/1/a.jpg", records.get(0).id());
        assertEquals(Expression.SURPRISE, records.get(1).expression());
    }

    @Test
    void readsBothListsOrTheChosenPartition() {
        list("training", row("1/a.jpg", 1));
        write(root.resolve("validation.csv"), HEADER, row("2/b.jpg", 2));
        image(root.resolve("Manually_Annotated_Images/1/a.jpg"));
        image(root.resolve("Manually_Annotated_Images/2/b.jpg"));
        assertEquals(List.of("training/1/a.jpg", "validation/2/b.jpg"),
            read(ReaderOptions.defaults()).stream().map(FaceRecord::id).toList());
        assertEquals(List.of("validation/2/b.jpg"),
            read(ReaderOptions.builder().partition("validation").build()).stream().map(FaceRecord::id).toList());
    }

    @Test
    void emptyLandmarksAreAbsent() {
        list("training", "1/a.jpg,1,2,100,100,,1,0.5,0.5");
        image(root.resolve("Manually_Annotated_Images/1/a.jpg"));
        assertNull(read(ReaderOptions.defaults()).get(0).landmarks());
    }

    @Test
    void expressionElevenFails() {
        Path file = list("training", row("1/a.jpg", 11));
        assertFormatError(file, 2, "expression 11 is out of range", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void wrongLandmarkCountFails() {
        Path file = list("training", "1/a.jpg,1,2,100,100,1;2;3,1,0.5,0.5");
        assertFormatError(file, 2, "expected 68 landmarks as 136 numbers", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void unparsableLandmarkFails() {
        String[] values = landmarks().split(";");
        values[5] = "x";
        Path file = list("training", "1/a.jpg,1,2,100,100," + String.join(";", Arrays.asList(values)) + ",1,0.5,0.5");
        assertFormatError(file, 2, "landmark value 6 'x' is not a number", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void wrongColumnCountFails() {
        Path file = list("training", row("1/a.jpg", 1), "1/b.jpg,1,2");
        image(root.resolve("Manually_Annotated_Images/1/a.jpg"));
        assertFormatError(file, 3, "expected 9 fields as in the header, found 3", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingExpressionColumnFails() {
        Path file = write(root.resolve("training.csv"), "subDirectory_filePath,face_x", "1/a.jpg,1");
        assertFormatError(file, 1, "no column 'expression'", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingListsFail() {
        assertFormatError(root, 0, "no training.csv or validation.csv", () -> read(ReaderOptions.defaults()));
        assertFormatError(root.resolve("validation.csv"), 0, "file not found",
            () -> read(ReaderOptions.builder().partition("validation").build()));
    }
}
