package org.malau.train;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

import org.malau.data.Expression;
import org.malau.model.ImageTensor;
import org.malau.model.LabelledBatch;
import org.malau.model.NetworkConfig;
import org.malau.model.Normalisation;

/**
 * Turns sample indices into a {@link LabelledBatch}: loads crops, augments them (training only)
 * and normalises them. A batch carries only the labels of its task: B_AU and B_val get AU labels,
 * B_FE expression labels, so that each sample feeds exactly the loss MAL assigns it to.
 * Augmentation randomness is derived from (seed, iteration, position), so a batch comes out the
 * same whichever thread assembles it and whenever.
 */
final class BatchAssembler {
    enum Task { AU, EXPRESSION }

    private final NetworkConfig network;
    private final Normalisation normalisation;
    private final Augmentation augmentation;
    private final List<Expression> classes;
    private final long seed;

    BatchAssembler(NetworkConfig network, Normalisation normalisation, Augmentation augmentation,
        List<Expression> classes, long seed) {
        this.network = network;
        this.normalisation = normalisation;
        this.augmentation = augmentation;
        this.classes = classes;
        this.seed = seed;
    }

    LabelledBatch assemble(FaceDataset data, int[] indices, Task task, boolean augment, long stream) throws IOException {
        int size = network.inputSize();
        int ch = network.channels();
        int per = ch * size * size;
        float[] px = new float[indices.length * per];
        byte[][] au = new byte[indices.length][];
        int[] fe = new int[indices.length];
        for (int p = 0; p < indices.length; p++) {
            int i = indices[p];
            float[] img = data.crop(i, size, ch);
            if (augment) {
                augmentation.apply(img, ch, size, new SplittableRandom(mix(seed, stream, p)));
            }
            normalisation.apply(img);
            System.arraycopy(img, 0, px, p * per, per);
            if (task == Task.AU) {
                au[p] = data.au(i);
                fe[p] = -1;
            } else {
                Expression e = data.expression(i);
                fe[p] = e == null ? -1 : classes.indexOf(e);
            }
        }
        return new LabelledBatch(new ImageTensor(indices.length, ch, size, size, px), au, fe);
    }

    /** Expression class index of every sample (for evaluation), -1 when unknown or not a class of the model. */
    int[] expressionIndices(FaceDataset data, int[] indices) {
        int[] fe = new int[indices.length];
        for (int p = 0; p < indices.length; p++) {
            Expression e = data.expression(indices[p]);
            fe[p] = e == null ? -1 : classes.indexOf(e);
        }
        return fe;
    }

    static long mix(long seed, long stream, long position) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + position * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
