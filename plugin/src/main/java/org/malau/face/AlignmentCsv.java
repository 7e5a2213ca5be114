package org.malau.face;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.malau.io.CsvOutput;

/**
 * Writes {@code alignment.csv}: one row per aligned face, and one row (empty face index) per image
 * that produced none. Coordinates are source-image pixels; {@code roll_deg} is positive when the
 * image-right eye is lower; {@code scale} is crop pixels per source pixel.
 */
public final class AlignmentCsv implements Closeable {
    /** Column names, in order. */
    public static final String HEADER = "file,face_index,status,box_x,box_y,box_w,box_h,"
        + "eye_left_x,eye_left_y,eye_right_x,eye_right_y,roll_deg,scale,crop_file,message";

    private final CsvOutput out;

    /** Starts a table on {@code out} and writes the header. */
    public AlignmentCsv(Writer out) throws IOException {
        this.out = new CsvOutput(out);
        this.out.row((Object[]) HEADER.split(","));
    }

    /** A row for {@code face} of {@code image}, whose crop was saved as {@code cropFile}. */
    public void face(ImageAlignment image, AlignedFace face, String cropFile) throws IOException {
        FaceBox b = face.box();
        EyePair e = face.eyes();
        out.row(image.source(), Integer.toString(face.faceIndex()), face.status().name(),
            f1(b.x()), f1(b.y()), f1(b.width()), f1(b.height()),
            f1(e.left().x()), f1(e.left().y()), f1(e.right().x()), f1(e.right().y()),
            String.format(Locale.ROOT, "%.2f", face.rollDegrees()), String.format(Locale.ROOT, "%.5f", face.scale()),
            cropFile, image.message());
    }

    /** A row for an image without faces (status {@code NO_FACE} or {@code UNREADABLE}). */
    public void noFace(ImageAlignment image) throws IOException {
        out.row(image.source(), "", image.status().name(), "", "", "", "", "", "", "", "", "", "", "", image.message());
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
