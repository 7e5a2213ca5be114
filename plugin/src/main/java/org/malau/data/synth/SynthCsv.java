package org.malau.data.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

/**
 * The CSV layout of a synthetic set, one row per face, comma-separated, no quoting (no field
 * contains a comma), UTF-8, '\n' line ends:
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
        return String.join(",", COLUMNS);
    }

    /** One data line (without line end) for a record whose image is at {@code file}. */
    static String row(FaceRecord r, String file) {
        StringBuilder sb = new StringBuilder(1200);
        sb.append(file).append(',').append(r.subject()).append(',');
        sb.append(r.expression() == null ? "" : r.expression().label()).append(',');
        sb.append(r.corruption().label());
        AuLabels au = r.au();
        for (int i = 0; i < SynthAus.COUNT; i++) {
            sb.append(',');
            if (au != null) {
                sb.append(au.occurrence(i));
            }
        }
        for (int i = 0; i < SynthAus.COUNT; i++) {
            sb.append(',');
            if (au != null) {
                sb.append(Math.round(au.intensity(i)));
            }
        }
        float[] lm = r.landmarks();
        float[] eyes = SynthFace.eyeCentres(lm);
        for (int i = 0; i < 4; i++) {
            sb.append(',');
            if (eyes != null) {
                fixed2(sb, eyes[i]);
            }
        }
        for (int i = 0; i < 136; i++) {
            sb.append(',');
            if (lm != null) {
                fixed2(sb, lm[i]);
            }
        }
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
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty, expected the header " + headerLine());
        }
        String[] header = lines.get(0).split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i].trim(), i);
        }
        for (String c : COLUMNS) {
            if (!col.containsKey(c)) {
                throw new IOException(csv + ": missing column " + c);
            }
        }
        Path dir = csv.toAbsolutePath().getParent();
        int[] codes = SynthAus.codes();
        List<FaceRecord> out = new ArrayList<>(lines.size() - 1);
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.length) {
                throw new IOException(csv + " line " + (ln + 1) + ": " + f.length + " fields, header has " + header.length);
            }
            String file = f[col.get("file")];
            AuLabels au = null;
            if (!f[col.get(AuLabels.columnName(codes[0]) + "_int")].isEmpty()) {
                float[] in = new float[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    in[i] = Float.parseFloat(f[col.get(AuLabels.columnName(codes[i]) + "_int")]);
                }
                au = AuLabels.fromIntensities(codes, in);
            }
            String e = f[col.get("expression")];
            float[] lm = null;
            if (!f[col.get("lm00_x")].isEmpty()) {
                lm = new float[136];
                for (int k = 0; k < 68; k++) {
                    lm[2 * k] = Float.parseFloat(f[col.get(String.format(Locale.ROOT, "lm%02d_x", k))]);
                    lm[2 * k + 1] = Float.parseFloat(f[col.get(String.format(Locale.ROOT, "lm%02d_y", k))]);
                }
            }
            String stem = Path.of(file).getFileName().toString().replaceFirst("\\.png$", "");
            out.add(new FaceRecord(stem, f[col.get("subject")], new FaceRecord.ImageFile(dir.resolve(file)), au,
                e.isEmpty() ? null : Expression.parse(e), Corruption.parse(f[col.get("corruption")]), lm));
        }
        return out;
    }
}
