package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.synth.PngEncoder;
import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;
import org.malau.testing.SharedData;

/**
 * The fast PNG path must give exactly the pixels of the ImageIO path it short-cuts (same floats, bit
 * for bit), and must decline what it does not handle so that ImageIO decodes it.
 */
class PlainPngTest {
    @TempDir
    Path dir;

    @Test
    void greyAndRgbPngsWrittenByImageIoDecodeToTheImageIoPixels() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            for (int[] wh : new int[][] {{48, 48}, {1, 1}, {37, 5}, {112, 112}}) {
                BufferedImage img = new BufferedImage(wh[0], wh[1], type);
                for (int y = 0; y < wh[1]; y++) {
                    for (int x = 0; x < wh[0]; x++) {
                        // Smooth ramps plus noise, so that the writer's adaptive filtering uses several filter types.
                        int v = (x * 5 + y * 3 + r.nextInt(12)) & 0xff;
                        img.setRGB(x, y, 0xff000000 | v << 16 | (255 - v) << 8 | (v * 7 & 0xff));
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(img, "png", out);
                assertSameAsImageIo(out.toByteArray(), "type " + type + " " + wh[0] + "x" + wh[1]);
            }
        }
    }

    @Test
    void syntheticFacesAsTheEngineEncodesThemDecodeToTheImageIoPixels() throws IOException {
        SynthGenerator g = new SynthGenerator(SynthConfig.builder().seed(3).auSubjects(2).feSubjects(1).perSubject(3).build());
        for (int i = 0; i < g.size(SynthSet.AU); i++) {
            BufferedImage face = g.face(SynthSet.AU, i).image();
            assertSameAsImageIo(PngEncoder.encode(face), "synthetic face " + i);
            assertSameAsImageIo(PngEncoder.encodeCompact(face), "compact synthetic face " + i);
        }
    }

    @Test
    void everyFilterTypeIsReversed() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        for (int samples : new int[] {1, 3}) {
            int w = 23;
            int h = 10;
            byte[] px = new byte[w * h * samples];
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) (i % 7 * 30 + r.nextInt(20));
            }
            // Row y uses filter y % 5, so all five appear, each with and without a row above.
            assertSameAsImageIo(png(w, h, samples == 1 ? 0 : 2, 8, px, samples, null), samples + " samples, all filters");
        }
    }

    @Test
    void realPhotosInPngDecodeToTheImageIoPixelsOrAreLeftToImageIo() throws IOException {
        Path faces = SharedData.sharedDir().resolve("data/faces");
        int checked = 0;
        try (var files = Files.list(faces)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".png"))::iterator) {
                byte[] bytes = Files.readAllBytes(f);
                float[] expected = CropReader.fromImage(ImageIO.read(new ByteArrayInputStream(bytes)), 64, 1);
                assertArrayEquals(expected, CropReader.read(f, 64, 1), f.toString());
                checked++;
            }
        }
        assertTrue(checked > 0, "no PNG photos in " + faces);
    }

    @Test
    void whatImageIoWouldTreatDifferentlyIsDeclined() throws IOException {
        byte[] grey = {10, 20, 30, 40};
        assertNotNull(PlainPng.pixels(png(2, 2, 0, 8, grey, 1, null), 1, new int[2]), "the plain case is taken");
        assertNull(PlainPng.pixels(png(2, 2, 0, 8, grey, 1, "gAMA"), 1, new int[2]), "gamma chunk");
        assertNull(PlainPng.pixels(png(2, 2, 0, 8, grey, 1, "tRNS"), 1, new int[2]), "transparency");
        assertNull(PlainPng.pixels(png(2, 2, 0, 8, grey, 1, "iCCP"), 1, new int[2]), "colour profile");
        assertNull(PlainPng.pixels(png(1, 2, 0, 16, grey, 2, null), 1, new int[2]), "16-bit");
        assertNull(PlainPng.pixels(png(2, 2, 3, 8, grey, 1, null), 1, new int[2]), "palette");
        assertNull(PlainPng.pixels(new byte[] {1, 2, 3}, 1, new int[2]), "not a PNG");
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] whole = out.toByteArray();
        assertNull(PlainPng.pixels(Arrays.copyOf(whole, whole.length / 2), 1, new int[2]), "truncated");
    }

    @Test
    void bytesReadElsewhereGiveTheFilesPixelsAndMessages() throws IOException {
        // The Spark job reads files through Hadoop and decodes their bytes: the same pixels as ./mal predict's read(Path).
        Path faces = SharedData.sharedDir().resolve("data/faces");
        int checked = 0;
        try (var files = Files.list(faces)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)$")).sorted()::iterator) {
                for (int channels : new int[] {1, 3}) {
                    assertArrayEquals(CropReader.read(f, 48, channels), CropReader.read(Files.readAllBytes(f), f.toString(), 48,
                        channels), f + ", " + channels + " channels");
                }
                checked++;
            }
        }
        assertTrue(checked > 0, "no photos in " + faces);
        IOException e = assertThrows(IOException.class, () -> CropReader.read(new byte[] {1, 2, 3, 4}, "odd.png", 48, 1));
        assertTrue(e.getMessage().contains("odd.png"), e.getMessage());
    }

    @Test
    void aTruncatedCropStillFailsWithTheFileNamed() throws IOException {
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        Path f = dir.resolve("cut.png");
        Files.write(f, Arrays.copyOf(out.toByteArray(), 60));
        IOException e = assertThrows(IOException.class, () -> CropReader.read(f, 48, 1));
        assertTrue(e.getMessage().contains("cut.png"), e.getMessage());
    }

    private void assertSameAsImageIo(byte[] png, String what) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        for (int channels : new int[] {1, 3}) {
            int[] wh = new int[2];
            float[] fast = PlainPng.pixels(png, channels, wh);
            assertNotNull(fast, what + ": the plain path declined");
            assertEquals(decoded.getWidth(), wh[0], what);
            assertEquals(decoded.getHeight(), wh[1], what);
            int size = Math.max(8, decoded.getWidth() / 2);
            assertArrayEquals(CropReader.fromImage(decoded, size, channels),
                CropReader.resize(fast, channels, wh[1], wh[0], size), what + ", " + channels + " channels");
            Path f = Files.write(dir.resolve("x.png"), png);
            assertArrayEquals(CropReader.fromImage(decoded, size, channels), CropReader.read(f, size, channels), what);
        }
    }

    /** A PNG with each row filtered by filter (row % 5), and optionally one extra ancillary chunk before IDAT. */
    private static byte[] png(int w, int h, int colour, int depth, byte[] px, int bytesPerPixel, String extra) {
        int stride = w * bytesPerPixel;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            int f = y % 5;
            raw.write(f);
            for (int x = 0; x < stride; x++) {
                int a = x >= bytesPerPixel ? px[y * stride + x - bytesPerPixel] & 0xff : 0;
                int b = y > 0 ? px[(y - 1) * stride + x] & 0xff : 0;
                int c = x >= bytesPerPixel && y > 0 ? px[(y - 1) * stride + x - bytesPerPixel] & 0xff : 0;
                int v = px[y * stride + x] & 0xff;
                int predictor = switch (f) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    case 4 -> paeth(a, b, c);
                    default -> 0;
                };
                raw.write((v - predictor) & 0xff);
            }
        }
        Deflater d = new Deflater();
        d.setInput(raw.toByteArray());
        d.finish();
        byte[] buf = new byte[raw.size() * 2 + 64];
        int n = d.deflate(buf);
        d.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) depth).put((byte) colour)
            .put((byte) 0).put((byte) 0).put((byte) 0).array());
        if (extra != null) {
            chunk(out, extra, new byte[] {0, 0, (byte) 0xb1, (byte) 0x8f});
        }
        if (colour == 3) {
            chunk(out, "PLTE", new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        }
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
