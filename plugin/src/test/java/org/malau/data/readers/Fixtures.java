package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.function.Executable;
import org.malau.data.FaceRecord;

/** Writes tiny data set layouts and checks reader errors. */
final class Fixtures {
    private Fixtures() {
    }

    /** Writes {@code lines} joined by LF with a final LF, creating folders. */
    static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a real 4x4 image in the format its extension names, so readers see an ordinary image file. */
    static Path image(Path file) {
        try {
            Files.createDirectories(file.getParent());
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String format = name.endsWith(".png") ? "png" : "jpg";
            BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            img.setRGB(1, 1, 0x808080);
            assertTrue(ImageIO.write(img, format, file.toFile()), "no ImageIO writer for " + format);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FaceRecord> readAll(DatasetReader reader, Path location, ReaderOptions options) {
        try (RecordStream s = reader.open(location, options)) {
            return s.toList();
        }
    }

    /** The image path of a record read from files. */
    static Path path(FaceRecord r) {
        return ((FaceRecord.ImageFile) r.image()).path();
    }

    /**
     * Asserts that running {@code action} fails naming {@code file} and {@code line} (0: no line)
     * and saying {@code what}.
     */
    static DatasetFormatException assertFormatError(Path file, int line, String what, Executable action) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, action);
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        String prefix = line > 0 ? file + ":" + line + ": " : file + ": ";
        assertTrue(e.getMessage().startsWith(prefix), () -> "message should start with '" + prefix + "': " + e.getMessage());
        assertTrue(e.getMessage().contains(what), () -> "message should say '" + what + "': " + e.getMessage());
        return e;
    }
}
