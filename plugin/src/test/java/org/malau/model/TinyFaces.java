package org.malau.model;

import java.util.SplittableRandom;

import org.malau.data.AuLabels;

/**
 * Tiny synthetic labelled images for unit tests: AU j switches on a bright square in its own
 * region, the expression class shifts the mean brightness of the lower half, plus seeded noise.
 * Learnable in a few steps by a small CNN, so tests can see losses fall.
 */
public final class TinyFaces {
    public static final int SIZE = 16;
    public static final int AUS = 4;
    public static final int CLASSES = 3;

    private TinyFaces() {
    }

    public static NetworkConfig network() {
        return new NetworkConfig(SIZE, 1, new int[] {4, 8}, 16, AUS, CLASSES);
    }

    /** {@code count} samples: AU labels only when {@code withAu}, expression labels only when {@code withExpression}. */
    public static LabelledBatch batch(int count, boolean withAu, boolean withExpression, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[count * SIZE * SIZE];
        byte[][] au = new byte[count][];
        int[] fe = new int[count];
        for (int s = 0; s < count; s++) {
            byte[] y = new byte[AUS];
            int cls = r.nextInt(CLASSES);
            int off = s * SIZE * SIZE;
            for (int i = 0; i < SIZE * SIZE; i++) {
                px[off + i] = (float) (r.nextDouble() - 0.5) * 0.5f;
            }
            for (int j = 0; j < AUS; j++) {
                y[j] = (byte) r.nextInt(2);
                if (y[j] == 1) {
                    int r0 = (j / 2) * 8;
                    int c0 = (j % 2) * 8;
                    for (int a = 2; a < 6; a++) {
                        for (int b = 2; b < 6; b++) {
                            px[off + (r0 + a) * SIZE + c0 + b] += 1.5f;
                        }
                    }
                }
            }
            for (int i = SIZE * SIZE / 2; i < SIZE * SIZE; i++) {
                px[off + i] += 0.4f * (cls - 1);
            }
            au[s] = withAu ? y : null;
            fe[s] = withExpression ? cls : -1;
        }
        return new LabelledBatch(new ImageTensor(count, 1, SIZE, SIZE, px), au, fe);
    }

    /** The same batch with each AU label replaced by unknown with probability {@code p}. */
    public static LabelledBatch withUnknown(LabelledBatch b, double p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[][] au = new byte[b.size()][];
        for (int s = 0; s < au.length; s++) {
            if (b.au()[s] != null) {
                au[s] = b.au()[s].clone();
                for (int j = 0; j < au[s].length; j++) {
                    if (r.nextDouble() < p) {
                        au[s][j] = AuLabels.UNKNOWN;
                    }
                }
            }
        }
        return new LabelledBatch(b.images(), au, b.expression());
    }
}
