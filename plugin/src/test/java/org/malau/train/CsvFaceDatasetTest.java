package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;

public class CsvFaceDatasetTest {
    @TempDir
    Path dir;

    /** Writes {@code n} 32x32 PNGs and a CSV in the generator's layout (extra columns ignored). */
    public static Path writeSet(Path dir, int n, boolean withAu) throws Exception {
        Files.createDirectories(dir.resolve("img"));
        List<String> lines = new ArrayList<>();
        lines.add("file,subject,expression,corruption,AU01,AU02,AU01_int,AU02_int,lm00_x");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
            int a1 = r.nextInt(2);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int v = (a1 == 1 && y < 12 && x > 8 && x < 24 ? 200 : 60) + r.nextInt(30);
                    img.getRaster().setSample(x, y, 0, v);
                }
            }
            ImageIO.write(img, "png", dir.resolve("img/f" + i + ".png").toFile());
            String au = withAu ? a1 + "," + (i % 3 == 0 ? "" : "0") + "," + 3 * a1 + ",0" : ",,,";
            lines.add("img/f" + i + ".png,s" + (i % 5) + "," + Expression.BASIC7[i % 7].label() + ","
                + (i % 4 == 0 ? "label_noise" : "none") + "," + au + ",1.5");
        }
        Path csv = dir.resolve(withAu ? "au.csv" : "fe.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void readsLabelsAndDecodesImagesOnDemand() throws Exception {
        Path csv = writeSet(dir, 12, true);
        CsvFaceDataset d = CsvFaceDataset.read(csv);
        assertEquals(12, d.size());
        assertArrayEquals(new int[] {1, 2}, d.auCodes());
        assertEquals(AuLabels.UNKNOWN, d.au(0)[1]);
        assertEquals("img/f1", d.id(1));
        assertEquals("s1", d.subject(1));
        assertEquals(Expression.HAPPINESS, d.expression(1));
        assertEquals(Corruption.LABEL_NOISE, d.corruption(0));
        assertEquals(16 * 16, d.crop(3, 16, 1).length);
        CsvFaceDataset fe = CsvFaceDataset.read(writeSet(dir.resolve("fe"), 5, false));
        assertNull(fe.au(0));
    }

    @Test
    void trainsFromPngFilesThroughThePrefetchingLoader() throws Exception {
        CsvFaceDataset au = CsvFaceDataset.read(writeSet(dir, 40, true));
        CsvFaceDataset fe = CsvFaceDataset.read(writeSet(dir.resolve("fe"), 30, false));
        TrainingResult r = new MalTrainer(TinyDatasets.config("mtl").epochs(1).prefetch(1).build()).train(au, fe,
            TrainingListener.silent(), CancellationCheck.never());
        assertEquals(1, r.history().epochs().size());
        assertEquals(2, r.model().header().auCodes().length);
    }
}
