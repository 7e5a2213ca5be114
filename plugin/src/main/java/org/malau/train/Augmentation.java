package org.malau.train;

import java.util.SplittableRandom;

/**
 * Random perturbations of training crops: a shift of up to {@code maxShift} pixels in each
 * direction (edge pixels repeated), brightness offset up to +-{@code brightness} and contrast
 * factor within 1 +- {@code contrast}, applied to raw [0, 1] pixels before normalisation.
 * <p>
 * Horizontal flipping is deliberately not offered: it swaps the face's left and right side, which
 * keeps symmetric AUs valid but turns a unilateral AU (e.g. a one-sided AU14 dimpler or AU12 in a
 * smirk) into a label of the other side; AU data sets code occurrence regardless of side, but the
 * synthetic generator and real faces are not symmetric, so a flip would silently invent images.
 * Shifts stay small because the crops are aligned: a large shift would undo the alignment.
 *
 * @param maxShift pixels at network input resolution
 * @param brightness maximum absolute brightness offset
 * @param contrast maximum relative contrast change
 */
public record Augmentation(int maxShift, double brightness, double contrast) {
    public Augmentation {
        if (maxShift < 0 || brightness < 0 || contrast < 0 || contrast >= 1) {
            throw new IllegalArgumentException("augmentation needs shift >= 0, brightness >= 0, 0 <= contrast < 1");
        }
    }

    public static Augmentation none() {
        return new Augmentation(0, 0, 0);
    }

    /** Default (ours): shift 2 px, brightness 0.1, contrast 0.2. */
    public static Augmentation defaults() {
        return new Augmentation(2, 0.1, 0.2);
    }

    public boolean isNone() {
        return maxShift == 0 && brightness == 0 && contrast == 0;
    }

    /** Perturbs one image (channels first, square) in place with randomness from {@code random}. */
    public void apply(float[] px, int channels, int size, SplittableRandom random) {
        if (isNone()) {
            return;
        }
        int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        double b = brightness == 0 ? 0 : random.nextDouble(-brightness, brightness);
        double c = contrast == 0 ? 1 : random.nextDouble(1 - contrast, 1 + contrast);
        float[] src = px.clone();
        int plane = size * size;
        for (int ch = 0; ch < channels; ch++) {
            double mean = 0;
            for (int i = 0; i < plane; i++) {
                mean += src[ch * plane + i];
            }
            mean /= plane;
            for (int y = 0; y < size; y++) {
                int sy = Math.max(0, Math.min(size - 1, y - dy));
                for (int x = 0; x < size; x++) {
                    int sx = Math.max(0, Math.min(size - 1, x - dx));
                    double v = src[ch * plane + sy * size + sx];
                    px[ch * plane + y * size + x] = (float) ((v - mean) * c + mean + b);
                }
            }
        }
    }
}
