package org.malau.train;

import java.io.IOException;

import org.malau.data.Corruption;
import org.malau.data.Expression;

/** A dataset whose crops are already in memory, for tests and small sets. */
public final class InMemoryFaceDataset implements FaceDataset {
    private final int[] auCodes;
    private final String[] ids;
    private final String[] subjects;
    private final byte[][] au;
    private final Expression[] expressions;
    private final Corruption[] corruptions;
    private final float[][] crops;
    private final int cropSize;
    private final int channels;

    /**
     * @param crops raw pixels in [0, 1] per sample, channels first, {@code channels} x {@code cropSize}^2
     * @param subjects may be null (all unknown)
     * @param corruptions may be null (all unknown)
     */
    public InMemoryFaceDataset(int[] auCodes, String[] ids, String[] subjects, byte[][] au, Expression[] expressions,
        Corruption[] corruptions, float[][] crops, int cropSize, int channels) {
        int n = ids.length;
        if (au.length != n || expressions.length != n || crops.length != n || (subjects != null && subjects.length != n)
            || (corruptions != null && corruptions.length != n)) {
            throw new IllegalArgumentException("all per-sample arrays must have " + n + " entries");
        }
        this.auCodes = auCodes.clone();
        this.ids = ids;
        this.subjects = subjects;
        this.au = au;
        this.expressions = expressions;
        this.corruptions = corruptions;
        this.crops = crops;
        this.cropSize = cropSize;
        this.channels = channels;
    }

    /** The samples at {@code indices}, in that order (crops shared, not copied). */
    public InMemoryFaceDataset subset(int[] indices) {
        int n = indices.length;
        String[] i2 = new String[n];
        String[] s2 = subjects == null ? null : new String[n];
        byte[][] a2 = new byte[n][];
        Expression[] e2 = new Expression[n];
        Corruption[] c2 = corruptions == null ? null : new Corruption[n];
        float[][] p2 = new float[n][];
        for (int k = 0; k < n; k++) {
            int i = indices[k];
            i2[k] = ids[i];
            if (s2 != null) {
                s2[k] = subjects[i];
            }
            a2[k] = au[i];
            e2[k] = expressions[i];
            if (c2 != null) {
                c2[k] = corruptions[i];
            }
            p2[k] = crops[i];
        }
        return new InMemoryFaceDataset(auCodes, i2, s2, a2, e2, c2, p2, cropSize, channels);
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public String id(int i) {
        return ids[i];
    }

    @Override
    public String subject(int i) {
        return subjects == null || subjects[i] == null ? "" : subjects[i];
    }

    @Override
    public int[] auCodes() {
        return auCodes.clone();
    }

    @Override
    public byte[] au(int i) {
        return au[i];
    }

    @Override
    public Expression expression(int i) {
        return expressions[i];
    }

    @Override
    public Corruption corruption(int i) {
        return corruptions == null ? Corruption.UNKNOWN : corruptions[i];
    }

    @Override
    public float[] crop(int i, int size, int channels) throws IOException {
        if (channels != this.channels) {
            throw new IOException("in-memory crops have " + this.channels + " channels, the network wants " + channels);
        }
        if (size == cropSize) {
            return crops[i].clone();
        }
        return org.malau.model.CropReader.resize(crops[i], channels, cropSize, cropSize, size);
    }
}
