package org.malau.face;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.testing.SharedData;

/** Every kind of bad or unusual input gets a status (never an exception) and a message naming the file. */
class BadInputTest {
    private static final Set<AlignStatus> FACE = Set.of(AlignStatus.OK, AlignStatus.EYES_ESTIMATED);

    @TempDir
    static Path tmp;
    private static Path face;

    @BeforeAll
    static void realFace() {
        face = SharedData.data("faces/nasa_astronaut.png");
    }

    @Test
    void missingEmptyAndGarbageFilesAreUnreadableWithTheirName() throws IOException {
        Path missing = tmp.resolve("missing.jpg");
        Path empty = Files.write(tmp.resolve("empty.jpg"), new byte[0]);
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        Path garbage = Files.write(tmp.resolve("garbage.png"), noise);
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            for (Path p : List.of(missing, empty, garbage)) {
                ImageAlignment a = aligner.align(p);
                assertEquals(AlignStatus.UNREADABLE, a.status(), p.toString());
                assertTrue(a.message().contains(p.getFileName().toString()), a.message());
            }
        }
    }

    @Test
    void truncatedFilesGetAStatus() throws IOException {
        byte[] jpeg = Files.readAllBytes(SharedData.data("faces/cc0_lisa1.jpg"));
        byte[] png = Files.readAllBytes(face);
        int sos = 2;
        while (!((jpeg[sos] & 0xFF) == 0xFF && (jpeg[sos + 1] & 0xFF) == 0xDA)) {
            sos++;
        }
        Path headerOnlyJpeg = Files.write(tmp.resolve("header_only.jpg"), Arrays.copyOf(jpeg, sos));
        Path halfJpeg = Files.write(tmp.resolve("half.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Path truncatedPng = Files.write(tmp.resolve("truncated.png"), Arrays.copyOf(png, png.length / 3));
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            ImageAlignment headerOnly = aligner.align(headerOnlyJpeg);
            assertEquals(AlignStatus.UNREADABLE, headerOnly.status());
            assertTrue(headerOnly.message().contains("header_only.jpg"), headerOnly.message());
            // libjpeg fills a half file's missing rows with grey; a face in the top half may still be found.
            ImageAlignment half = aligner.align(halfJpeg);
            assertTrue(half.status() != AlignStatus.UNREADABLE, half.toString());
            assertTrue(half.message().contains("half.jpg") && half.message().contains("truncated"), half.message());
            ImageAlignment p = aligner.align(truncatedPng);
            assertEquals(AlignStatus.UNREADABLE, p.status());
            assertTrue(p.message().contains("truncated.png"), p.message());
        }
    }

    @Test
    void tinyImageHasNoFace() throws IOException {
        try (Mat one = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            Path p = Files.write(tmp.resolve("one.png"), TestImages.encode(one, ".png"));
            try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults().withSelection(FaceSelection.ALL))) {
                assertEquals(AlignStatus.NO_FACE, aligner.align(p).status());
            }
        }
    }

    @Test
    void hugePngIsRefusedFromItsHeaderWithoutAllocating() throws IOException {
        Path p = Files.write(tmp.resolve("huge.png"), hugePng(20000, 20000));
        long before = peakRssBytes();
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            ImageAlignment a = aligner.align(p);
            assertEquals(AlignStatus.UNREADABLE, a.status());
            assertTrue(a.message().contains("huge.png") && a.message().contains("20000x20000"), a.message());
        }
        assertTrue(peakRssBytes() - before < 600L << 20, "peak memory grew by " + ((peakRssBytes() - before) >> 20) + " MB");
    }

    @Test
    void hugeJpegIsDecodedReducedWithoutAllocatingTheFullImage() throws IOException {
        byte[] small;
        try (Mat m = imread(face.toString(), IMREAD_COLOR)) {
            small = TestImages.encode(m, ".jpg");
        }
        byte[] huge = patchJpegSize(small, 20000, 20000);
        assertEquals(new ImageHeader("jpeg", 20000, 20000, 3), ImageHeader.read(huge).orElseThrow());
        Path p = Files.write(tmp.resolve("huge.jpg"), huge);
        long before = peakRssBytes();
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            ImageAlignment a = aligner.align(p);
            // The entropy data is far too short for the claimed size: libjpeg may pad it or give up.
            assertTrue(a.status() == AlignStatus.NO_FACE || a.status() == AlignStatus.UNREADABLE, a.toString());
            if (a.status() == AlignStatus.NO_FACE) {
                assertEquals(20000, a.width());
            }
        }
        assertTrue(peakRssBytes() - before < 600L << 20, "peak memory grew by " + ((peakRssBytes() - before) >> 20) + " MB");
    }

    @Test
    void reducedDecodeKeepsSourceCoordinates() throws IOException {
        // A tight pixel budget forces 1/2 decoding of a 600x800 photo; outputs must stay in source pixels.
        Path photo = SharedData.data("landmarks/cc0_lisa/lisa1.jpg");
        Landmarks lm = Landmarks.ofEyes(new PixelPoint(219, 354), new PixelPoint(382, 353));
        try (FaceAligner full = new FaceAligner(AlignOptions.defaults());
             FaceAligner reduced = new FaceAligner(AlignOptions.defaults().withMaxPixels(200_000))) {
            AlignedFace a = full.alignWithLandmarks(photo, List.of(lm)).faces().get(0);
            ImageAlignment r = reduced.alignWithLandmarks(photo, List.of(lm));
            AlignedFace b = r.faces().get(0);
            assertEquals(600, r.width());
            assertEquals(a.scale(), b.scale(), 1e-9);
            SimilarityTransformTest.assertClose(a.eyes().left(), b.eyes().left(), 1e-9);
            SimilarityTransformTest.assertClose(full.template().leftEye(), b.transform().apply(b.eyes().left()), 1e-6);
            assertEquals(a.box().width(), b.box().width(), 1e-6);
        }
    }

    @Test
    void greyAlphaSixteenBitAndCmykImagesAreDecoded() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Mat bgr = imread(face.toString(), IMREAD_COLOR); Mat grey = new Mat(); Mat bgra = new Mat();
             Mat deep = new Mat()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            cvtColor(bgr, bgra, COLOR_BGR2BGRA);
            bgr.convertTo(deep, CV_16U, 257, 0);
            files.add(Files.write(tmp.resolve("grey.png"), TestImages.encode(grey, ".png")));
            files.add(Files.write(tmp.resolve("alpha.png"), TestImages.encode(bgra, ".png")));
            files.add(Files.write(tmp.resolve("deep16.png"), TestImages.encode(deep, ".png")));
        }
        assertEquals(4, ImageHeader.read(Files.readAllBytes(files.get(1))).orElseThrow().components());
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            for (Path p : files) {
                ImageAlignment a = aligner.align(p);
                assertTrue(FACE.contains(a.status()), p + " -> " + a);
            }
            Path cmyk = Files.write(tmp.resolve("cmyk.jpg"), cmykJpeg());
            assertEquals(4, ImageHeader.read(Files.readAllBytes(cmyk)).orElseThrow().components());
            ImageAlignment a = aligner.align(cmyk);
            assertFalse(a.status() == AlignStatus.UNREADABLE, a.toString());
        }
    }

    @Test
    void batchNeverStopsAndCountsEveryStatus() throws IOException {
        Path empty = Files.write(tmp.resolve("batch_empty.png"), new byte[0]);
        Path one;
        try (Mat m = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            one = Files.write(tmp.resolve("batch_one.png"), TestImages.encode(m, ".png"));
        }
        Path huge = Files.write(tmp.resolve("batch_huge.png"), hugePng(20000, 20000));
        List<BatchItem> items = List.of(BatchItem.detect(empty), BatchItem.detect(face), BatchItem.detect(one),
            BatchItem.detect(tmp.resolve("batch_missing.jpg")), BatchItem.detect(huge));
        List<ImageAlignment> seen = new ArrayList<>();
        BatchResult r;
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            r = aligner.alignBatch(items, seen::add);
        }
        assertEquals(5, r.images());
        assertEquals(5, seen.size());
        assertEquals(3, r.count(AlignStatus.UNREADABLE));
        assertEquals(1, r.count(AlignStatus.NO_FACE));
        assertEquals(1, r.count(AlignStatus.OK) + r.count(AlignStatus.EYES_ESTIMATED));
        assertEquals(3, r.problems().size());
    }

    /** A valid PNG header and a few compressed rows claiming {@code w x h}: a few hundred bytes. */
    static byte[] hugePng(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
            .put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater d = new Deflater();
        d.setInput(new byte[(1 + 3 * w) * 4]);
        d.finish();
        byte[] buf = new byte[4096];
        int n = d.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** {@code jpeg} with its frame header claiming {@code w x h}. */
    static byte[] patchJpegSize(byte[] jpeg, int w, int h) {
        byte[] b = jpeg.clone();
        int i = 2;
        while (i + 9 < b.length) {
            int marker = b[i + 1] & 0xFF;
            int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC2) {
                b[i + 5] = (byte) (h >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
            i += 2 + len;
        }
        throw new IllegalStateException("no frame header");
    }

    /** A 4-component (CMYK) JPEG of a gradient, written by ImageIO's raster path. */
    private static byte[] cmykJpeg() throws IOException {
        int w = 64;
        int h = 48;
        WritableRaster r = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setPixel(x, y, new int[] {x * 4, y * 5, 128, 20});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(r, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Peak resident memory of this process (Linux), or 0 where unavailable so the check passes vacuously. */
    private static long peakRssBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
