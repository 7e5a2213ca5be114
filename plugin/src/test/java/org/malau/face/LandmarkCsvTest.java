package org.malau.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandmarkCsvTest {
    @Test
    void rowWithoutEyesListsTheImageWithNoFace(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("fe.csv"), """
            file,subject,eye_imgleft_x,eye_imgleft_y,eye_imgright_x,eye_imgright_y
            fe/a.png,s1,40.5,50,80,51
            fe/b.png,s1,,,,
            """);
        Map<Path, List<Landmarks>> faces = LandmarkCsv.read(csv);
        assertEquals(1, faces.get(dir.resolve("fe/a.png")).size());
        assertTrue(faces.get(dir.resolve("fe/b.png")).isEmpty(), "no face listed for b.png");
    }

    @Test
    void partlyEmptyEyeCellsAreAnErrorNamingTheLine(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("eyes.csv"), """
            image,eye_imgleft_x,eye_imgleft_y,eye_imgright_x,eye_imgright_y
            a.png,40,50,80,51
            b.png,40,,80,51
            """);
        IOException e = assertThrows(IOException.class, () -> LandmarkCsv.read(csv));
        assertTrue(e.getMessage().contains("eyes.csv line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("give all four or none"), e.getMessage());
    }
}
