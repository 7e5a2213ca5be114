package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.data.readers.Bp4dReaderTest.assertOccurrence;
import static org.malau.data.readers.Fixtures.assertFormatError;
import static org.malau.data.readers.Fixtures.image;
import static org.malau.data.readers.Fixtures.path;
import static org.malau.data.readers.Fixtures.readAll;
import static org.malau.data.readers.Fixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

class GenericCsvReaderTest {
    @TempDir
    Path dir;

    private List<FaceRecord> read(Path csv, ReaderOptions options) {
        return readAll(new GenericCsvReader(), csv, options);
    }

    @Test
    void readsAuColumnsOfEveryNamingWithUnknownsAndQuotedPaths() {
        Path csv = write(dir.resolve("labels/set.csv"),
            "Path,Subject,au_4,AU01,AU2,Expression,notes",
            "imgs/a.png,S1,1,0,NA,happiness,fine",
            "\"imgs/b, copy.png\",S2,9,1,,,\"said \"\"hm\"\"\"",
            "imgs/c.png,S2,-1,nan,1,Surprise,");
        image(dir.resolve("labels/imgs/a.png"));
        image(dir.resolve("labels/imgs/b, copy.png"));
        image(dir.resolve("labels/imgs/c.png"));

        List<FaceRecord> records = read(csv, ReaderOptions.defaults());

        assertEquals(3, records.size());
        FaceRecord a = records.get(0);
        assertEquals("imgs/a.png", a.id());
        assertEquals("S1", a.subject());
        assertEquals(dir.resolve("labels/imgs/a.png"), path(a));
        assertArrayEquals(new int[] {1, 2, 4}, a.au().auCodes());
        byte u = AuLabels.UNKNOWN;
        assertOccurrence(a.au(), 0, u, 1);
        assertFalse(a.au().hasIntensities());
        assertEquals(Expression.HAPPINESS, a.expression());
        assertEquals(Corruption.UNKNOWN, a.corruption());
        FaceRecord b = records.get(1);
        assertEquals(dir.resolve("labels/imgs/b, copy.png"), path(b));
        assertOccurrence(b.au(), 1, u, u);
        assertNull(b.expression());
        assertOccurrence(records.get(2).au(), u, 1, u);
        assertEquals(Expression.SURPRISE, records.get(2).expression());
    }

    @Test
    void intensitiesGiveOccurrenceFromTwo() {
        Path csv = write(dir.resolve("i.csv"), "image,AU06,AU12", "a.png,1.5,2", "b.png,5,");
        image(dir.resolve("a.png"));
        image(dir.resolve("b.png"));
        List<FaceRecord> records = read(csv, ReaderOptions.builder().auIntensities(true).build());
        AuLabels a = records.get(0).au();
        assertTrue(a.hasIntensities());
        assertEquals(1.5f, a.intensity(0));
        assertEquals(2f, a.intensity(1));
        assertOccurrence(a, 0, 1);
        assertOccurrence(records.get(1).au(), 1, AuLabels.UNKNOWN);
        assertTrue(Float.isNaN(records.get(1).au().intensity(1)));
        assertNull(records.get(0).expression());
    }

    @Test
    void integerExpressionsUseTheUserMappingAndOtherColumnsAreOptional() {
        Path csv = write(dir.resolve("e.csv"), "file,emotion,id,corruption", "x1.png,3,x1,label_noise", "y.png,0,,");
        image(dir.resolve("x1.png"));
        image(dir.resolve("y.png"));
        try (RecordStream s = new GenericCsvReader().open(csv,
            ReaderOptions.builder().expressionCodes(Map.of(0, Expression.NEUTRAL, 3, Expression.FEAR)).build())) {
            List<FaceRecord> records = s.toList();
            assertEquals(List.of("x1", "y.png"), records.stream().map(FaceRecord::id).toList());
            assertEquals(List.of(Expression.FEAR, Expression.NEUTRAL), records.stream().map(FaceRecord::expression).toList());
            assertEquals(List.of(Corruption.LABEL_NOISE, Corruption.UNKNOWN), records.stream().map(FaceRecord::corruption).toList());
            assertNull(records.get(0).au());
            assertEquals("", records.get(0).subject());
            assertTrue(s.report().notes().stream().anyMatch(n -> n.startsWith("no subject column")));
        }
    }

    @Test
    void absolutePathsStayAndPatternsRewritePaths() {
        Path elsewhere = image(dir.resolve("elsewhere/abs.png"));
        image(dir.resolve("faces/faceB.png"));
        Path csv = write(dir.resolve("sub/p.csv"), "path,AU01,id", elsewhere + ",1,faceA", "rel,0,faceB");
        List<FaceRecord> plain = read(csv, ReaderOptions.builder().missingImages(MissingImagePolicy.SKIP).build());
        assertEquals(List.of(elsewhere), plain.stream().map(Fixtures::path).toList());
        try (RecordStream s = new GenericCsvReader().open(csv,
            ReaderOptions.builder().imagePattern("../faces/{id}.png").missingImages(MissingImagePolicy.SKIP).build())) {
            assertEquals(List.of(dir.resolve("faces/faceB.png")), s.toList().stream().map(Fixtures::path).toList());
            assertEquals(List.of(dir.resolve("faces/faceA.png")), s.report().missingImageExamples());
        }
    }

    @Test
    void chosenColumnsAndAus() {
        Path csv = write(dir.resolve("c.csv"), "img_here,who,feeling,AU1,AU2", "a.png,P9,anger,1,0");
        image(dir.resolve("a.png"));
        FaceRecord r = read(csv, ReaderOptions.builder().pathColumn("IMG_HERE").subjectColumn("who").expressionColumn("feeling")
            .auCodes(2).build()).get(0);
        assertEquals("P9", r.subject());
        assertEquals(Expression.ANGER, r.expression());
        assertArrayEquals(new int[] {2}, r.au().auCodes());
        assertOccurrence(r.au(), 0);
    }

    @Test
    void occurrenceOtherThanZeroOrOneFails() {
        Path csv = write(dir.resolve("o.csv"), "path,AU01", "a.png,1", "b.png,2");
        image(dir.resolve("a.png"));
        assertFormatError(csv, 3, "AU01 value '2' is out of range; expected 0 or 1", () -> read(csv, ReaderOptions.defaults()));
    }

    @Test
    void intensityAboveFiveFails() {
        Path csv = write(dir.resolve("o.csv"), "path,AU01", "b.png,6");
        assertFormatError(csv, 2, "AU01 intensity '6' is out of range; expected 0-5",
            () -> read(csv, ReaderOptions.builder().auIntensities(true).build()));
    }

    @Test
    void unparsableAuValueFails() {
        Path csv = write(dir.resolve("o.csv"), "path,AU01", "b.png,yes");
        assertFormatError(csv, 2, "AU01 value 'yes' is not a number", () -> read(csv, ReaderOptions.defaults()));
    }

    @Test
    void unknownAuColumnFails() {
        Path csv = write(dir.resolve("h.csv"), "path,AU01_r", "a.png,1");
        assertFormatError(csv, 1, "unknown AU code in column 'AU01_r'", () -> read(csv, ReaderOptions.defaults()));
        Path zero = write(dir.resolve("z.csv"), "path,AU00", "a.png,1");
        assertFormatError(zero, 1, "unknown AU code in column 'AU00'", () -> read(zero, ReaderOptions.defaults()));
    }

    @Test
    void sameAuTwiceFails() {
        Path csv = write(dir.resolve("h.csv"), "path,AU1,AU01", "a.png,1,1");
        assertFormatError(csv, 1, "AU 1 has two columns", () -> read(csv, ReaderOptions.defaults()));
    }

    @Test
    void integerExpressionWithoutMappingFails() {
        Path csv = write(dir.resolve("x.csv"), "path,expression", "a.png,happiness", "a.png,3");
        image(dir.resolve("a.png"));
        assertFormatError(csv, 3, "is a number but no code mapping is set", () -> read(csv, ReaderOptions.defaults()));
    }

    @Test
    void unmappedCodeAndUnknownNameFail() {
        Path csv = write(dir.resolve("x.csv"), "path,expression", "a.png,5");
        assertFormatError(csv, 2, "expression code 5 has no mapping; mapped codes are [0]",
            () -> read(csv, ReaderOptions.builder().expressionCodes(Map.of(0, Expression.NEUTRAL)).build()));
        Path named = write(dir.resolve("y.csv"), "path,expression", "a.png,joy");
        assertFormatError(named, 2, "unknown expression 'joy'", () -> read(named, ReaderOptions.defaults()));
    }

    @Test
    void wrongColumnCountFails() {
        Path csv = write(dir.resolve("w.csv"), "path,AU01", "a.png,1,1");
        assertFormatError(csv, 2, "expected 2 fields as in the header, found 3", () -> read(csv, ReaderOptions.defaults()));
    }

    @Test
    void headerWithoutPathOrLabelsFails() {
        Path noPath = write(dir.resolve("p.csv"), "picture,AU01", "a.png,1");
        assertFormatError(noPath, 1, "no image path column", () -> read(noPath, ReaderOptions.defaults()));
        Path noLabels = write(dir.resolve("l.csv"), "path,subject", "a.png,S1");
        assertFormatError(noLabels, 1, "no label columns", () -> read(noLabels, ReaderOptions.defaults()));
        Path missingAu = write(dir.resolve("m.csv"), "path,AU01", "a.png,1");
        assertFormatError(missingAu, 1, "no column for AU 12",
            () -> read(missingAu, ReaderOptions.builder().auCodes(1, 12).build()));
    }

    @Test
    void missingFileAndFolderFail() {
        assertFormatError(dir.resolve("none.csv"), 0, "file not found", () -> read(dir.resolve("none.csv"), ReaderOptions.defaults()));
        assertFormatError(dir, 0, "is a folder", () -> read(dir, ReaderOptions.defaults()));
    }

    @Test
    void missingImageFailsByDefault() {
        Path csv = write(dir.resolve("m.csv"), "path,AU01", "gone.png,1");
        assertFormatError(csv, 2, "image not found: " + dir.resolve("gone.png"), () -> read(csv, ReaderOptions.defaults()));
    }
}
