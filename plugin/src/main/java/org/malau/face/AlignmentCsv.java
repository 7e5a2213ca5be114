package org.malau.face;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes {@code alignment.csv}: one row per aligned face, and one row (empty face index) per image
 * that produced none. Coordinates are source-image pixels; {@code roll_deg} is positive when the
 * image-right eye is lower; {@code scale} is crop pixels per source pixel. Optionally the 68 landmarks
 * of the faces whose eyes the 68-point network found, {@code lm00_x} ... {@code lm67_y} (iBUG order, source
 * pixels, empty for other faces), the columns the synthetic data's CSV and the landmark route read.
 */
public final class AlignmentCsv implements Closeable {
    /** Column names, in order. */
    public static final String HEADER = "file,face_index,status,box_x,box_y,box_w,box_h,"
        + "eye_left_x,eye_left_y,eye_right_x,eye_right_y,roll_deg,scale,crop_file,message";

    private final Writer out;
    private final boolean landmarks68;

    /** Starts a table on {@code out} and writes the header. */
    public AlignmentCsv(Writer out) throws IOException {
        this(out, false);
    }

    /** Starts a table on {@code out}, with the 68 landmark columns when {@code landmarks68}, and writes the header. */
    public AlignmentCsv(Writer out, boolean landmarks68) throws IOException {
        this.out = out;
        this.landmarks68 = landmarks68;
        out.write(HEADER);
        if (landmarks68) {
            for (int k = 0; k < 68; k++) {
                out.write(String.format(Locale.ROOT, ",lm%02d_x,lm%02d_y", k, k));
            }
        }
        out.write('\n');
    }

    /** The 68 landmark cells of a row, each preceded by a comma; empty cells without landmarks. */
    private String landmarkCells(java.util.List<PixelPoint> points) {
        if (!landmarks68) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 68; k++) {
            b.append(',').append(points == null ? "" : f1(points.get(k).x())).append(',')
                .append(points == null ? "" : f1(points.get(k).y()));
        }
        return b.toString();
    }

    /** A row for {@code face} of {@code image}, whose crop was saved as {@code cropFile}. */
    public void face(ImageAlignment image, AlignedFace face, String cropFile) throws IOException {
        FaceBox b = face.box();
        EyePair e = face.eyes();
        out.write(String.join(",", Csv.quote(image.source()), Integer.toString(face.faceIndex()), face.status().name(),
            f1(b.x()), f1(b.y()), f1(b.width()), f1(b.height()),
            f1(e.left().x()), f1(e.left().y()), f1(e.right().x()), f1(e.right().y()),
            String.format(Locale.ROOT, "%.2f", face.rollDegrees()), String.format(Locale.ROOT, "%.5f", face.scale()),
            Csv.quote(cropFile), Csv.quote(image.message())));
        out.write(landmarkCells(face.landmarks68()));
        out.write('\n');
    }

    /** A row for an image without faces (status {@code NO_FACE} or {@code UNREADABLE}). */
    public void noFace(ImageAlignment image) throws IOException {
        out.write(String.join(",", Csv.quote(image.source()), "", image.status().name(), "", "", "", "", "", "", "", "", "",
            "", "", Csv.quote(image.message())));
        out.write(landmarkCells(null));
        out.write('\n');
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
