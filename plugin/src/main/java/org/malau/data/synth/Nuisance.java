package org.malau.data.synth;

/**
 * Recording conditions that change the pixels but not the labels.
 *
 * @param backgroundRgb background colour
 * @param clutter number of random background shapes
 * @param clutterSeed seed of the background shapes (and of occluders)
 * @param lightAngle direction of the lighting gradient, radians
 * @param lightStrength relative brightness change from image centre to edge, 0 for flat light
 * @param blurSigma Gaussian blur in canonical units (scaled with the image), 0 for none
 * @param noiseSigma sensor noise standard deviation in grey levels, 0 for none
 * @param noiseSeed seed of the sensor noise
 */
public record Nuisance(int backgroundRgb, int clutter, long clutterSeed, float lightAngle, float lightStrength,
    float blurSigma, float noiseSigma, long noiseSeed) {

    /** Plain grey background and perfect optics: for figures and for pixel-exact tests. */
    public static final Nuisance NONE = new Nuisance(0xB8C0C8, 0, 0L, 0f, 0f, 0f, 0f, 0L);
}
