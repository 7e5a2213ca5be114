package org.malau.data.synth;

/**
 * Lighting gradient, blur and sensor noise applied to rendered RGB pixels. Integer and float
 * arithmetic only, with noise from a counter-based hash, so the result is the same on every JVM
 * and thread.
 */
final class CameraEffects {
    private CameraEffects() {
    }

    /** Modifies {@code rgb} (packed 0xRRGGBB, row-major, size x size) in place. */
    static void apply(int[] rgb, int size, Nuisance n, boolean extremeBlur) {
        if (n.lightStrength() != 0f) {
            light(rgb, size, n.lightAngle(), n.lightStrength());
        }
        float sigma = extremeBlur ? size / 9f : n.blurSigma() * size / 128f;
        if (sigma > 0.2f) {
            blur(rgb, size, sigma);
        }
        if (n.noiseSigma() > 0f) {
            noise(rgb, n.noiseSigma(), n.noiseSeed());
        }
    }

    private static void light(int[] rgb, int size, float angle, float strength) {
        float c = (float) Math.cos(angle) * strength / (size / 2f);
        float s = (float) Math.sin(angle) * strength / (size / 2f);
        float half = size / 2f;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float f = 1f + (x - half) * c + (y - half) * s;
                int p = rgb[y * size + x];
                rgb[y * size + x] = (clamp(((p >> 16) & 255) * f) << 16) | (clamp(((p >> 8) & 255) * f) << 8)
                    | clamp((p & 255) * f);
            }
        }
    }

    private static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    /** Separable Gaussian with clamped borders. */
    static void blur(int[] rgb, int size, float sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-(i * i) / (2.0 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] r = new float[rgb.length];
        float[] g = new float[rgb.length];
        float[] b = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            r[i] = (rgb[i] >> 16) & 255;
            g[i] = (rgb[i] >> 8) & 255;
            b[i] = rgb[i] & 255;
        }
        float[] tr = new float[rgb.length];
        float[] tg = new float[rgb.length];
        float[] tb = new float[rgb.length];
        pass(r, g, b, tr, tg, tb, size, k, radius, true);
        pass(tr, tg, tb, r, g, b, size, k, radius, false);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (clamp(r[i]) << 16) | (clamp(g[i]) << 8) | clamp(b[i]);
        }
    }

    private static void pass(float[] r, float[] g, float[] b, float[] or, float[] og, float[] ob, int size, float[] k,
        int radius, boolean horizontal) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float sr = 0;
                float sg = 0;
                float sb = 0;
                for (int i = -radius; i <= radius; i++) {
                    int xx = horizontal ? Math.min(size - 1, Math.max(0, x + i)) : x;
                    int yy = horizontal ? y : Math.min(size - 1, Math.max(0, y + i));
                    int j = yy * size + xx;
                    float w = k[i + radius];
                    sr += r[j] * w;
                    sg += g[j] * w;
                    sb += b[j] * w;
                }
                int o = y * size + x;
                or[o] = sr;
                og[o] = sg;
                ob[o] = sb;
            }
        }
    }

    /**
     * Zero-mean noise per channel with the requested standard deviation: the sum of two uniforms
     * (triangular, close enough to sensor noise) from one hash of the pixel index per pixel,
     * which is cheap and needs no sequential generator state.
     */
    private static void noise(int[] rgb, float sigma, long seed) {
        // The sum of two uniforms on [0, 1024) has standard deviation 1024 * sqrt(1/6).
        float scale = sigma / (1024f * (float) Math.sqrt(1.0 / 6.0));
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            long h = Seeds.scramble(seed + i);
            int out = 0;
            for (int c = 0; c < 3; c++) {
                long bits = h >>> (20 * c);
                long sum = (bits & 1023) + ((bits >>> 10) & 1023) - 1023;
                int shift = 16 - 8 * c;
                out |= clamp(((p >> shift) & 255) + sum * scale) << shift;
            }
            rgb[i] = out;
        }
    }
}
