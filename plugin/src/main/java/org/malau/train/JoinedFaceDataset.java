package org.malau.train;

import java.io.IOException;

import org.malau.data.Corruption;
import org.malau.data.Expression;

/**
 * The AU training set followed by a meta set the user gave, as one dataset: the trainer addresses
 * training and meta samples by index into a single set, so a given meta set is appended rather than
 * taught to every place that reads the meta split. Indices below {@code first.size()} are the first
 * set's, the rest the second's. Both sets must label the same AUs in the same order.
 */
final class JoinedFaceDataset implements FaceDataset {
    private final FaceDataset first;
    private final FaceDataset second;

    JoinedFaceDataset(FaceDataset first, FaceDataset second) {
        if (!java.util.Arrays.equals(first.auCodes(), second.auCodes())) {
            throw new IllegalArgumentException("the sets label different AUs: " + java.util.Arrays.toString(first.auCodes())
                + " and " + java.util.Arrays.toString(second.auCodes()));
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public int size() {
        return first.size() + second.size();
    }

    @Override
    public String id(int i) {
        return i < first.size() ? first.id(i) : second.id(i - first.size());
    }

    @Override
    public String subject(int i) {
        return i < first.size() ? first.subject(i) : second.subject(i - first.size());
    }

    @Override
    public int[] auCodes() {
        return first.auCodes();
    }

    @Override
    public byte[] au(int i) {
        return i < first.size() ? first.au(i) : second.au(i - first.size());
    }

    @Override
    public Expression expression(int i) {
        return i < first.size() ? first.expression(i) : second.expression(i - first.size());
    }

    @Override
    public Corruption corruption(int i) {
        return i < first.size() ? first.corruption(i) : second.corruption(i - first.size());
    }

    @Override
    public float[] crop(int i, int size, int channels) throws IOException {
        return i < first.size() ? first.crop(i, size, channels) : second.crop(i - first.size(), size, channels);
    }
}
