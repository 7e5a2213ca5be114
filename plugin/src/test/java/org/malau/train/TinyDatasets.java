package org.malau.train;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.model.LabelledBatch;
import org.malau.model.TinyFaces;

/** In-memory datasets built from {@link TinyFaces} images, with subjects and corruption flags. */
final class TinyDatasets {
    private TinyDatasets() {
    }

    /** Raw [0, 1]-ish crops: TinyFaces pixels shifted, so normalisation has something to do. */
    static FaceDataset au(int n, long seed) {
        LabelledBatch b = TinyFaces.batch(n, true, true, seed);
        String[] ids = new String[n];
        String[] subjects = new String[n];
        Expression[] e = new Expression[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "au" + i;
            subjects[i] = "s" + (i % 10);
            e[i] = Expression.BASIC7[b.expression()[i]];
        }
        return new InMemoryFaceDataset(new int[] {1, 2, 4, 6}, ids, subjects, b.au(), e, null, crops(b), TinyFaces.SIZE, 1);
    }

    /** Expression set; every fifth sample gets a wrong label and is flagged as label noise. */
    static FaceDataset expression(int n, long seed) {
        LabelledBatch b = TinyFaces.batch(n, false, true, seed);
        String[] ids = new String[n];
        Expression[] e = new Expression[n];
        Corruption[] c = new Corruption[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "fe" + i;
            boolean noisy = i % 5 == 0;
            e[i] = Expression.BASIC7[noisy ? (b.expression()[i] + 1) % 3 : b.expression()[i]];
            c[i] = noisy ? Corruption.LABEL_NOISE : Corruption.NONE;
        }
        return new InMemoryFaceDataset(new int[0], ids, null, new byte[n][], e, c, crops(b), TinyFaces.SIZE, 1);
    }

    private static float[][] crops(LabelledBatch b) {
        int per = TinyFaces.SIZE * TinyFaces.SIZE;
        float[][] c = new float[b.size()][per];
        for (int s = 0; s < b.size(); s++) {
            for (int i = 0; i < per; i++) {
                c[s][i] = 0.3f + 0.2f * b.images().data()[s * per + i];
            }
        }
        return c;
    }

    /** A small, fast configuration for unit tests. */
    static TrainingConfig.Builder config(String strategy) {
        return TrainingConfig.builder().strategy(strategy).inputSize(TinyFaces.SIZE).convChannels(4, 8).featureSize(16)
            .metaHidden(8).auBatch(16).expressionBatch(16).validationBatch(8).epochs(2).seed(5)
            .schedule(LearningRateSchedule.constant(0.01)).metaFraction(0.2);
    }
}
