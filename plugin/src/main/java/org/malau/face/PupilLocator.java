package org.malau.face;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Locates the pupil (eye centre) inside an eye window by the gradient method of Timm and Barth
 * (2011, "Accurate eye centre localisation by means of gradients"): the centre of a dark circular
 * iris is the point whose displacement vectors to the strong image gradients agree best with those
 * gradients' directions. Each candidate is weighted by its darkness, because pupils are dark. The
 * window is resampled to a fixed width so the result does not depend on the photo's resolution.
 */
public final class PupilLocator {
    /**
     * Working width of the eye window: the iris is then ~12-16 px across, enough to resolve its
     * edge, while the O(n^2) search stays near a millisecond.
     */
    private static final int WORK_WIDTH = 40;

    /**
     * The pupil centre in {@code grey} (8-bit, single channel) within {@code window} (clamped to the
     * image), in {@code grey}'s pixel coordinates; the window centre if the window is degenerate.
     */
    public PixelPoint locate(Mat grey, FaceBox window) {
        int x0 = (int) Math.max(0, Math.floor(window.x()));
        int y0 = (int) Math.max(0, Math.floor(window.y()));
        int x1 = (int) Math.min(grey.cols(), Math.ceil(window.x() + window.width()));
        int y1 = (int) Math.min(grey.rows(), Math.ceil(window.y() + window.height()));
        PixelPoint fallback = new PixelPoint(window.x() + window.width() / 2, window.y() + window.height() / 2);
        if (x1 - x0 < 6 || y1 - y0 < 6) {
            return fallback;
        }
        int w = WORK_WIDTH;
        int h = Math.max(6, (int) Math.round(WORK_WIDTH * (y1 - y0) / (double) (x1 - x0)));
        byte[] raw = new byte[w * h];
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(grey, r); Mat small = new Mat();
             Size sz = new Size(w, h)) {
            resize(roi, small, sz, 0, 0, INTER_AREA);
            small.data().get(raw);
        }
        PixelPoint c = locate(raw, w, h);
        double sx = (x1 - x0) / (double) w;
        double sy = (y1 - y0) / (double) h;
        return new PixelPoint(x0 + (c.x() + 0.5) * sx, y0 + (c.y() + 0.5) * sy);
    }

    /** Core search on a {@code w x h} grey raster (row-major, unsigned bytes); returns raster coordinates. */
    static PixelPoint locate(byte[] raw, int w, int h) {
        double[] img = new double[w * h];
        for (int i = 0; i < img.length; i++) {
            img[i] = raw[i] & 0xFF;
        }
        double[] smooth = blur3(blur3(img, w, h), w, h);
        // Gradients by central differences on the lightly smoothed raster.
        int n = 0;
        double[] gxs = new double[w * h];
        double[] gys = new double[w * h];
        double[] mag = new double[w * h];
        double sum = 0;
        double sumSq = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double dx = (smooth[i + 1] - smooth[i - 1]) / 2;
                double dy = (smooth[i + w] - smooth[i - w]) / 2;
                double m = Math.hypot(dx, dy);
                gxs[i] = dx;
                gys[i] = dy;
                mag[i] = m;
                sum += m;
                sumSq += m * m;
                n++;
            }
        }
        if (n == 0) {
            return new PixelPoint((w - 1) / 2.0, (h - 1) / 2.0);
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        // The paper's adaptive threshold keeps only edges clearly stronger than the window's texture.
        double threshold = mean + 0.3 * std;
        int count = 0;
        int[] px = new int[w * h];
        int[] py = new int[w * h];
        double[] ux = new double[w * h];
        double[] uy = new double[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (mag[i] > threshold && mag[i] > 1e-6) {
                    px[count] = x;
                    py[count] = y;
                    ux[count] = gxs[i] / mag[i];
                    uy[count] = gys[i] / mag[i];
                    count++;
                }
            }
        }
        // Darkness weight from a stronger blur so single dark pixels (lashes, noise) do not dominate.
        double[] dark = blur3(blur3(smooth, w, h), w, h);
        int mx = Math.max(1, w / 10);
        int my = Math.max(1, h / 10);
        // Displacements between raster points are integer, so their inverse lengths come from a table
        // instead of a square root and a division in the innermost loop (0 for a zero displacement,
        // which then contributes nothing, as the method requires).
        int tw = 2 * w - 1;
        double[] invLen = new double[tw * (2 * h - 1)];
        for (int dy = 1 - h; dy < h; dy++) {
            for (int dx = 1 - w; dx < w; dx++) {
                invLen[(dy + h - 1) * tw + dx + w - 1] = dx == 0 && dy == 0 ? 0 : 1 / Math.sqrt(dx * dx + dy * dy);
            }
        }
        // Visit candidates darkest first: a candidate's score is at most count * weight, so once that
        // bound drops below the best score no later candidate can win (exact, typically 5-10x fewer visits).
        // Darkness (non-negative, so its float bits sort like its value) and raster index share one
        // primitive key, keeping row-major order among equally dark candidates.
        long[] order = new long[(w - 2 * mx) * Math.max(0, h - 2 * my)];
        int nc = 0;
        for (int cy = my; cy < h - my; cy++) {
            for (int cx = mx; cx < w - mx; cx++) {
                int i = cy * w + cx;
                order[nc++] = ((long) Float.floatToIntBits((float) dark[i]) << 32) | i;
            }
        }
        Arrays.sort(order, 0, nc);
        double best = -1;
        int bx = w / 2;
        int by = h / 2;
        for (int o = 0; o < nc; o++) {
            int i = (int) order[o];
            int cx = i % w;
            int cy = i / w;
            double weight = 255.0 - dark[i];
            if (weight * count < best) {
                break;
            }
            double acc = 0;
            int base = (h - 1 - cy) * tw + w - 1 - cx;
            for (int k = 0; k < count; k++) {
                int dx = px[k] - cx;
                int dy = py[k] - cy;
                double dot = (dx * ux[k] + dy * uy[k]) * invLen[base + py[k] * tw + px[k]];
                if (dot > 0) {
                    acc += dot * dot;
                }
            }
            double score = acc * weight;
            if (score > best) {
                best = score;
                bx = cx;
                by = cy;
            }
        }
        return new PixelPoint(bx, by);
    }

    private static double[] blur3(double[] src, int w, int h) {
        double[] tmp = new double[src.length];
        double[] out = new double[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double l = src[y * w + Math.max(0, x - 1)];
                double r = src[y * w + Math.min(w - 1, x + 1)];
                tmp[y * w + x] = (l + 2 * src[y * w + x] + r) / 4;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = tmp[Math.max(0, y - 1) * w + x];
                double d = tmp[Math.min(h - 1, y + 1) * w + x];
                out[y * w + x] = (u + 2 * tmp[y * w + x] + d) / 4;
            }
        }
        return out;
    }
}
