package org.malau.face;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cascades come from the OpenCV jar; DNN model problems are reported with the file's name. */
class ModelAndResourceTest {

    @Test
    void allCascadesLoadFromTheJar() {
        for (String r : new String[] {CascadeLoader.FRONTAL_FACE_ALT2, CascadeLoader.FRONTAL_FACE_DEFAULT,
            CascadeLoader.FRONTAL_FACE_LBP, CascadeLoader.EYE, CascadeLoader.EYE_GLASSES}) {
            try (CascadeClassifier c = CascadeLoader.load(r)) {
                assertFalse(c.empty(), r);
            }
        }
    }

    /** The fallback for class loaders whose resource URLs Loader.cacheResource cannot extract. */
    @Test
    void cascadesAlsoParseInMemoryWithoutAFile() {
        for (String r : new String[] {CascadeLoader.FRONTAL_FACE_ALT2, CascadeLoader.EYE_GLASSES, CascadeLoader.FRONTAL_FACE_LBP}) {
            try (CascadeClassifier c = CascadeLoader.loadInMemory(CascadeLoader.resourceName(r), "test")) {
                assertFalse(c.empty(), r);
            }
        }
    }

    @Test
    void unknownCascadeIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CascadeLoader.load("haarcascades/nope.xml"));
        assertTrue(e.getMessage().contains("nope.xml"), e.getMessage());
    }

    @Test
    void missingModelFileIsNamed(@TempDir Path tmp) {
        Path model = tmp.resolve("face_detection_yunet_2023mar.onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new YuNetFaceDetector(model, 0.8f, 640));
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults().withDnnModel(model))) {
            IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, aligner::prepareDetector);
            assertTrue(e2.getMessage().contains(model.toString()), e2.getMessage());
        }
    }

    @Test
    void invalidModelFileIsNamed(@TempDir Path tmp) throws IOException {
        Path model = Files.writeString(tmp.resolve("not_a_model.onnx"), "this is not an ONNX graph");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new YuNetFaceDetector(model, 0.8f, 640));
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
    }
}
