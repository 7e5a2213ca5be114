package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.malau.data.Expression;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.Provenance;
import org.malau.runtime.EngineInfo;

/** The provenance a trained model records: engine and version, start time, and a digest of each table it learnt from. */
class ProvenanceTest {
    @Test
    void aTrainedModelRecordsEngineTimeAndDataAndKeepsThemInItsFile() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        TrainingResult r = new MalTrainer(TinyDatasets.config("mtl").epochs(1).build()).train(TinyDatasets.au(40, 1),
            TinyDatasets.expression(20, 2), TrainingListener.silent(), CancellationCheck.never());
        Provenance p = r.model().header().provenance();
        assertNotNull(p);
        assertEquals(EngineInfo.NAME, p.engine());
        assertFalse(p.engineVersion().isBlank());
        assertNotEquals("unknown", p.engineVersion(), "the build writes the version");
        assertTrue(p.networkLibrary().contains("LibTorch") || p.networkLibrary().contains("DL4J"), p.networkLibrary());
        Instant started = Instant.parse(p.startedAt());
        assertTrue(!started.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
            && Duration.between(started, Instant.now()).getSeconds() < 600, p.startedAt());
        assertEquals(java.util.List.of("auTrain", "expressionTrain", "metaSplit"), java.util.List.copyOf(p.data().keySet()));
        assertEquals(r.model().header().auTrainSize(), p.data().get("auTrain").rows());
        assertEquals(r.model().header().expressionTrainSize(), p.data().get("expressionTrain").rows());
        assertEquals(r.model().header().metaSplitSize(), p.data().get("metaSplit").rows());
        assertTrue(p.data().values().stream().allMatch(d -> d.sha256().matches("[0-9a-f]{64}")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(r.model(), out);
        MalModel back = ModelFile.read(new ByteArrayInputStream(out.toByteArray()), "m.zip");
        assertEquals(p, back.header().provenance(), "the file keeps the provenance");
        assertTrue(ModelFile.headerJson(r.model()).contains("\"provenance\""));
        assertFalse(ModelFile.headerJson(r.model()).contains("alignmentTemplate"), "the never-filled field is gone");
    }

    @Test
    void theDigestFollowsTheRowsAndNothingElse() {
        FaceDataset au = TinyDatasets.au(20, 1);
        int[] all = IntStream.range(0, 20).toArray();
        String d = DataDigest.of(au, all).sha256();
        assertEquals(d, DataDigest.of(TinyDatasets.au(20, 1), all).sha256(), "the same table, the same digest");
        assertNotEquals(d, DataDigest.of(au, IntStream.range(0, 19).toArray()).sha256(), "a row less");
        assertNotEquals(d, DataDigest.of(au, IntStream.range(0, 20).map(i -> 19 - i).toArray()).sha256(), "another order");
        // one AU label changed
        byte[][] labels = new byte[20][];
        String[] ids = new String[20];
        String[] subjects = new String[20];
        Expression[] x = new Expression[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = au.au(i).clone();
            ids[i] = au.id(i);
            subjects[i] = au.subject(i);
            x[i] = au.expression(i);
        }
        labels[7][2] = (byte) (1 - labels[7][2]);
        float[][] crops = new float[20][1];
        FaceDataset changed = new InMemoryFaceDataset(au.auCodes(), ids, subjects, labels, x, null, crops, 1, 1);
        assertNotEquals(d, DataDigest.of(changed, all).sha256(), "a label changed");
        labels[7][2] = (byte) (1 - labels[7][2]);
        FaceDataset otherPixels = new InMemoryFaceDataset(au.auCodes(), ids, subjects, labels, x, null, crops, 1, 1);
        assertEquals(d, DataDigest.of(otherPixels, all).sha256(), "the rows, not the pixels (read lazily)");
    }
}
