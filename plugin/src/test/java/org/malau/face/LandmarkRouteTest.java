package org.malau.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.malau.io.CsvInput;
import org.junit.jupiter.api.io.TempDir;
import org.malau.testing.SharedData;

/** The landmark route: given points are fitted to the template and the crop really shows them there. */
class LandmarkRouteTest {

    @Test
    void temFilesPutEyesOnTheTemplate() throws IOException {
        Path dir = SharedData.data("landmarks");
        int checked = 0;
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults()); CsvInput rows = CsvInput.open(dir.resolve("eyes.csv"))) {
            EyeTemplate t = aligner.template();
            rows.next();
            for (List<String> f = rows.next(); f != null; f = rows.next()) {
                String image = f.get(0);
                Path tem = dir.resolve(image.replaceAll("\\.jpg$", ".tem"));
                Landmarks lm = Landmarks.of(LandmarkFiles.read(tem));
                // The .tem pupils must be the ones eyes.csv lists (derived_from column).
                SimilarityTransformTest.assertClose(new PixelPoint(Double.parseDouble(f.get(2)), Double.parseDouble(f.get(3))),
                    lm.eyes().left(), 0.51);
                ImageAlignment a = aligner.alignWithLandmarks(dir.resolve(image), List.of(lm));
                assertEquals(AlignStatus.OK, a.status(), a.message());
                AlignedFace face = a.faces().get(0);
                SimilarityTransformTest.assertClose(t.leftEye(), face.transform().apply(face.eyes().left()), 1.0);
                SimilarityTransformTest.assertClose(t.rightEye(), face.transform().apply(face.eyes().right()), 1.0);
                checked++;
            }
        }
        assertEquals(28, checked);
    }

    /** Pixel-level check: bright dots drawn at the eye positions appear at the template's eye positions. */
    @Test
    void warpedCropShowsTheEyesAtTemplatePositions() {
        PixelPoint left = new PixelPoint(812.3, 905.8);
        PixelPoint right = new PixelPoint(1093.6, 1010.2);
        byte[] png;
        try (Mat img = new Mat(1600, 2000, CV_8UC3, new Scalar(0.0))) {
            for (PixelPoint p : List.of(left, right)) {
                // Sub-pixel circle centres via OpenCV's fixed-point shift (4 fractional bits).
                try (Point c = new Point((int) Math.round(p.x() * 16), (int) Math.round(p.y() * 16));
                     Scalar white = new Scalar(255, 255, 255, 0)) {
                    circle(img, c, 12 * 16, white, -1, 16, 4);
                }
            }
            png = TestImages.encode(img, ".png");
        }
        for (int size : new int[] {112, 224}) {
            try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults().withSize(size).withGrey(true))) {
                AlignedFace face = aligner.alignWithLandmarks(png, "dots.png", List.of(Landmarks.ofEyes(right, left)))
                    .faces().get(0);
                EyeTemplate t = aligner.template();
                SimilarityTransformTest.assertClose(t.leftEye(), centroid(face, t.leftEye()), 1.0);
                SimilarityTransformTest.assertClose(t.rightEye(), centroid(face, t.rightEye()), 1.0);
                assertEquals(Math.toDegrees(Math.atan2(right.y() - left.y(), right.x() - left.x())), face.rollDegrees(), 1e-6);
            }
        }
    }

    @Test
    void sixtyEightPointsFromPtsFileUseEyeMeans(@TempDir Path tmp) throws IOException {
        List<PixelPoint> pts = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            pts.add(new PixelPoint(300 + i, 400 + (i % 7)));
        }
        StringBuilder sb = new StringBuilder("version: 1\nn_points:  68\n{\n");
        for (PixelPoint p : pts) {
            sb.append(p.x()).append(' ').append(p.y()).append('\n');
        }
        sb.append("}\n");
        Path file = tmp.resolve("face.pts");
        Files.writeString(file, sb);
        Landmarks lm = Landmarks.of(LandmarkFiles.read(file));
        SimilarityTransformTest.assertClose(PixelPoint.mean(pts.subList(36, 42).toArray(PixelPoint[]::new)), lm.eyes().left(), 1e-9);
        SimilarityTransformTest.assertClose(PixelPoint.mean(pts.subList(42, 48).toArray(PixelPoint[]::new)), lm.eyes().right(), 1e-9);
        assertEquals(List.of(0, 1, 2, 3, 4), lm.templateIndices());
        SimilarityTransformTest.assertClose(pts.get(30), lm.points().get(2), 1e-9);
    }

    @Test
    void fivePointsAreFittedByLeastSquares() {
        EyeTemplate t = new EyeTemplate(112);
        // Source points = the template under a known similarity, so the fit must map them back exactly.
        SimilarityTransform placed = SimilarityTransform.rotation(12, new PixelPoint(56, 56), new PixelPoint(400, 300))
            .thenScale(3);
        List<PixelPoint> src = new ArrayList<>();
        for (PixelPoint p : t.fivePoints()) {
            src.add(placed.apply(p));
        }
        Landmarks lm = Landmarks.of(src);
        SimilarityTransform fit = SimilarityTransform.fit(lm.points(), t.fivePoints());
        for (int i = 0; i < 5; i++) {
            SimilarityTransformTest.assertClose(t.fivePoints().get(i), fit.apply(src.get(i)), 1e-6);
        }
    }

    @Test
    void unsupportedLayoutsAndMalformedFilesAreClearErrors(@TempDir Path tmp) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> Landmarks.of(List.of(new PixelPoint(0, 0),
            new PixelPoint(1, 1), new PixelPoint(2, 2))));
        Path bad = tmp.resolve("broken.tem");
        Files.writeString(bad, "189\n1 2\n");
        IOException e = assertThrows(IOException.class, () -> LandmarkFiles.read(bad));
        assertTrue(e.getMessage().contains("broken.tem"), e.getMessage());
    }

    /** Intensity-weighted centroid of the bright blob within 8 px of {@code near} in a grey crop. */
    private static PixelPoint centroid(AlignedFace face, PixelPoint near) {
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int y = 0; y < face.size(); y++) {
            for (int x = 0; x < face.size(); x++) {
                if (Math.hypot(x - near.x(), y - near.y()) > 8 * face.size() / 112.0) {
                    continue;
                }
                double v = face.pixels()[y * face.size() + x] & 0xFF;
                sx += v * x;
                sy += v * y;
                sw += v;
            }
        }
        return new PixelPoint(sx / sw, sy / sw);
    }
}
