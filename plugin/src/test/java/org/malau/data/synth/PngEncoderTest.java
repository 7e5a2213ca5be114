package org.malau.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Our PNG bytes must decode, with a standard decoder, to exactly the rendered pixels. */
class PngEncoderTest {
    @Test
    void decodesToTheSamePixels() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        BufferedImage noise = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        assertSamePixels(noise);
        assertSamePixels(new SynthGenerator(SynthConfig.defaults(2)).face(SynthSet.FE, 3).image());
        BufferedImage argb = new BufferedImage(9, 5, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(2, 3, 0x80123456);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(argb)));
        assertEquals(0x123456, decoded.getRGB(2, 3) & 0xffffff, "alpha is dropped, colour kept");
    }

    private static void assertSamePixels(BufferedImage img) throws Exception {
        assertSamePixels(img, PngEncoder.encode(img));
        assertSamePixels(img, PngEncoder.encodeCompact(img));
    }

    private static void assertSamePixels(BufferedImage img, byte[] png) throws Exception {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(img.getWidth(), decoded.getWidth());
        assertEquals(img.getHeight(), decoded.getHeight());
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                assertEquals(img.getRGB(x, y) & 0xffffff, decoded.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }
}
