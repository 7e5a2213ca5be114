package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.data.FaceRecord;

class EarlyStoppingAndRecordsTest {
    @TempDir
    Path dir;

    @Test
    void stopsWhenMetaF1StopsImproving() throws Exception {
        List<String> warnings = new ArrayList<>();
        TrainingConfig c = TinyDatasets.config("au-only").epochs(6).patience(1)
            .schedule(LearningRateSchedule.constant(1e-12)).augmentation(Augmentation.none()).build();
        TrainingResult r = new MalTrainer(c).train(TinyDatasets.au(40, 1), null, new TrainingListener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }, CancellationCheck.never());
        assertEquals(2, r.history().epochs().size(), "a frozen network never beats epoch 1");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("early stop")), warnings.toString());
    }

    @Test
    void trainsFromFaceRecordsWithFileAndRawPixelImages() throws Exception {
        int[] codes = {1, 12};
        List<FaceRecord> au = new ArrayList<>();
        List<FaceRecord> fe = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < 24; i++) {
            byte[] px = new byte[20 * 20];
            for (int p = 0; p < px.length; p++) {
                px[p] = (byte) r.nextInt(256);
            }
            byte[] occ = {(byte) (i % 2), i % 3 == 0 ? AuLabels.UNKNOWN : (byte) 1};
            au.add(new FaceRecord("a" + i, "s" + i % 4, new FaceRecord.GreyPixels(20, 20, px), new AuLabels(codes, occ, null),
                Expression.HAPPINESS, Corruption.UNKNOWN, null));
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(24, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
            img.setRGB(3, 4, 0xff8040);
            Path f = dir.resolve("f" + i + ".png");
            ImageIO.write(img, "png", f.toFile());
            fe.add(new FaceRecord("f" + i, "", new FaceRecord.ImageFile(f), null, Expression.BASIC7[i % 7],
                i % 6 == 0 ? Corruption.UNRELATED : Corruption.NONE, null));
        }
        TrainingResult res = new MalTrainer(TinyDatasets.config("mal").epochs(1).build()).train(
            new RecordFaceDataset(au, RecordFaceDataset.auCodesOf(au)), new RecordFaceDataset(fe, new int[0]),
            TrainingListener.silent(), CancellationCheck.never());
        assertEquals(2, res.model().header().auCodes().length);
        assertTrue(res.weights().entries().stream().anyMatch(e -> e.corruption() == Corruption.UNRELATED));
    }
}
