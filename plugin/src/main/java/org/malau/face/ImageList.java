package org.malau.face;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The images of a batch: every image file below a folder, or the files a CSV lists. */
public final class ImageList {
    /** File name extensions treated as images when scanning a folder (lower case). */
    public static final Set<String> IMAGE_EXTENSIONS =
        Set.of("png", "jpg", "jpeg", "jpe", "bmp", "tif", "tiff", "webp");

    private ImageList() {
    }

    /**
     * A folder (searched recursively, sorted by path, image extensions only) or a CSV with a header
     * and an {@code image}, {@code file} or {@code path} column (relative to the CSV's folder).
     *
     * @throws IOException naming {@code input} if it is missing or the CSV has no image column
     */
    public static List<Path> of(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.walk(input)) {
                return s.filter(Files::isRegularFile).filter(ImageList::isImageName).sorted().toList();
            }
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": input not found");
        }
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(input + ": empty image list");
        }
        List<String> header = new ArrayList<>();
        for (String h : Csv.split(lines.get(0))) {
            header.add(h.trim().toLowerCase(Locale.ROOT));
        }
        int col = -1;
        for (String n : List.of("image", "file", "path")) {
            if (col < 0) {
                col = header.indexOf(n);
            }
        }
        if (col < 0) {
            throw new IOException(input + ": no image/file/path column in header " + header);
        }
        Path base = input.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.split(line);
            if (col < f.size() && !f.get(col).isBlank()) {
                out.add(base.resolve(f.get(col).trim()).normalize());
            }
        }
        return out;
    }

    /** True when the file name ends in one of {@link #IMAGE_EXTENSIONS}. */
    public static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1));
    }
}
