package org.malau.face;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.malau.io.CsvHeader;
import org.malau.io.CsvInput;

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
        Map<Path, List<Landmarks>> out = new LinkedHashMap<>();
        try (CsvInput in = CsvInput.open(csv)) {
            CsvHeader header = in.header("an image column and eye or landmark columns");
            int img = header.firstOf("image", "file", "path");
            int lx = header.firstOf("eye_imgleft_x", "left_x");
            int ly = header.firstOf("eye_imgleft_y", "left_y");
            int rx = header.firstOf("eye_imgright_x", "right_x");
            int ry = header.firstOf("eye_imgright_y", "right_y");
            int lmFile = header.firstOf("landmarks", "landmark_file");
            if (img < 0) {
                throw in.error("no image/file/path column in the header " + header.names());
            }
            if ((lx < 0 || ly < 0 || rx < 0 || ry < 0) && lmFile < 0) {
                throw in.error("needs eye columns (eye_imgleft_x, eye_imgleft_y, eye_imgright_x, eye_imgright_y) or a landmarks column");
            }
            Path base = csv.toAbsolutePath().getParent();
            for (List<String> f = in.next(); f != null; f = in.next()) {
                try {
                    Path image = base.resolve(f.get(img).trim()).normalize();
                    Landmarks lm;
                    if (lmFile >= 0 && lmFile < f.size() && !f.get(lmFile).isBlank()) {
                        lm = Landmarks.of(LandmarkFiles.read(base.resolve(f.get(lmFile).trim())));
                    } else if (blank(f, lx) && blank(f, ly) && blank(f, rx) && blank(f, ry)) {
                        out.computeIfAbsent(image, k -> new ArrayList<>());
                        continue;
                    } else {
                        lm = Landmarks.ofEyes(new PixelPoint(num(f, lx, header), num(f, ly, header)),
                            new PixelPoint(num(f, rx, header), num(f, ry, header)));
                    }
                    out.computeIfAbsent(image, k -> new ArrayList<>()).add(lm);
                } catch (IOException | RuntimeException e) {
                    throw in.error(e.getMessage());
                }
            }
        }
        return out;
    }

    private static double num(List<String> f, int col, CsvHeader header) {
        if (blank(f, col)) {
            throw new IllegalArgumentException("eye coordinate in column '" + header.names().get(col)
                + "' is empty while other eye cells are filled; give all four or none");
        }
        String v = f.get(col).trim();
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d) || Math.abs(d) > Landmarks.MAX_COORDINATE) {
            throw new IllegalArgumentException("column '" + header.names().get(col) + "': '" + v
                + "' is no pixel coordinate; expected a finite number of at most " + (long) Landmarks.MAX_COORDINATE);
        }
        return d;
    }

    private static boolean blank(List<String> f, int col) {
        return col < 0 || col >= f.size() || f.get(col).isBlank();
    }
}
