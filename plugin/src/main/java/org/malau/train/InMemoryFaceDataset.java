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
