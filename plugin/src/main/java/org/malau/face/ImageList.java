package org.malau.face;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.malau.io.CsvHeader;
import org.malau.io.CsvInput;

/** The images of a batch: every image file below a folder, or the files a CSV lists. */
public final class ImageList {
    /** File name extensions treated as images when scanning a folder (lower case). */
    public static final Set<String> IMAGE_EXTENSIONS =
        Set.of("png", "jpg", "jpeg", "jpe", "bmp", "tif", "tiff", "webp");

    /**
     * The images found, and what could not be looked into: unreadable subfolders, symbolic links that
     * cannot be followed (dangling or looping), each named with the reason; nothing is skipped silently.
     */
    public record Listing(List<Path> images, List<String> skipped) {
    }

    private ImageList() {
    }

    /**
     * A folder (searched recursively, sorted by path, image extensions only) or a CSV with a header
     * and an {@code image}, {@code file} or {@code path} column (relative to the CSV's folder).
     *
     * @throws IOException naming {@code input} if it is missing or the CSV has no image column
     */
    public static List<Path> of(Path input) throws IOException {
        return scan(input).images();
    }

    /** As {@link #of}, with the entries of a folder that could not be read. */
    public static Listing scan(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            return folder(input);
        }
        if (!Files.exists(input)) {
            throw new IOException(input + ": input not found (expected a folder of images or a CSV listing them)");
        }
        List<Path> out = new ArrayList<>();
        try (CsvInput in = CsvInput.open(input)) {
            CsvHeader header = in.header("an image, file or path column");
            int col = header.firstOf("image", "file", "path");
            if (col < 0) {
                throw in.error("no image/file/path column in the header " + header.names());
            }
            Path base = input.toAbsolutePath().getParent();
            for (List<String> f = in.next(); f != null; f = in.next()) {
                if (col < f.size() && !f.get(col).isBlank()) {
                    out.add(base.resolve(f.get(col).trim()).normalize());
                }
            }
        }
        return new Listing(out, List.of());
    }

    private static Listing folder(Path root) throws IOException {
        List<Path> images = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    // With FOLLOW_LINKS a link is reported as itself only when its target cannot be reached.
                    if (isImageName(file)) {
                        skipped.add(file + ": symbolic link that cannot be followed (its target is missing)");
                    }
                } else if (attrs.isRegularFile() && isImageName(file)) {
                    images.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (file.equals(root)) {
                    return FileVisitResult.TERMINATE;
                }
                skipped.add(file + ": " + (e instanceof FileSystemLoopException ? "symbolic link loop, not followed"
                    : "cannot be read (" + e.getClass().getSimpleName() + ")"));
                return FileVisitResult.CONTINUE;
            }
        });
        images.sort(null);
        skipped.sort(null);
        return new Listing(images, skipped);
    }

    /** True when the file name ends in one of {@link #IMAGE_EXTENSIONS}. */
    public static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1));
    }
}
