package org.malau.face;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.malau.io.CsvOutput;

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

    private final CsvOutput out;
    private final boolean landmarks68;

    /** Starts a table on {@code out} and writes the header. */
    public AlignmentCsv(Writer out) throws IOException {
        this(out, false);
    }

    /** Starts a table on {@code out}, with the 68 landmark columns when {@code landmarks68}, and writes the header. */
    public AlignmentCsv(Writer out, boolean landmarks68) throws IOException {
        this.out = new CsvOutput(out);
        this.landmarks68 = landmarks68;
        List<Object> header = new ArrayList<>(Arrays.asList((Object[]) HEADER.split(",")));
        if (landmarks68) {
            for (int k = 0; k < 68; k++) {
                header.add(String.format(Locale.ROOT, "lm%02d_x", k));
                header.add(String.format(Locale.ROOT, "lm%02d_y", k));
            }
        }
        this.out.row(header);
    }

    /** A row for {@code face} of {@code image}, whose crop was saved as {@code cropFile}. */
    public void face(ImageAlignment image, AlignedFace face, String cropFile) throws IOException {
        FaceBox b = face.box();
        EyePair e = face.eyes();
        List<Object> row = new ArrayList<>(List.of(image.source(), Integer.toString(face.faceIndex()), face.status().name(),
            f1(b.x()), f1(b.y()), f1(b.width()), f1(b.height()),
            f1(e.left().x()), f1(e.left().y()), f1(e.right().x()), f1(e.right().y()),
            String.format(Locale.ROOT, "%.2f", face.rollDegrees()), String.format(Locale.ROOT, "%.5f", face.scale()),
            cropFile, image.message()));
        out.row(withLandmarks(row, face.landmarks68()));
    }

    /** A row for an image without faces (status {@code NO_FACE} or {@code UNREADABLE}). */
    public void noFace(ImageAlignment image) throws IOException {
        List<Object> row = new ArrayList<>(List.of(image.source(), "", image.status().name(), "", "", "", "", "", "", "", "",
            "", "", "", image.message()));
        out.row(withLandmarks(row, null));
    }

    /** The row with the 68 landmark cells appended when the table has them; empty cells without landmarks. */
    private List<Object> withLandmarks(List<Object> row, List<PixelPoint> points) {
        if (landmarks68) {
            for (int k = 0; k < 68; k++) {
                row.add(points == null ? "" : f1(points.get(k).x()));
                row.add(points == null ? "" : f1(points.get(k).y()));
            }
        }
        return row;
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
