package org.malau.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityTransformTest {

    @Test
    void twoPointsAreMappedExactly() {
        PixelPoint a = new PixelPoint(100, 210);
        PixelPoint b = new PixelPoint(180, 190);
        EyeTemplate t = new EyeTemplate(112);
        SimilarityTransform s = SimilarityTransform.fit(List.of(a, b), List.of(t.leftEye(), t.rightEye()));
        assertClose(t.leftEye(), s.apply(a), 1e-9);
        assertClose(t.rightEye(), s.apply(b), 1e-9);
        assertEquals(t.leftEye().distance(t.rightEye()) / a.distance(b), s.scale(), 1e-12);
    }

    @Test
    void leastSquaresRecoversAKnownTransformFromNoisyPoints() {
        Random rnd = new Random(42);
        SimilarityTransform truth = SimilarityTransform.rotation(17, new PixelPoint(300, 200), new PixelPoint(50, 60))
            .thenScale(0.4);
        List<PixelPoint> src = new ArrayList<>();
        List<PixelPoint> dst = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            PixelPoint p = new PixelPoint(200 + rnd.nextDouble() * 200, 100 + rnd.nextDouble() * 200);
            PixelPoint q = truth.apply(p);
            src.add(p);
            dst.add(new PixelPoint(q.x() + rnd.nextGaussian() * 0.05, q.y() + rnd.nextGaussian() * 0.05));
        }
        SimilarityTransform fit = SimilarityTransform.fit(src, dst);
        assertEquals(17, fit.rotationDegrees(), 0.05);
        assertEquals(0.4, fit.scale(), 1e-3);
        assertClose(truth.apply(new PixelPoint(250, 250)), fit.apply(new PixelPoint(250, 250)), 0.05);
    }

    @Test
    void inverseUndoesTheTransform() {
        SimilarityTransform s = SimilarityTransform.rotation(-33, new PixelPoint(10, 20), new PixelPoint(5, 7)).thenScale(2.5);
        PixelPoint p = new PixelPoint(123.4, -56.7);
        assertClose(p, s.inverse().apply(s.apply(p)), 1e-9);
    }

    @Test
    void coincidentPointsAreRejected() {
        PixelPoint p = new PixelPoint(1, 1);
        assertThrows(IllegalArgumentException.class,
            () -> SimilarityTransform.fit(List.of(p, p), List.of(new PixelPoint(0, 0), new PixelPoint(1, 0))));
    }

    static void assertClose(PixelPoint want, PixelPoint got, double tol) {
        assertEquals(want.x(), got.x(), tol, "x of " + got);
        assertEquals(want.y(), got.y(), tol, "y of " + got);
    }
}
