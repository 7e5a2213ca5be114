package org.malau.train;

import java.util.SplittableRandom;

import org.malau.model.CropReader;

/**
 * Random perturbations of training crops, applied to raw [0, 1] pixels before normalisation: a shift of
 * up to {@code maxShift} pixels in each direction, brightness offset up to +-{@code brightness} and
 * contrast factor within 1 +- {@code contrast}; for real photos also a horizontal flip with probability
 * one half, a rotation up to +-{@code rotation} degrees and a scaling within 1 +- {@code scale}, all about
 * the crop centre.
 * <p>
 * The crops are aligned, so geometric changes stay small: they stand for the alignment's own scatter
 * (the eye locators are off by 3-5 % of the inter-ocular distance on real photos, about 1-2 px at 48 px
 * and 2-3 px at 112 px), not for new poses. A flip swaps the face's sides, which keeps occurrence labels
 * valid (the AU data sets code an AU present whichever side shows it) but turns a one-sided AU into one
 * of the other side, so it is offered for photos and off in {@link #defaults()}, the synthetic demo's
 * setting. Without flip, rotation and scale the crop is shifted by whole pixels with edge pixels repeated
 * (the original behaviour, kept for reproducibility); with any of them every pixel is sampled bilinearly
 * from the transformed position, edge pixels repeated.
 *
 * @param maxShift pixels at network input resolution
 * @param brightness maximum absolute brightness offset
 * @param contrast maximum relative contrast change
 * @param flip whether to mirror half of the crops horizontally
 * @param rotation maximum rotation in degrees
 * @param scale maximum relative scale change
 */
public record Augmentation(int maxShift, double brightness, double contrast, boolean flip, double rotation, double scale) {
    public Augmentation {
        if (maxShift < 0 || brightness < 0 || contrast < 0 || contrast >= 1 || rotation < 0 || rotation > 45 || scale < 0
            || scale >= 0.5) {
            throw new IllegalArgumentException("augmentation needs shift >= 0, brightness >= 0, 0 <= contrast < 1,"
                + " 0 <= rotation <= 45 degrees and 0 <= scale < 0.5");
        }
    }

    /** Shift, brightness and contrast only. */
    public Augmentation(int maxShift, double brightness, double contrast) {
        this(maxShift, brightness, contrast, false, 0, 0);
    }

    public static Augmentation none() {
        return new Augmentation(0, 0, 0);
    }

    /** Default of the plain engine and the synthetic demo (ours): shift 2 px, brightness 0.1, contrast 0.2. */
    public static Augmentation defaults() {
        return new Augmentation(2, 0.1, 0.2);
    }

    /**
     * For real photos (ours, {@link TrainingConfig#recommended()}): flip, rotation up to 8 degrees, scale within
     * 1 +- 0.08, shift up to 3 % of the crop side (3 px at 112), brightness 0.1, contrast 0.2.
     */
    public static Augmentation photos(int inputSize) {
        return new Augmentation(Math.max(1, (int) Math.round(0.03 * inputSize)), 0.1, 0.2, true, 8, 0.08);
    }

    public boolean isNone() {
        return maxShift == 0 && brightness == 0 && contrast == 0 && !flip && rotation == 0 && scale == 0;
    }

    private boolean geometric() {
        return flip || rotation > 0 || scale > 0;
    }

    /** Perturbs one image (channels first, square) in place with randomness from {@code random}. */
    public void apply(float[] px, int channels, int size, SplittableRandom random) {
        if (isNone()) {
            return;
        }
        if (geometric()) {
            applyGeometric(px, channels, size, random);
            return;
        }
        int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        double b = brightness == 0 ? 0 : random.nextDouble(-brightness, brightness);
        double c = contrast == 0 ? 1 : random.nextDouble(1 - contrast, 1 + contrast);
        float[] src = px.clone();
        int plane = size * size;
        for (int ch = 0; ch < channels; ch++) {
            double mean = mean(src, ch * plane, plane);
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

    /**
     * Output pixel (x, y) takes the source at centre + R(-angle) ((x, y) - centre - shift) / zoom, mirrored in x
     * when flipped; bilinear, coordinates clamped to the crop.
     */
    private void applyGeometric(float[] px, int channels, int size, SplittableRandom random) {
        boolean mirror = flip && random.nextBoolean();
        double angle = rotation == 0 ? 0 : Math.toRadians(random.nextDouble(-rotation, rotation));
        double zoom = scale == 0 ? 1 : random.nextDouble(1 - scale, 1 + scale);
        double dx = maxShift == 0 ? 0 : random.nextDouble(-maxShift, maxShift);
        double dy = maxShift == 0 ? 0 : random.nextDouble(-maxShift, maxShift);
        double b = brightness == 0 ? 0 : random.nextDouble(-brightness, brightness);
        double c = contrast == 0 ? 1 : random.nextDouble(1 - contrast, 1 + contrast);
        double cos = Math.cos(angle) / zoom;
        double sin = Math.sin(angle) / zoom;
        double centre = (size - 1) / 2.0;
        float[] src = px.clone();
        int plane = size * size;
        for (int ch = 0; ch < channels; ch++) {
            double mean = mean(src, ch * plane, plane);
            for (int y = 0; y < size; y++) {
                double ry = y - centre - dy;
                for (int x = 0; x < size; x++) {
                    double rx = x - centre - dx;
                    double sx = centre + cos * rx + sin * ry;
                    double sy = centre - sin * rx + cos * ry;
                    if (mirror) {
                        sx = size - 1 - sx;
                    }
                    double v = CropReader.bilinear(src, ch * plane, size, size, sy, sx);
                    px[ch * plane + y * size + x] = (float) ((v - mean) * c + mean + b);
                }
            }
        }
    }

    private static double mean(float[] px, int from, int count) {
        double mean = 0;
        for (int i = from; i < from + count; i++) {
            mean += px[i];
        }
        return mean / count;
    }
}
