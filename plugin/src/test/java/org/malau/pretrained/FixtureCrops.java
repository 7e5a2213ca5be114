package org.malau.pretrained;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.malau.face.AlignOptions;
import org.malau.face.AlignedFace;
import org.malau.face.FaceAligner;
import org.malau.face.ImageAlignment;
import org.malau.face.Landmarks;
import org.malau.face.PixelPoint;
import org.malau.testing.SharedData;

/**
 * The fixed 112x112 crops of the faithfulness fixture (fixtures/README.md): raw RGB bytes, row by row,
 * 3 bytes per pixel, the layout both Node.js and Java read without an image decoder. Run once to make
 * them ({@code main OUT_DIR}); the test only reads them.
 */
public final class FixtureCrops {
    /** The crops, in fixture order. */
    public static final List<String> NAMES = List.of("lisa1.rgb", "zoom60.rgb", "frl001_smiling.rgb", "noise.rgb");
    static final int SIZE = 112;

    private FixtureCrops() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<byte[]> crops = new ArrayList<>();
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            crops.add(byEyes(aligner, "landmarks/cc0_lisa/lisa1.jpg", 219, 354, 382, 353));
            crops.add(byEyes(aligner, "landmarks/cc0_zoom/60cm.jpg", 507, 707, 661, 709));
            ImageAlignment a = aligner.align(SharedData.data("smiles/001_08.jpg"));
            crops.add(rgb(a.faces().get(0)));
        }
        byte[] noise = new byte[SIZE * SIZE * 3];
        SplittableRandom r = new SplittableRandom(14);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) r.nextInt(256);
        }
        crops.add(noise);
        for (int i = 0; i < NAMES.size(); i++) {
            Files.write(out.resolve(NAMES.get(i)), crops.get(i));
        }
    }

    private static byte[] byEyes(FaceAligner aligner, String photo, double lx, double ly, double rx, double ry) {
        ImageAlignment a = aligner.alignWithLandmarks(SharedData.data(photo),
            List.of(Landmarks.ofEyes(new PixelPoint(lx, ly), new PixelPoint(rx, ry))));
        return rgb(a.faces().get(0));
    }

    /** The aligner's BGR-interleaved crop as RGB-interleaved bytes. */
    private static byte[] rgb(AlignedFace f) {
        byte[] bgr = f.pixels();
        byte[] out = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            out[i] = bgr[i + 2];
            out[i + 1] = bgr[i + 1];
            out[i + 2] = bgr[i];
        }
        return out;
    }

    /** A crop file as network input: RGB channels first, values in [0, 1]. */
    public static float[] read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length != SIZE * SIZE * 3) {
            throw new IOException(file + " has " + b.length + " bytes, not " + SIZE * SIZE * 3);
        }
        int plane = SIZE * SIZE;
        float[] px = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                px[c * plane + i] = (b[3 * i + c] & 0xff) / 255f;
            }
        }
        return px;
    }
}
