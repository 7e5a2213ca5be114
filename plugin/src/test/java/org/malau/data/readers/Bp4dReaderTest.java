package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.FaceRecord;

class Bp4dReaderTest {
    /** BP4D's header: frame column "0", then AU numbers including ones outside the 12-AU protocol. */
    private static final String HEADER = "0,1,2,4,6,7,10,12,14,15,17,23,24,27";

    @TempDir
    Path root;

    private Path labels(String name) {
        return root.resolve("AUCoding/AU_OCC").resolve(name);
    }

    private List<FaceRecord> read(ReaderOptions options) {
        return readAll(new Bp4dReader(), root, options);
    }

    @Test
    void readsOccurrenceWithNineAsUnknownAndFindsFramesOfEitherPadding() {
        write(labels("F001_T1.csv"), HEADER,
            "2440,1,0,9,0,0,0,1,0,0,0,0,1,9",
            "2441,0,0,0,1,1,1,0,0,0,0,0,0,0");
        write(labels("M002_T8.csv"), HEADER,
            "12,9,9,9,9,9,9,9,9,9,9,9,9,0");
        image(root.resolve("BP4D-training/F001/T1/2440.jpg"));
        image(root.resolve("BP4D-training/F001/T1/2441.jpg"));
        image(root.resolve("BP4D-training/M002/T8/0012.jpg"));

        RecordStream s = new Bp4dReader().open(root, ReaderOptions.defaults());
        List<FaceRecord> records = s.toList();

        assertEquals(3, records.size());
        FaceRecord first = records.get(0);
        assertEquals("F001_T1_2440", first.id());
        assertEquals("F001", first.subject());
        assertEquals(root.resolve("BP4D-training/F001/T1/2440.jpg"), path(first));
        assertArrayEquals(Bp4dReader.DEFAULT_AU_CODES, first.au().auCodes());
        byte u = AuLabels.UNKNOWN;
        assertOccurrence(first.au(), 1, 0, u, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        assertFalse(first.au().hasIntensities());
        assertNull(first.expression());
        assertEquals(Corruption.UNKNOWN, first.corruption());
        assertOccurrence(records.get(1).au(), 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        FaceRecord padded = records.get(2);
        assertEquals("M002_T8_12", padded.id());
        assertEquals("M002", padded.subject());
        assertEquals(root.resolve("BP4D-training/M002/T8/0012.jpg"), path(padded));
        assertOccurrence(padded.au(), u, u, u, u, u, u, u, u, u, u, u, u);
        assertTrue(s.report().notes().contains("images found with pattern BP4D-training/{subject}/{task}/{frame:4}.jpg"),
            s.report().notes().toString());
    }

    @Test
    void readsChosenAusInTheGivenOrderWithAUserPattern() {
        write(labels("F003_T2.csv"), HEADER, "5,1,0,9,0,0,0,1,0,0,0,0,1,1");
        image(root.resolve("frames/F003-T2-00005.png"));
        List<FaceRecord> records = read(ReaderOptions.builder().auCodes(27, 1, 4)
            .imagePattern("frames/{subject}-{task}-{frame:5}.png").build());
        assertEquals(1, records.size());
        assertArrayEquals(new int[] {27, 1, 4}, records.get(0).au().auCodes());
        assertOccurrence(records.get(0).au(), 1, 1, AuLabels.UNKNOWN);
        assertEquals(root.resolve("frames/F003-T2-00005.png"), path(records.get(0)));
    }

    @Test
    void missingImageFailsNamingLabelFileLineAndImage() {
        Path file = write(labels("F001_T1.csv"), HEADER,
            "1,0,0,0,0,0,0,0,0,0,0,0,0,0",
            "2,0,0,0,0,0,0,0,0,0,0,0,0,0");
        image(root.resolve("BP4D-training/F001/T1/1.jpg"));
        DatasetFormatException e = assertFormatError(file, 3, "image not found", () -> read(ReaderOptions.defaults()));
        assertTrue(e.getMessage().contains(root.resolve("BP4D-training/F001/T1/2.jpg").toString()), e.getMessage());
    }

    @Test
    void missingImageIsCountedAndNamedWhenSkipping() {
        write(labels("F001_T1.csv"), HEADER,
            "1,0,0,0,0,0,0,0,0,0,0,0,0,0",
            "2,1,0,0,0,0,0,0,0,0,0,0,0,0");
        image(root.resolve("BP4D-training/F001/T1/2.jpg"));
        try (RecordStream s = new Bp4dReader().open(root, ReaderOptions.builder().missingImages(MissingImagePolicy.SKIP).build())) {
            List<FaceRecord> records = s.toList();
            assertEquals(List.of("F001_T1_2"), records.stream().map(FaceRecord::id).toList());
            assertEquals(1, s.report().missingImages());
            assertEquals(List.of(root.resolve("BP4D-training/F001/T1/1.jpg")), s.report().missingImageExamples());
            assertTrue(s.report().warnings().get(0).startsWith("1 sample(s) skipped because the image file does not exist"));
        }
    }

    @Test
    void valueOutsideZeroOneNineFails() {
        Path file = write(labels("F001_T1.csv"), HEADER,
            "1,0,0,0,0,0,0,0,0,0,0,0,0,0",
            "2,0,3,0,0,0,0,0,0,0,0,0,0,0");
        image(root.resolve("BP4D-training/F001/T1/1.jpg"));
        assertFormatError(file, 3, "AU 2 value '3' is out of range; expected 0, 1 or 9", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void wrongColumnCountFails() {
        Path file = write(labels("F001_T1.csv"), HEADER, "1,0,0,0,0,0,0,0,0,0,0,0,0");
        assertFormatError(file, 2, "expected 14 fields as in the header, found 13", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void unparsableFrameNumberFails() {
        Path file = write(labels("F001_T1.csv"), HEADER, "x1,0,0,0,0,0,0,0,0,0,0,0,0,0");
        assertFormatError(file, 2, "frame number 'x1' is not a whole number", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void unknownAuCodeInHeaderFails() {
        Path file = write(labels("F001_T1.csv"), "0,1,2,4,6,7,10,12,14,15,17,23,24,smile", "1,0,0,0,0,0,0,0,0,0,0,0,0,0");
        assertFormatError(file, 1, "unknown AU code 'smile' in header column 14", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void requestedAuMissingFromHeaderFails() {
        Path file = write(labels("F001_T1.csv"), "0,1,2,4,6,7,10,12,14,15,17,23", "1,0,0,0,0,0,0,0,0,0,0,0");
        assertFormatError(file, 1, "AU 24 is not a column", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void duplicateFrameFails() {
        Path file = write(labels("F001_T1.csv"), HEADER, "1,0,0,0,0,0,0,0,0,0,0,0,0,0", "1,0,0,0,0,0,0,0,0,0,0,0,0,0");
        image(root.resolve("BP4D-training/F001/T1/1.jpg"));
        assertFormatError(file, 3, "frame 1 appears twice", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingLabelFolderFailsNamingIt() {
        assertFormatError(root.resolve("AUCoding/AU_OCC"), 0, "folder not found", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void emptyLabelFolderFails() {
        write(labels("notes.csv"), "x");
        assertFormatError(root.resolve("AUCoding/AU_OCC"), 0, "no AU occurrence files", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void otherCsvFilesAreNotedNotRead() {
        write(labels("F001_T1.csv"), HEADER, "1,0,0,0,0,0,0,0,0,0,0,0,0,0");
        write(labels("summary.csv"), "whatever");
        image(root.resolve("BP4D-training/F001/T1/1.jpg"));
        try (RecordStream s = new Bp4dReader().open(root, ReaderOptions.defaults())) {
            assertEquals(1, s.toList().size());
            assertTrue(s.report().notes().stream().anyMatch(n -> n.startsWith("1 CSV file(s)")), s.report().notes().toString());
        }
    }

    @Test
    void auNotInFacsRangeIsAnOptionError() {
        assertThrows(IllegalArgumentException.class, () -> read(ReaderOptions.builder().auCodes(0, 1).build()));
    }

    static void assertOccurrence(AuLabels au, int... expected) {
        byte[] actual = new byte[au.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = au.occurrence(i);
        }
        byte[] want = new byte[expected.length];
        for (int i = 0; i < want.length; i++) {
            want[i] = (byte) expected[i];
        }
        assertArrayEquals(want, actual);
    }
}
