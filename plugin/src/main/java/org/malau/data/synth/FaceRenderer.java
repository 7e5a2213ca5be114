package org.malau.data.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

import static org.malau.data.synth.FaceGeometry.CX;
import static org.malau.data.synth.FaceGeometry.EYE_Y;
import static org.malau.data.synth.FaceGeometry.t;

/**
 * Draws one face with Java2D. Each AU only touches the features FACS attributes to it (see the
 * comments at each feature), which the AU region test checks pixel by pixel. Features that must
 * not move with an AU (hair, glasses, wrinkle anchors) are placed from the neutral geometry.
 */
public final class FaceRenderer {
    private static final float[] NO_AUS = new float[SynthAus.COUNT];

    private FaceRenderer() {
    }

    /** A rendered image and its 68 landmarks in image pixels (null when the image shows no face). */
    public record Rendered(BufferedImage image, float[] landmarks) {
    }

    /**
     * Renders a face.
     *
     * @param size image width and height in pixels
     * @param id the subject
     * @param intensity AU intensities 0-5 in {@link SynthAus} order (fractions allowed)
     * @param pose where the face sits
     * @param nuisance recording conditions
     * @param unrelated how the facial signal is destroyed, {@link Unrelated#NONE} for a usable face
     */
    public static Rendered render(int size, Identity id, float[] intensity, Pose pose, Nuisance nuisance,
        Unrelated unrelated) {
        if (intensity.length != SynthAus.COUNT) {
            throw new IllegalArgumentException("expected " + SynthAus.COUNT + " AU intensities, got " + intensity.length);
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(new Color(nuisance.backgroundRgb()));
        g.fillRect(0, 0, size, size);
        clutter(g, size, nuisance);
        float[] pixels = null;
        if (unrelated != Unrelated.NO_FACE) {
            float[] lm = FaceGeometry.landmarks(id, intensity);
            AffineTransform toImage = pose.toImage(size);
            g.transform(toImage);
            new Painter(g, id, intensity, lm, FaceGeometry.landmarks(id, NO_AUS)).paint();
            if (unrelated == Unrelated.OCCLUSION) {
                occlude(g, id, nuisance.clutterSeed());
            }
            pixels = new float[lm.length];
            toImage.transform(lm, 0, pixels, 0, lm.length / 2);
        }
        g.dispose();
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        CameraEffects.apply(data, size, nuisance, unrelated == Unrelated.EXTREME_BLUR);
        return new Rendered(img, pixels);
    }

    private static void clutter(Graphics2D g, int size, Nuisance n) {
        SplittableRandom r = new SplittableRandom(n.clutterSeed());
        for (int i = 0; i < n.clutter(); i++) {
            g.setColor(new Color(r.nextInt(0x1000000)));
            double x = r.nextDouble() * size;
            double y = r.nextDouble() * size;
            double w = (0.08 + 0.4 * r.nextDouble()) * size;
            double h = (0.08 + 0.4 * r.nextDouble()) * size;
            switch (r.nextInt(3)) {
                case 0 -> g.fill(new Rectangle2D.Double(x - w / 2, y - h / 2, w, h));
                case 1 -> g.fill(new Ellipse2D.Double(x - w / 2, y - h / 2, w, h));
                default -> {
                    g.setStroke(new BasicStroke((float) (0.01 + 0.04 * r.nextDouble()) * size));
                    g.draw(new Line2D.Double(x - w, y - h, x + w, y + h));
                }
            }
        }
    }

    /** Covers everything from brows to chin, so no AU can be read. */
    private static void occlude(Graphics2D g, Identity id, long seed) {
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, 0x0cc1dedL));
        float a = id.faceHalfWidth();
        g.setColor(new Color(r.nextInt(0x1000000)));
        g.fill(new RoundRectangle2D.Float(CX - a - 4, EYE_Y - 18, 2 * a + 8, id.chinDrop() + 24, 14, 14));
        for (int i = 0; i < 4; i++) {
            g.setColor(new Color(r.nextInt(0x1000000)));
            float y = EYE_Y - 14 + (float) r.nextDouble() * (id.chinDrop() + 10);
            g.fill(new RoundRectangle2D.Float(CX - a - 2, y, 2 * a + 4, 3 + 5 * (float) r.nextDouble(), 4, 4));
        }
    }

    /** Per-face drawing state; one instance draws one face. */
    private static final class Painter {
        private final Graphics2D g;
        private final Identity id;
        private final float[] in;
        private final float[] lm;
        private final float[] neutral;
        private final int skin;

        Painter(Graphics2D g, Identity id, float[] intensity, float[] lm, float[] neutral) {
            this.g = g;
            this.id = id;
            this.in = intensity;
            this.lm = lm;
            this.neutral = neutral;
            this.skin = id.skinRgb();
        }

        void paint() {
            hairBack();
            body();
            face();
            forehead();
            eyes();
            brows();
            nose();
            lowerFace();
            lips();
            hairFront();
            glasses();
        }

        private float x(int k) {
            return lm[2 * k];
        }

        private float y(int k) {
            return lm[2 * k + 1];
        }

        private void fill(Shape s, int rgb) {
            g.setColor(new Color(rgb));
            g.fill(s);
        }

        private void fill(Shape s, int rgb, float alpha) {
            if (alpha <= 0f) {
                return;
            }
            g.setColor(color(rgb, alpha));
            g.fill(s);
        }

        private void stroke(Shape s, int rgb, float width, float alpha) {
            if (alpha <= 0f) {
                return;
            }
            g.setColor(color(rgb, alpha));
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(s);
        }

        private static Color color(int rgb, float alpha) {
            int a = Math.round(Math.max(0f, Math.min(1f, alpha)) * 255);
            return new Color((a << 24) | (rgb & 0xffffff), true);
        }

        private static int shade(int rgb, float f) {
            int r = Math.min(255, Math.round(((rgb >> 16) & 255) * f));
            int gg = Math.min(255, Math.round(((rgb >> 8) & 255) * f));
            int b = Math.min(255, Math.round((rgb & 255) * f));
            return (r << 16) | (gg << 8) | b;
        }

        private static int lighten(int rgb, float f) {
            return Identity.lerp(rgb, 0xffffff, f);
        }

        private static Shape quad(float x0, float y0, float cx, float cy, float x1, float y1) {
            return new QuadCurve2D.Float(x0, y0, cx, cy, x1, y1);
        }

        private float headTopY() {
            return EYE_Y - FaceGeometry.HEAD_TOP;
        }

        /** Points of the cranium from the right end of the jaw over the top to its left end. */
        private void cranium(Path2D.Float p, float inflate) {
            float y0 = FaceGeometry.jawTop();
            float rx = id.faceHalfWidth() + inflate;
            float ry = y0 - headTopY() + inflate;
            for (int i = 1; i <= 24; i++) {
                double th = Math.PI * i / 24;
                p.lineTo((float) (CX + rx * Math.cos(th)), (float) (y0 - ry * Math.sin(th)));
            }
        }

        private void hairBack() {
            if (id.hairStyle() != 2) {
                return;
            }
            float a = id.faceHalfWidth();
            fill(new RoundRectangle2D.Float(CX - a - 8, headTopY() - 4, 2 * a + 16, id.chinDrop() + 60, 34, 34),
                shade(id.hairRgb(), 0.85f));
        }

        private void body() {
            float a = id.faceHalfWidth();
            float chin = EYE_Y + id.chinDrop();
            fill(new Ellipse2D.Float(CX - 62, chin + 16, 124, 70), id.shirtRgb());
            fill(new Rectangle2D.Float(CX - 0.55f * a, EYE_Y + 18, 1.1f * a, chin - EYE_Y + 12), shade(skin, 0.8f));
            for (int side = -1; side <= 1; side += 2) {
                float ex = CX + side * (a - 0.5f);
                fill(new Ellipse2D.Float(ex - 4, EYE_Y, 8, 16), shade(skin, 0.9f));
                stroke(quad(ex, EYE_Y + 4, ex + side * 2.5f, EYE_Y + 8, ex, EYE_Y + 12), shade(skin, 0.7f), 0.8f, 0.8f);
            }
        }

        private Path2D.Float faceOutline() {
            Path2D.Float p = new Path2D.Float();
            p.moveTo(x(0), y(0));
            Curves.append(p, Curves.pts(lm, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
            cranium(p, 0f);
            p.closePath();
            return p;
        }

        private void face() {
            Path2D.Float outline = faceOutline();
            fill(outline, skin);
            // Side shading gives the face volume; it follows the outline, so AU26 moves it with the jaw.
            Shape clip = g.getClip();
            g.clip(outline);
            stroke(outline, shade(skin, 0.82f), 7f, 0.35f);
            g.setClip(clip);
            stroke(outline, shade(skin, 0.7f), 0.8f, 0.9f);
        }

        /** AU1 wrinkles the centre of the forehead, AU2 its sides; AU4 furrows the glabella vertically. */
        private void forehead() {
            int line = shade(skin, 0.62f);
            float t1 = t(in, 1);
            float t2 = t(in, 2);
            float t4 = t(in, 4);
            float inner = Math.min(y(21), y(22));
            for (int j = 0; j < 3; j++) {
                float yy = inner - 3.5f - 3f * j;
                stroke(quad(CX - 9, yy + 1.2f, CX, yy - 1.2f, CX + 9, yy + 1.2f), line, 0.8f, 0.85f * t1);
            }
            for (int side = 0; side < 2; side++) {
                int o = side == 0 ? 17 : 26;
                int m = side == 0 ? 19 : 24;
                int i = side == 0 ? 20 : 23;
                for (int j = 0; j < 2; j++) {
                    float yy = Math.min(y(o), y(m)) - 3.5f - 3f * j;
                    stroke(quad(x(o), yy + 1.5f, x(m), yy - 1.5f, x(i), yy + 0.5f), line, 0.8f, 0.85f * t2);
                }
            }
            float top = inner - 5f;
            float bottom = inner + 1.5f;
            for (int side = -1; side <= 1; side += 2) {
                stroke(quad(CX + side * 1.6f, top, CX + side * 2.3f, (top + bottom) / 2, CX + side * 1.9f, bottom), line,
                    0.9f, t4);
            }
        }

        private void eyes() {
            float t5 = t(in, 5);
            float t6 = t(in, 6);
            float t7 = t(in, 7);
            int dark = shade(skin, 0.62f);
            int[][] eyes = {{36, 37, 38, 39, 40, 41}, {45, 44, 43, 42, 47, 46}};
            for (int[] e : eyes) {
                int outer = e[0];
                int inner = e[3];
                float side = Math.signum(x(outer) - x(inner));
                // The lid crease belongs to the face, not to the lid: AU5 retracts the lid into it.
                float[] crease = Curves.shift(Curves.pts(neutral, e[0], e[1], e[2], e[3]), 0f, -2.1f);
                stroke(Curves.open(crease), dark, 0.6f, 0.5f * (1 - 0.8f * t5));
                Path2D.Float opening = Curves.closed(Curves.pts(lm, e[0], e[1], e[2], e[3]),
                    Curves.pts(lm, e[3], e[4], e[5], e[0]));
                fill(opening, 0xEDE8E0);
                float cx = 0;
                float cy = 0;
                for (int k : e) {
                    cx += x(k) / 6f;
                    cy += y(k) / 6f;
                }
                float ir = 0.45f * id.eyeHalfWidth();
                float pr = Math.max(1.5f, 0.5f * ir);
                Shape clip = g.getClip();
                g.clip(opening);
                fill(new Ellipse2D.Float(cx - ir, cy - ir, 2 * ir, 2 * ir), id.irisRgb());
                fill(new Ellipse2D.Float(cx - pr, cy - pr, 2 * pr, 2 * pr), 0x080808);
                fill(new Ellipse2D.Float(cx - 1.9f, cy - 2.3f, 0.9f, 0.9f), 0xFFFFFF, 0.8f);
                g.setClip(clip);
                stroke(Curves.open(Curves.pts(lm, e[0], e[1], e[2], e[3])), shade(id.hairRgb(), 0.4f), 0.9f, 1f);
                stroke(Curves.open(Curves.pts(lm, e[3], e[4], e[5], e[0])), shade(skin, 0.55f), 0.5f, 0.9f);
                // AU7: the tightened lower lid bulges.
                stroke(Curves.open(Curves.shift(Curves.pts(lm, e[3], e[4], e[5], e[0]), 0f, 1.4f)), dark, 0.6f,
                    0.8f * t7);
                // AU6: crow's feet at the outer corner, infraorbital furrow and the raised cheek below.
                for (int j = -1; j <= 1; j++) {
                    stroke(new Line2D.Float(x(outer) + side * 1.3f, y(outer) + 1.1f * j, x(outer) + side * 5.2f,
                        y(outer) + 2.4f * j - 0.3f), dark, 0.6f, 0.85f * t6);
                }
                float ex = (x(outer) + x(inner)) / 2;
                float lowY = Math.max(y(e[4]), y(e[5]));
                stroke(quad(x(outer) + side * 0.5f, lowY + 1.8f, ex, lowY + 4.2f, x(inner) - side * 1.5f, lowY + 2.2f), dark,
                    0.8f, 0.75f * t6);
                float bulgeY = EYE_Y + 11.5f - 2.5f * t6;
                fill(new Ellipse2D.Float(ex + side * 1f - 6.5f, bulgeY - 3.2f, 13f, 6.4f), lighten(skin, 0.22f), 0.6f * t6);
                stroke(quad(ex + side * 6f, bulgeY + 1f, ex + side, bulgeY + 4.2f, ex - side * 5f, bulgeY + 1.5f), dark, 0.7f,
                    0.5f * t6);
            }
        }

        private void brows() {
            float[] taper = {0.55f, 0.85f, 1f, 1f, 0.95f};
            int colour = Identity.lerp(id.hairRgb(), 0x1A120C, 0.55f);
            float th = id.browThickness() + 0.3f * t(in, 4);
            for (int side = 0; side < 2; side++) {
                float[] top = new float[10];
                float[] bottom = new float[10];
                for (int k = 0; k < 5; k++) {
                    int idx = side == 0 ? 17 + k : 26 - k;
                    top[2 * k] = x(idx);
                    top[2 * k + 1] = y(idx) - th / 2 * taper[k];
                    bottom[8 - 2 * k] = x(idx);
                    bottom[9 - 2 * k] = y(idx) + th / 2 * taper[k];
                }
                Path2D.Float p = Curves.open(top);
                p.lineTo(bottom[0], bottom[1]);
                Curves.append(p, bottom);
                p.closePath();
                fill(p, colour);
            }
        }

        private void nose() {
            float t9 = t(in, 9);
            int dark = shade(skin, 0.62f);
            float tip = y(30);
            for (int side = -1; side <= 1; side += 2) {
                stroke(new Line2D.Float(CX + side * 2.6f, EYE_Y + 3f, CX + side * 3.6f, tip - 1.5f), shade(skin, 0.75f), 1f, 0.35f);
            }
            // The tip keeps its place (AU9 lifts the wings, not the tip); its highlight marks landmark 30.
            fill(new Ellipse2D.Float(x(30) - 2.8f, tip - 2.3f, 5.6f, 4.6f), lighten(skin, 0.22f));
            stroke(Curves.open(Curves.pts(lm, 32, 33, 34)), dark, 0.6f, 0.5f);
            for (int side = 0; side < 2; side++) {
                int w = side == 0 ? 31 : 35;
                int n = side == 0 ? 32 : 34;
                float s = side == 0 ? -1 : 1;
                float[] wing = {x(w) - s * 1.0f, y(w) - 3.4f, x(w) + s * 0.9f, y(w) - 1.0f, x(w) - s * 0.2f, y(w) + 0.8f,
                    x(n), y(n)};
                stroke(Curves.open(wing), dark, 0.8f, 0.9f);
                float nx = (x(w) + x(n)) / 2 - s * 0.3f;
                float ny = (y(w) + y(n)) / 2 - 0.1f;
                fill(new Ellipse2D.Float(nx - 1.7f, ny - 0.85f, 3.4f, 1.7f), shade(skin, 0.35f));
                // AU9: the wrinkled sides of the nose and the top of the nasolabial furrow.
                stroke(new Line2D.Float(CX + s * 5.2f, EYE_Y + 4f, CX + s * 6.6f, EYE_Y + 9f), dark, 0.7f, 0.7f * t9);
                stroke(quad(x(w) + s * 1.0f, y(w) - 0.5f, x(w) + s * 2.4f, y(w) + 1f, x(w) + s * 2.6f, y(w) + 3.5f), dark,
                    0.9f, 0.75f * t9);
            }
            for (int j = 0; j < 3; j++) {
                float yy = EYE_Y + 1f + 2.2f * j;
                stroke(quad(CX - 4.2f, yy + 0.8f, CX, yy - 0.7f, CX + 4.2f, yy + 0.8f), dark, 0.7f, 0.85f * t9);
            }
        }

        /** Furrows and bulges around the mouth: AU10/12 nasolabial fold, AU14 dimples, AU17 chin, AU24 bulges. */
        private void lowerFace() {
            float t10 = t(in, 10);
            float t12 = t(in, 12);
            float t14 = t(in, 14);
            float t17 = t(in, 17);
            float t24 = t(in, 24);
            int dark = shade(skin, 0.6f);
            for (int side = 0; side < 2; side++) {
                int wing = side == 0 ? 31 : 35;
                int corner = side == 0 ? 48 : 54;
                float s = side == 0 ? -1 : 1;
                float wx = neutral[2 * wing] + s * 1.8f;
                float wy = neutral[2 * wing + 1] - 0.5f;
                float fold = 0.2f + 0.45f * Math.max(t12, 0.85f * t10);
                stroke(quad(wx, wy, wx + s * 3.2f, (wy + y(corner)) / 2 + 1f, x(corner) + s * 2.4f, y(corner) + 3.5f), dark,
                    0.9f, fold);
                // AU14: the dimple and the skin bunched between it and the tightened corner.
                float dx = x(corner) + s * 2.6f;
                float dy = y(corner) - 0.3f;
                fill(new Ellipse2D.Float(dx - s * 1.4f - 1.4f, dy - 1.8f, 2.8f, 3.6f), lighten(skin, 0.2f), 0.6f * t14);
                stroke(quad(dx - s * 0.2f, dy - 2.6f, dx + s * 1.2f, dy, dx - s * 0.2f, dy + 2.6f), dark, 1.1f, t14);
            }
            float chinY = y(8);
            float lipBottom = y(57);
            stroke(quad(x(57) - 5f, lipBottom + 2.2f, x(57), lipBottom + 3.6f + 0.8f * t17, x(57) + 5f, lipBottom + 2.2f),
                dark, 0.9f, 0.2f + 0.6f * t17);
            float bossY = (lipBottom + chinY) / 2 + 1.5f;
            fill(new Ellipse2D.Float(CX - 6f, bossY - 4f, 12f, 8f), lighten(skin, 0.25f), 0.7f * t17);
            float[][] dots = {{-3f, -1f}, {-1.5f, 1f}, {0f, -1.5f}, {1.8f, 0.5f}, {3.2f, -0.8f}, {-0.5f, 2.2f}, {2f, 2.4f}};
            for (float[] d : dots) {
                fill(new Ellipse2D.Float(CX + d[0] - 0.5f, bossY + d[1] - 0.5f, 1f, 1f), dark, 0.8f * t17);
            }
            float mw = x(54) - x(48);
            fill(new Ellipse2D.Float(CX - 0.35f * mw, y(51) - 3.6f, 0.7f * mw, 3f), lighten(skin, 0.25f), 0.8f * t24);
            fill(new Ellipse2D.Float(CX - 0.35f * mw, y(57) + 0.8f, 0.7f * mw, 3f), lighten(skin, 0.25f), 0.8f * t24);
        }

        private void lips() {
            float t23 = t(in, 23);
            float t24 = t(in, 24);
            int lip = id.lipRgb();
            // The outline starts a little beyond the corner landmarks so that they lie on lip colour.
            float[] upper = Curves.pts(lm, 48, 49, 50, 51, 52, 53, 54);
            float[] lower = Curves.pts(lm, 54, 55, 56, 57, 58, 59, 48);
            upper[0] -= 1.5f;
            upper[12] += 1.5f;
            lower[0] += 1.5f;
            lower[12] -= 1.5f;
            Path2D.Float outline = Curves.closed(upper, lower);
            fill(outline, lip);
            stroke(outline, lip, 1.2f, 1f);
            // AU23 tightens the lips and sharpens the red margin.
            stroke(outline, shade(lip, 0.65f), 0.7f, 0.85f * t23);
            float[] upIn = Curves.pts(lm, 60, 61, 62, 63, 64);
            float[] lowIn = Curves.pts(lm, 64, 65, 66, 67, 60);
            float gap = y(66) - y(62);
            if (gap > 0.05f) {
                Path2D.Float opening = Curves.closed(upIn, lowIn);
                fill(opening, 0x3C1418);
                Shape clip = g.getClip();
                g.clip(opening);
                float teeth = Math.min(2.6f, 0.5f * gap);
                Path2D.Float band = Curves.open(upIn);
                band.lineTo(x(64), y(64) + teeth);
                Curves.append(band, reversed(Curves.shift(upIn, 0f, teeth)));
                band.closePath();
                fill(band, 0xECE8DA);
                if (gap > 4f) {
                    float low = Math.min(1.8f, 0.25f * gap);
                    Path2D.Float lowBand = Curves.open(lowIn);
                    Curves.append(lowBand, reversed(Curves.shift(lowIn, 0f, -low)));
                    lowBand.closePath();
                    fill(lowBand, 0xD8D2C2);
                }
                g.setClip(clip);
            }
            int lineCol = shade(lip, 0.5f);
            // The lip line runs into the shadowed commissures, which mark landmarks 48 and 54.
            float[] line = Curves.pts(lm, 48, 60, 61, 62, 63, 64, 54);
            stroke(Curves.open(line), lineCol, 0.8f + 0.8f * t24, 1f);
            for (int c : new int[] {48, 54}) {
                fill(new Ellipse2D.Float(x(c) - 0.8f, y(c) - 0.8f, 1.6f, 1.6f), lineCol);
            }
            stroke(Curves.open(lowIn), lineCol, 0.6f + 0.6f * t24, gap > 0.05f ? 1f : 0f);
        }

        private static float[] reversed(float[] xy) {
            float[] out = new float[xy.length];
            int n = xy.length / 2;
            for (int i = 0; i < n; i++) {
                out[2 * i] = xy[2 * (n - 1 - i)];
                out[2 * i + 1] = xy[2 * (n - 1 - i) + 1];
            }
            return out;
        }

        private void hairFront() {
            if (id.hairStyle() == 0) {
                return;
            }
            float a = id.faceHalfWidth();
            float hy = EYE_Y - id.hairline();
            float dip = id.hairStyle() == 3 ? 5f : 0f;
            Path2D.Float p = new Path2D.Float();
            p.moveTo(CX + a + 2f, FaceGeometry.jawTop() - 8f);
            cranium(p, 2f);
            p.lineTo(CX - a - 2f, FaceGeometry.jawTop() - 8f);
            p.lineTo(CX - a + 2.5f, EYE_Y - 8f);
            p.curveTo(CX - a + 3f, hy + 4f + dip, CX - 0.5f * a, hy + dip, CX - 0.1f * a, hy + dip * 0.6f);
            p.curveTo(CX + 0.3f * a, hy - 1f, CX + a - 3f, hy + 3f, CX + a - 2.5f, EYE_Y - 8f);
            p.closePath();
            fill(p, id.hairRgb());
        }

        private void glasses() {
            if (!id.glasses()) {
                return;
            }
            float ew = id.eyeHalfWidth();
            float a = id.faceHalfWidth();
            int frame = id.glassesRgb();
            for (int side = -1; side <= 1; side += 2) {
                float ex = CX + side * id.iod() / 2;
                RoundRectangle2D.Float lens = new RoundRectangle2D.Float(ex - ew - 2.5f, EYE_Y - 5.5f, 2 * ew + 5f, 10.5f, 5f, 5f);
                fill(lens, 0xFFFFFF, 0.1f);
                stroke(lens, frame, 1.1f, 1f);
                stroke(new Line2D.Float(ex + side * (ew + 2.5f), EYE_Y - 3f, CX + side * (a + 0.5f), EYE_Y - 1f), frame, 1f, 1f);
            }
            float in = id.iod() / 2 - ew - 2.5f;
            stroke(quad(CX - in, EYE_Y - 2.5f, CX, EYE_Y - 4f, CX + in, EYE_Y - 2.5f), frame, 1f, 1f);
        }
    }
}
