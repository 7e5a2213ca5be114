package org.malau.model;

import java.util.Locale;

/**
 * How raw crop pixels in [0, 1] become network input. {@code per-image} (default, ours) subtracts
 * each image's own mean and divides by its own standard deviation, which removes global lighting
 * and camera contrast differences between data sets and between the synthetic and real faces;
 * {@code fixed} uses one mean and standard deviation for every image, for users who want the
 * absolute brightness to stay informative. {@code face-api} is what face-api.js's networks were trained
 * with (RGB crops only): each channel minus that channel's mean over face-api.js's training faces,
 * (122.782, 117.001, 104.298) / 255, with no division, so that its pretrained weights see what they
 * were trained on.
 *
 * @param mode {@code per-image}, {@code fixed} or {@code face-api}
 * @param mean subtracted in {@code fixed} mode
 * @param std divided by in {@code fixed} mode
 */
public record Normalisation(String mode, double mean, double std) {
    public static final String PER_IMAGE = "per-image";
    public static final String FIXED = "fixed";
    public static final String FACE_API = "face-api";
    /** face-api.js's mean R, G and B of 0-255 pixels. */
    private static final double[] FACE_API_MEAN = {122.782, 117.001, 104.298};

    public Normalisation {
        mode = mode.toLowerCase(Locale.ROOT);
        if (!mode.equals(PER_IMAGE) && !mode.equals(FIXED) && !mode.equals(FACE_API)) {
            throw new IllegalArgumentException("unknown normalisation '" + mode + "', expected per-image, fixed or face-api");
        }
        if (mode.equals(FIXED) && !(std > 0)) {
            throw new IllegalArgumentException("fixed normalisation needs a positive std, was " + std);
        }
    }

    public static Normalisation perImage() {
        return new Normalisation(PER_IMAGE, 0, 1);
    }

    /** face-api.js's normalisation, see the class comment. */
    public static Normalisation faceApi() {
        return new Normalisation(FACE_API, 0, 1);
    }

    /**
     * Normalises {@code px} (one image, channels first) in place.
     *
     * @throws IllegalArgumentException for {@code face-api} on an image whose values do not split into 3 channels
     */
    public void apply(float[] px) {
        if (mode.equals(FACE_API)) {
            if (px.length % 3 != 0) {
                throw new IllegalArgumentException("face-api normalisation needs RGB images, got " + px.length
                    + " values, not 3 equal channels");
            }
            int plane = px.length / 3;
            for (int c = 0; c < 3; c++) {
                float m = (float) (FACE_API_MEAN[c] / 255);
                for (int i = c * plane; i < (c + 1) * plane; i++) {
                    px[i] -= m;
                }
            }
            return;
        }
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
