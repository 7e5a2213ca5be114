package org.malau.face;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table of landmarks per image, as read by {@code ./mal align --landmarks}.
 *
 * <p>Header row required. The image column is {@code image}, {@code file} or {@code path} (relative to
 * the CSV's folder or absolute). Each row is one face, given either by eye centres in columns
 * {@code eye_imgleft_x, eye_imgleft_y, eye_imgright_x, eye_imgright_y} (the layout of
 * {@code shared/data/landmarks/eyes.csv}; {@code left_x, left_y, right_x, right_y} also work) or by a
 * {@code landmarks} column naming a {@code .tem} or {@code .pts} file (relative to the CSV's folder).
 * Other columns are ignored. A row whose eye and landmark cells are all empty lists the image without
 * a face (the synthetic generator writes such rows for samples that show no face); the image is then
 * left to the detector.
 */
public final class LandmarkCsv {
    private LandmarkCsv() {
    }

    /**
     * Faces per image, keyed by the image's absolute normalised path, rows in file order.
     *
     * @throws IOException naming the file and line for unreadable or malformed rows
     */
    public static Map<Path, List<Landmarks>> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(csv + ": empty landmark table");
        }
        List<String> header = new ArrayList<>();
        for (String h : Csv.split(lines.get(0))) {
            header.add(h.trim().toLowerCase(Locale.ROOT));
        }
        int img = first(header, "image", "file", "path");
        int lx = first(header, "eye_imgleft_x", "left_x");
        int ly = first(header, "eye_imgleft_y", "left_y");
        int rx = first(header, "eye_imgright_x", "right_x");
        int ry = first(header, "eye_imgright_y", "right_y");
        int lmFile = first(header, "landmarks", "landmark_file");
        if (img < 0) {
            throw new IOException(csv + ": no image/file/path column in header " + header);
        }
        if ((lx < 0 || ly < 0 || rx < 0 || ry < 0) && lmFile < 0) {
            throw new IOException(csv + ": needs eye columns (eye_imgleft_x, ...) or a landmarks column");
        }
        Path base = csv.toAbsolutePath().getParent();
        Map<Path, List<Landmarks>> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = Csv.split(lines.get(i));
            try {
                Path image = base.resolve(f.get(img).trim()).normalize();
                Landmarks lm;
                if (lmFile >= 0 && lmFile < f.size() && !f.get(lmFile).isBlank()) {
                    lm = Landmarks.of(LandmarkFiles.read(base.resolve(f.get(lmFile).trim())));
                } else if (blank(f, lx) && blank(f, ly) && blank(f, rx) && blank(f, ry)) {
                    out.computeIfAbsent(image, k -> new ArrayList<>());
                    continue;
                } else {
                    lm = Landmarks.ofEyes(new PixelPoint(num(f, lx), num(f, ly)), new PixelPoint(num(f, rx), num(f, ry)));
                }
                out.computeIfAbsent(image, k -> new ArrayList<>()).add(lm);
            } catch (RuntimeException e) {
                throw new IOException(csv + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static double num(List<String> f, int col) {
        if (blank(f, col)) {
            throw new IllegalArgumentException("eye coordinate in column " + (col + 1)
                + " is empty while other eye cells are filled; give all four or none");
        }
        return Double.parseDouble(f.get(col).trim());
    }

    private static boolean blank(List<String> f, int col) {
        return col < 0 || col >= f.size() || f.get(col).isBlank();
    }

    private static int first(List<String> header, String... names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }
}
