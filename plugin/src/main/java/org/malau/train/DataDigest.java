package org.malau.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.malau.data.Expression;
import org.malau.model.Provenance;

/** The SHA-256 digest of the rows of a data set a training run used, for the model's {@link Provenance}. */
final class DataDigest {
    private DataDigest() {
    }

    /**
     * The digest of {@code rows} of {@code d}, in that order: per row its id, subject, AU labels by AU number,
     * expression label and corruption, fields separated by a unit separator and rows by a newline (UTF-8), so that
     * the same table in the same order always gives the same digest and any change of an id or a label another.
     */
    static Provenance.TableDigest of(FaceDataset d, int[] rows) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        int[] codes = d.auCodes();
        StringBuilder b = new StringBuilder();
        for (int i : rows) {
            b.setLength(0);
            b.append(d.id(i)).append('\u001f').append(d.subject(i)).append('\u001f');
            byte[] au = d.au(i);
            if (au != null) {
                for (int j = 0; j < codes.length; j++) {
                    b.append(j == 0 ? "" : " ").append(codes[j]).append('=').append(au[j]);
                }
            }
            Expression x = d.expression(i);
            b.append('\u001f').append(x == null ? "" : x.label()).append('\u001f').append(d.corruption(i).label())
                .append('\n');
            md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new Provenance.TableDigest(rows.length, HexFormat.of().formatHex(md.digest()));
    }
}
