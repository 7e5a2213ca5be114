package org.malau.data.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;
import org.malau.io.CsvHeader;
import org.malau.io.CsvInput;
import org.malau.io.CsvOutput;

/**
 * The CSV layout of a synthetic set, one row per face, RFC 4180 through the engine's one CSV
 * library ({@link CsvOutput}, {@link CsvInput}), UTF-8, '\n' line ends:
 * <pre>
 * file, subject, expression, corruption,
 * AU01, AU02, ..., AU26            occurrence 0/1 (intensity &gt;= 2), empty in the FE set
 * AU01_int, ..., AU26_int          intensity 0-5, empty in the FE set
 * eye_imgleft_x, eye_imgleft_y,    image-left eye (the subject's right) = mean of points 36-41
 * eye_imgright_x, eye_imgright_y,  image-right eye (the subject's left) = mean of points 42-47
 * lm00_x, lm00_y, ..., lm67_x, lm67_y   68 iBUG landmarks
 * </pre>
 * {@code file} is relative to the CSV's folder. The eye columns carry the names used by
 * {@code shared/data/landmarks/eyes.csv} and {@code ./mal align --landmarks}. Coordinates are image
 * pixels with two decimals, origin at the top-left image corner, pixel (c, r) covering
 * [c, c+1) x [r, r+1). Eye and landmark cells are empty when the image shows no face
 * ({@code unrelated} samples of the no-face kind).
 */
public final class SynthCsv {
    private static final List<String> COLUMNS = buildColumns();

    private SynthCsv() {
    }

    private static List<String> buildColumns() {
        List<String> c = new ArrayList<>(List.of("file", "subject", "expression", "corruption"));
        for (int code : SynthAus.codes()) {
            c.add(AuLabels.columnName(code));
        }
        for (int code : SynthAus.codes()) {
            c.add(AuLabels.columnName(code) + "_int");
        }
        c.addAll(List.of("eye_imgleft_x", "eye_imgleft_y", "eye_imgright_x", "eye_imgright_y"));
        for (int k = 0; k < 68; k++) {
            c.add(String.format(Locale.ROOT, "lm%02d_x", k));
            c.add(String.format(Locale.ROOT, "lm%02d_y", k));
        }
        return Collections.unmodifiableList(c);
    }

    /** Column names in file order. */
    public static List<String> columns() {
        return COLUMNS;
    }

    static String headerLine() {
        return CsvOutput.line(COLUMNS);
    }

    /** One data line (without line end) for a record whose image is at {@code file}. */
    static String row(FaceRecord r, String file) {
        List<String> f = new ArrayList<>(COLUMNS.size());
        f.add(file);
        f.add(r.subject());
        f.add(r.expression() == null ? "" : r.expression().label());
        f.add(r.corruption().label());
        AuLabels au = r.au();
        for (int i = 0; i < SynthAus.COUNT; i++) {
            f.add(au == null ? "" : Integer.toString(au.occurrence(i)));
        }
        for (int i = 0; i < SynthAus.COUNT; i++) {
            f.add(au == null ? "" : Long.toString(Math.round(au.intensity(i))));
        }
        float[] lm = r.landmarks();
        float[] eyes = SynthFace.eyeCentres(lm);
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 4; i++) {
            f.add(eyes == null ? "" : fixed2String(sb, eyes[i]));
        }
        for (int i = 0; i < 136; i++) {
            f.add(lm == null ? "" : fixed2String(sb, lm[i]));
        }
        return CsvOutput.line(f);
    }

    private static String fixed2String(StringBuilder sb, float v) {
        sb.setLength(0);
        fixed2(sb, v);
        return sb.toString();
    }

    /** Two decimals without String.format, which would dominate the writing time. */
    static void fixed2(StringBuilder sb, float v) {
        long c = Math.round(v * 100.0);
        if (c < 0) {
            sb.append('-');
            c = -c;
        }
        sb.append(c / 100).append('.');
        long f = c % 100;
        if (f < 10) {
            sb.append('0');
        }
        sb.append(f);
    }

    /**
     * Reads a CSV written by {@link SynthGenerator#write}.
     *
     * @throws IOException when the file cannot be read or a line does not match the header
     */
    public static List<FaceRecord> read(Path csv) throws IOException {
        List<FaceRecord> out = new ArrayList<>();
        try (CsvInput in = CsvInput.open(csv)) {
            CsvHeader header = in.header("the columns " + headerLine());
            for (String c : COLUMNS) {
                if (header.index(c) < 0) {
                    throw in.error("missing column " + c);
                }
            }
            Path dir = csv.toAbsolutePath().getParent();
            int[] codes = SynthAus.codes();
            for (List<String> f = in.nextRow(header); f != null; f = in.nextRow(header)) {
                try {
                    out.add(record(f, header, dir, codes));
                } catch (IllegalArgumentException e) {
                    throw in.error(e.getMessage());
                }
            }
        }
        return out;
    }

    private static FaceRecord record(List<String> f, CsvHeader col, Path dir, int[] codes) {
        String file = f.get(col.index("file"));
        AuLabels au = null;
        if (!f.get(col.index(AuLabels.columnName(codes[0]) + "_int")).isEmpty()) {
            float[] in = new float[codes.length];
            for (int i = 0; i < codes.length; i++) {
                in[i] = Float.parseFloat(f.get(col.index(AuLabels.columnName(codes[i]) + "_int")));
            }
            au = AuLabels.fromIntensities(codes, in);
        }
        String e = f.get(col.index("expression"));
        float[] lm = null;
        if (!f.get(col.index("lm00_x")).isEmpty()) {
            lm = new float[136];
            for (int k = 0; k < 68; k++) {
                lm[2 * k] = Float.parseFloat(f.get(col.index(String.format(Locale.ROOT, "lm%02d_x", k))));
                lm[2 * k + 1] = Float.parseFloat(f.get(col.index(String.format(Locale.ROOT, "lm%02d_y", k))));
            }
        }
        String stem = Path.of(file).getFileName().toString().replaceFirst("\\.png$", "");
        return new FaceRecord(stem, f.get(col.index("subject")), new FaceRecord.ImageFile(dir.resolve(file)), au,
            e.isEmpty() ? null : Expression.parse(e), Corruption.parse(f.get(col.index("corruption"))), lm);
    }
}
