package org.malau.train;

import java.io.IOException;
import java.util.List;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;
import org.malau.model.CropReader;

/**
 * A dataset over {@link FaceRecord}s as the synthetic generator and the data set readers yield
 * them; pixels are read from the record's image file or raw grey pixels on demand.
 */
public final class RecordFaceDataset implements FaceDataset {
    private final List<FaceRecord> records;
    private final int[] auCodes;

    /** @param auCodes the AU columns to use, e.g. from the first record with AU labels; records lacking one get unknown */
    public RecordFaceDataset(List<FaceRecord> records, int[] auCodes) {
        this.records = List.copyOf(records);
        this.auCodes = auCodes.clone();
    }

    /** AU codes of the first record that has AU labels, or none. */
    public static int[] auCodesOf(List<FaceRecord> records) {
        for (FaceRecord r : records) {
            if (r.au() != null) {
                return r.au().auCodes();
            }
        }
        return new int[0];
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public String id(int i) {
        return records.get(i).id();
    }

    @Override
    public String subject(int i) {
        return records.get(i).subject();
    }

    @Override
    public int[] auCodes() {
        return auCodes.clone();
    }

    @Override
    public byte[] au(int i) {
        AuLabels a = records.get(i).au();
        if (a == null || auCodes.length == 0) {
            return null;
        }
        byte[] y = new byte[auCodes.length];
        int[] have = a.auCodes();
        for (int j = 0; j < auCodes.length; j++) {
            y[j] = AuLabels.UNKNOWN;
            for (int k = 0; k < have.length; k++) {
                if (have[k] == auCodes[j]) {
                    y[j] = a.occurrence(k);
                }
            }
        }
        return y;
    }

    @Override
    public Expression expression(int i) {
        return records.get(i).expression();
    }

    @Override
    public Corruption corruption(int i) {
        return records.get(i).corruption();
    }

    @Override
    public float[] crop(int i, int size, int channels) throws IOException {
        return CropReader.read(records.get(i).image(), size, channels);
    }
}
