package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.data.readers.Bp4dReaderTest.assertOccurrence;
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
import org.malau.data.FaceRecord;

class DisfaReaderTest {
    @TempDir
    Path root;

    /** Writes one subject's 12 AU files; AU k's intensity at frame f is {@code intensities[f - 1][k]}. */
    private void subject(String subject, int[][] intensities) {
        for (int a = 0; a < DisfaReader.AU_CODES.length; a++) {
            String[] lines = new String[intensities.length];
            for (int f = 0; f < intensities.length; f++) {
                lines[f] = (f + 1) + "," + intensities[f][a];
            }
            write(labelFile(subject, DisfaReader.AU_CODES[a]), lines);
        }
    }

    private Path labelFile(String subject, int au) {
        return root.resolve("ActionUnit_Labels").resolve(subject).resolve(subject + "_au" + au + ".txt");
    }

    private List<FaceRecord> read(ReaderOptions options) {
        return readAll(new DisfaReader(), root, options);
    }

    @Test
    void readsIntensitiesAndOccurrenceFromIntensityTwo() {
        subject("SN001", new int[][] {
            {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5},
            {5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 2}});
        subject("SN002", new int[][] {{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}});
        image(root.resolve("Images/SN001/1.jpg"));
        image(root.resolve("Images/SN001/2.jpg"));
        image(root.resolve("Images/SN002/1.jpg"));

        List<FaceRecord> records = read(ReaderOptions.defaults());

        assertEquals(List.of("SN001_1", "SN001_2", "SN002_1"), records.stream().map(FaceRecord::id).toList());
        FaceRecord first = records.get(0);
        assertEquals("SN001", first.subject());
        assertEquals(root.resolve("Images/SN001/1.jpg"), path(first));
        assertArrayEquals(DisfaReader.AU_CODES, first.au().auCodes());
        float[] intensity = new float[12];
        for (int i = 0; i < 12; i++) {
            intensity[i] = first.au().intensity(i);
        }
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}, intensity);
        assertOccurrence(first.au(), 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1);
        assertOccurrence(records.get(1).au(), 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1);
        assertEquals("SN002", records.get(2).subject());
        assertOccurrence(records.get(2).au(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void eightAuProtocolAndMeGraphAuImageLayout() {
        subject("SN003", new int[][] {{0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        image(root.resolve("img/SN003/0.png"));
        image(root.resolve("img/SN003/1.png"));
        List<FaceRecord> records = read(ReaderOptions.builder().auCodes(DisfaReader.PROTOCOL_8_AUS).build());
        assertEquals(root.resolve("img/SN003/0.png"), path(records.get(0)));
        assertEquals(root.resolve("img/SN003/1.png"), path(records.get(1)));
        assertEquals("SN003_2", records.get(1).id());
        assertArrayEquals(new int[] {1, 2, 4, 6, 9, 12, 25, 26}, records.get(0).au().auCodes());
        // AUs 1, 2, 4, 6, 9, 12, 25, 26 sit at positions 0, 1, 2, 4, 5, 6, 10, 11 of the fixture row
        assertEquals(4f, records.get(0).au().intensity(3));
        assertOccurrence(records.get(0).au(), 0, 0, 1, 1, 1, 0, 1, 1);
    }

    @Test
    void frameMissingFromOneAuFileIsUnknownNotZero() {
        subject("SN010", new int[][] {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}});
        write(labelFile("SN010", 26), "1,0");
        image(root.resolve("Images/SN010/1.jpg"));
        image(root.resolve("Images/SN010/2.jpg"));
        try (RecordStream s = new DisfaReader().open(root, ReaderOptions.defaults())) {
            List<FaceRecord> records = s.toList();
            AuLabels second = records.get(1).au();
            assertEquals(AuLabels.UNKNOWN, second.occurrence(11));
            assertTrue(Float.isNaN(second.intensity(11)));
            assertEquals(1, second.occurrence(0));
            assertTrue(s.report().notes().contains("SN010: 1 frame(s) are missing from some AU label files; those AUs are unknown there"),
                s.report().notes().toString());
        }
    }

    @Test
    void intensityAboveFiveFails() {
        subject("SN001", new int[][] {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        Path file = write(labelFile("SN001", 4), "1,0", "2,7");
        assertFormatError(file, 2, "intensity 7 is out of range; expected 0-5", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void unparsableIntensityFails() {
        subject("SN001", new int[][] {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        Path file = write(labelFile("SN001", 9), "1,B");
        assertFormatError(file, 1, "intensity 'B' is not a whole number", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void wrongFieldCountFails() {
        subject("SN001", new int[][] {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        Path file = write(labelFile("SN001", 1), "1;0");
        assertFormatError(file, 1, "expected 'frame,intensity', found 1 field(s)", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingAuFileFailsNamingIt() {
        subject("SN001", new int[][] {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        Path missing = labelFile("SN001", 20);
        assertTrue(missing.toFile().delete());
        assertFormatError(missing, 0, "AU 20 label file not found", () -> read(ReaderOptions.defaults()));
    }

    @Test
    void missingImageFailsNamingTheLabelFileAndEveryPatternTried() {
        subject("SN001", new int[][] {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        DatasetFormatException e = assertFormatError(labelFile("SN001", 1), 1, "image not found",
            () -> read(ReaderOptions.defaults()));
        assertTrue(e.getMessage().contains(root.resolve("img/SN001/0.png").toString()), e.getMessage());
    }

    @Test
    void auThatDisfaDoesNotLabelIsAnOptionError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> read(ReaderOptions.builder().auCodes(1, 7).build()));
        assertTrue(e.getMessage().contains("AU 7 is not labelled in DISFA"), e.getMessage());
    }

    @Test
    void missingLabelFolderFails() {
        assertFormatError(root.resolve("ActionUnit_Labels"), 0, "folder not found", () -> read(ReaderOptions.defaults()));
    }
}
