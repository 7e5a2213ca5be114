package org.malau.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.model.CropReader;

/**
 * A dataset listed in a CSV in the layout of the synthetic generator: columns {@code file} (image
 * path relative to the CSV's folder), optional {@code subject}, {@code expression} (lower-case
 * {@link Expression#label()}, empty = unknown), {@code corruption}, and occurrence columns
 * {@code AU01}, {@code AU02}, ... (1, 0, empty = unknown). Other columns (intensities, landmarks)
 * are ignored. Lines are streamed and only the label columns kept, so a 100k-row list costs a few
 * megabytes; images are decoded only when a batch needs them. No quoting: fields must not contain
 * commas. The images are expected to be aligned crops; others are simply resized.
 */
public final class CsvFaceDataset implements FaceDataset {
    private static final Pattern AU_COLUMN = Pattern.compile("AU(\\d+)");

    private final Path csv;
    private final int[] auCodes;
    private final List<String> files;
    private final List<String> subjects;
    private final List<byte[]> au;
    private final List<Expression> expressions;
    private final List<Corruption> corruptions;
    private final Path dir;

    private CsvFaceDataset(Path csv, int[] auCodes, List<String> files, List<String> subjects, List<byte[]> au,
        List<Expression> expressions, List<Corruption> corruptions) {
        this.csv = csv;
        this.auCodes = auCodes;
        this.files = files;
        this.subjects = subjects;
        this.au = au;
        this.expressions = expressions;
        this.corruptions = corruptions;
        this.dir = csv.toAbsolutePath().getParent();
    }

    /** Reads the label columns of {@code csv}. */
    public static CsvFaceDataset read(Path csv) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IOException(csv + " is empty; expected a header with at least the column 'file'");
            }
            String[] header = headerLine.split(",", -1);
            Map<String, Integer> col = new HashMap<>();
            List<Integer> auCols = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                String h = header[i].trim();
                col.put(h, i);
                Matcher m = AU_COLUMN.matcher(h);
                if (m.matches()) {
                    auCols.add(i);
                    codes.add(Integer.parseInt(m.group(1)));
                }
            }
            Integer file = col.get("file");
            if (file == null) {
                throw new IOException(csv + ": missing column 'file' (image path relative to the CSV)");
            }
            Integer subject = col.get("subject");
            Integer expression = col.get("expression");
            Integer corruption = col.get("corruption");
            List<String> files = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            List<byte[]> au = new ArrayList<>();
            List<Expression> expressions = new ArrayList<>();
            List<Corruption> corruptions = new ArrayList<>();
            int ln = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ln++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != header.length) {
                    throw new IOException(csv + " line " + ln + ": " + f.length + " fields, the header has " + header.length);
                }
                try {
                    files.add(f[file].trim());
                    subjects.add(subject == null ? "" : f[subject].trim().intern());
                    byte[] y = null;
                    for (int j = 0; j < auCols.size(); j++) {
                        String v = f[auCols.get(j)].trim();
                        if (!v.isEmpty()) {
                            if (y == null) {
                                y = new byte[auCols.size()];
                                java.util.Arrays.fill(y, AuLabels.UNKNOWN);
                            }
                            int o = Integer.parseInt(v);
                            if (o != 0 && o != 1) {
                                throw new IllegalArgumentException("AU occurrence must be 0, 1 or empty, was " + v);
                            }
                            y[j] = (byte) o;
                        }
                    }
                    au.add(y);
                    String e = expression == null ? "" : f[expression].trim();
                    expressions.add(e.isEmpty() ? null : Expression.parse(e));
                    corruptions.add(corruption == null ? Corruption.UNKNOWN : Corruption.parse(f[corruption]));
                } catch (IllegalArgumentException e) {
                    throw new IOException(csv + " line " + ln + ": " + e.getMessage(), e);
                }
            }
            return new CsvFaceDataset(csv, codes.stream().mapToInt(Integer::intValue).toArray(), files, subjects, au,
                expressions, corruptions);
        }
    }

    /** The CSV this set was read from. */
    public Path csv() {
        return csv;
    }

    /** Absolute path of sample {@code i}'s image. */
    public Path imagePath(int i) {
        return dir.resolve(files.get(i));
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public String id(int i) {
        return files.get(i).replaceFirst("\\.[A-Za-z]+$", "");
    }

    @Override
    public String subject(int i) {
        return subjects.get(i);
    }

    @Override
    public int[] auCodes() {
        return auCodes.clone();
    }

    @Override
    public byte[] au(int i) {
        return au.get(i);
    }

    @Override
    public Expression expression(int i) {
        return expressions.get(i);
    }

    @Override
    public Corruption corruption(int i) {
        return corruptions.get(i);
    }

    @Override
    public float[] crop(int i, int size, int channels) throws IOException {
        return CropReader.read(imagePath(i), size, channels);
    }
}
