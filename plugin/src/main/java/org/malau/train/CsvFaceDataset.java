package org.malau.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.io.CsvHeader;
import org.malau.io.CsvInput;
import org.malau.model.CropReader;

/**
 * A dataset listed in a CSV in the layout of the synthetic generator: columns {@code file} (image
 * path relative to the CSV's folder), optional {@code subject}, {@code expression} (lower-case
 * {@link Expression#label()}, empty = unknown), {@code corruption}, and occurrence columns
 * {@code AU01}, {@code AU02}, ... named as {@link AuLabels#parseColumnName} accepts (1, 0, empty = unknown). Other columns (intensities, landmarks)
 * are ignored. Lines are streamed and only the label columns kept, so a 100k-row list costs a few
 * megabytes; images are decoded only when a batch needs them. Read through {@link CsvInput} (RFC 4180
 * quoting, BOM and CRLF accepted, duplicate columns refused). The images are expected to be aligned
 * crops; others are simply resized.
 */
public final class CsvFaceDataset implements FaceDataset {
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
        try (CsvInput in = CsvInput.open(csv)) {
            CsvHeader header = in.header("at least the column 'file'");
            List<Integer> auCols = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                int code = AuLabels.parseColumnName(header.names().get(i));
                if (code > 0) {
                    if (codes.contains(code)) {
                        throw in.error("columns '" + header.names().get(auCols.get(codes.indexOf(code))) + "' and '"
                            + header.names().get(i) + "' are the same AU; expected each AU once");
                    }
                    auCols.add(i);
                    codes.add(code);
                }
            }
            int file = header.index("file");
            if (file < 0) {
                throw in.error("missing column 'file' (image path relative to the CSV)");
            }
            int subject = header.index("subject");
            int expression = header.index("expression");
            int corruption = header.index("corruption");
            List<String> files = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            List<byte[]> au = new ArrayList<>();
            List<Expression> expressions = new ArrayList<>();
            List<Corruption> corruptions = new ArrayList<>();
            for (List<String> f = in.nextRow(header); f != null; f = in.nextRow(header)) {
                try {
                    files.add(f.get(file).trim());
                    subjects.add(subject < 0 ? "" : f.get(subject).trim().intern());
                    byte[] y = null;
                    for (int j = 0; j < auCols.size(); j++) {
                        String v = f.get(auCols.get(j)).trim();
                        if (!v.isEmpty()) {
                            if (y == null) {
                                y = new byte[auCols.size()];
                                java.util.Arrays.fill(y, AuLabels.UNKNOWN);
                            }
                            if (!v.equals("0") && !v.equals("1")) {
                                throw new IllegalArgumentException("column '" + header.names().get(auCols.get(j)) + "': '" + v
                                    + "' is no AU occurrence; expected 0, 1 or empty (unknown)");
                            }
                            y[j] = (byte) (v.equals("1") ? 1 : 0);
                        }
                    }
                    au.add(y);
                    String e = expression < 0 ? "" : f.get(expression).trim();
                    expressions.add(e.isEmpty() ? null : Expression.parse(e));
                    corruptions.add(corruption < 0 ? Corruption.UNKNOWN : Corruption.parse(f.get(corruption)));
                } catch (IllegalArgumentException e) {
                    throw in.error(e.getMessage());
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
        Path p = imagePath(i);
        try {
            return CropReader.read(p, size, channels);
        } catch (IOException e) {
            // CropReader names the file; this adds which table and row listed it.
            throw new IOException(csv + " row '" + files.get(i) + "': " + e.getMessage(), e);
        }
    }
}
