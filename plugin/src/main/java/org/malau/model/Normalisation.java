package org.malau.model;

import java.util.Locale;

/**
 * How raw crop pixels in [0, 1] become network input. {@code per-image} (default, ours) subtracts
 * each image's own mean and divides by its own standard deviation, which removes global lighting
 * and camera contrast differences between data sets and between the synthetic and real faces;
 * {@code fixed} uses one mean and standard deviation for every image, for users who want the
 * absolute brightness to stay informative.
 *
 * @param mode {@code per-image} or {@code fixed}
 * @param mean subtracted in {@code fixed} mode
 * @param std divided by in {@code fixed} mode
 */
public record Normalisation(String mode, double mean, double std) {
    public static final String PER_IMAGE = "per-image";
    public static final String FIXED = "fixed";

    public Normalisation {
        mode = mode.toLowerCase(Locale.ROOT);
        if (!mode.equals(PER_IMAGE) && !mode.equals(FIXED)) {
            throw new IllegalArgumentException("unknown normalisation '" + mode + "', expected per-image or fixed");
        }
        if (mode.equals(FIXED) && !(std > 0)) {
            throw new IllegalArgumentException("fixed normalisation needs a positive std, was " + std);
        }
    }

    public static Normalisation perImage() {
        return new Normalisation(PER_IMAGE, 0, 1);
    }

    /** Normalises {@code px} (one image) in place. */
    public void apply(float[] px) {
        double m = mean;
        double s = std;
        if (mode.equals(PER_IMAGE)) {
            double sum = 0;
            for (float v : px) {
                sum += v;
            }
            m = sum / px.length;
            double var = 0;
            for (float v : px) {
                var += (v - m) * (v - m);
            }
            s = Math.sqrt(var / px.length) + 1e-3;
        }
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) ((px[i] - m) / s);
        }
    }
}
