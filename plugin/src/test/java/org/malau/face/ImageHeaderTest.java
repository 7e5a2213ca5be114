package org.malau.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.malau.testing.SharedData;

class ImageHeaderTest {

    @Test
    void readsDimensionsOfRealFiles() throws IOException {
        ImageHeader jpeg = ImageHeader.read(Files.readAllBytes(SharedData.data("faces/usgov_biden.jpg"))).orElseThrow();
        assertEquals(new ImageHeader("jpeg", 970, 2204, 3), jpeg);
        ImageHeader png = ImageHeader.read(Files.readAllBytes(SharedData.data("faces/nasa_astronaut.png"))).orElseThrow();
        assertEquals(512, png.width());
        assertEquals(512, png.height());
    }

    @Test
    void craftedHugeHeadersAreReadWithoutDecoding() throws IOException {
        ImageHeader h = ImageHeader.read(BadInputTest.hugePng(20000, 20000)).orElseThrow();
        assertEquals(400_000_000L, h.pixels());
    }

    @Test
    void webpAndBmpWrittenByOpenCvAreMeasured() {
        try (Mat m = new Mat(37, 53, CV_8UC3, new Scalar(90.0))) {
            for (String ext : new String[] {".webp", ".bmp", ".tiff"}) {
                ImageHeader h = ImageHeader.read(TestImages.encode(m, ext)).orElseThrow(() -> new AssertionError(ext));
                assertEquals(53, h.width(), ext);
                assertEquals(37, h.height(), ext);
            }
        }
    }

    @Test
    void garbageHasNoHeader() {
        assertTrue(ImageHeader.read(new byte[] {1, 2, 3, 4, 5}).isEmpty());
        assertTrue(ImageHeader.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}).isEmpty());
    }
}
