package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ImagePatternTest {
    @Test
    void expandsAndZeroPadsNumbers() {
        ImagePattern p = ImagePattern.of("{subject}/{task}/{frame:4}.jpg", Set.of("subject", "task", "frame"));
        assertEquals("F001/T1/0012.jpg", p.expand(Map.of("subject", "F001", "task", "T1", "frame", 12)));
        assertEquals("F001/T1/12345.jpg", p.expand(Map.of("subject", "F001", "task", "T1", "frame", 12345)));
        ImagePattern plain = ImagePattern.of("img/{frame}.png", Set.of("frame"));
        assertEquals("img/7.png", plain.expand(Map.of("frame", 7)));
    }

    @Test
    void rejectsPlaceholdersTheReaderDoesNotSupply() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ImagePattern.of("{subject}/{frmae}.jpg", Set.of("subject", "frame")));
        assertTrue(e.getMessage().contains("{frmae}"), e.getMessage());
        assertTrue(e.getMessage().contains("{frame}"), e.getMessage());
    }

    @Test
    void rejectsStrayBracesAndEmptyPatterns() {
        assertThrows(IllegalArgumentException.class, () -> ImagePattern.of("{subject/x.jpg", Set.of("subject")));
        assertThrows(IllegalArgumentException.class, () -> ImagePattern.of("a}/{subject}", Set.of("subject")));
        assertThrows(IllegalArgumentException.class, () -> ImagePattern.of(" ", Set.of("subject")));
    }
}
