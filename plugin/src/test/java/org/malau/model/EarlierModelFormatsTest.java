package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files of earlier formats, kept as fixtures (fixtures/README.md), still load on every engine
 * and predict what they predicted when they were written.
 */
class EarlierModelFormatsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"model-format1-dl4j, 1, dl4j, libtorch", "model-format1-dl4j, 1, dl4j, dl4j",
        "model-format2-libtorch, 2, libtorch, libtorch", "model-format2-libtorch, 2, libtorch, dl4j",
        "model-format3-libtorch, 3, libtorch, libtorch", "model-format3-libtorch, 3, libtorch, dl4j"})
    void aModelOfAnEarlierFormatLoadsAndPredictsAsWritten(String fixture, int format, String writtenBy, String engine)
        throws Exception {
        Path file = dir.resolve("model.zip");
        try (InputStream in = getClass().getResourceAsStream("fixtures/" + fixture + ".zip")) {
            assertNotNull(in, "fixture missing");
            Files.copy(in, file);
        }
        MalModel model = ModelFile.read(file, engine, w -> { throw new AssertionError(w); });
        assertEquals(format, model.header().formatVersion());
        assertEquals(writtenBy, model.header().engine(), "the header says which engine trained it");
        assertEquals(engine, model.engine());
        assertTrue(model.hasMetaNet());
        assertNull(model.header().provenance(), "written before provenance was recorded");

        List<float[]> crops = new ArrayList<>();
        SplittableRandom px = new SplittableRandom(11);
        for (int s = 0; s < 5; s++) {
            float[] img = new float[256];
            for (int i = 0; i < 256; i++) {
                img[i] = (float) px.nextDouble();
            }
            crops.add(img);
        }
        List<FacePrediction> p = model.predict(crops, 2);
        String expected;
        try (InputStream in = getClass().getResourceAsStream("fixtures/" + fixture + "-predictions.csv")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : expected.lines().skip(1).toList()) {
            String[] f = line.split(",");
            int s = Integer.parseInt(f[0]);
            int k = Integer.parseInt(f[2]);
            float got = f[1].equals("au") ? p.get(s).auProbabilities()[k] : p.get(s).expressionProbabilities()[k];
            assertEquals(Float.parseFloat(f[3]), got, 1e-5, fixture + " on " + engine + ": " + line);
            checked++;
        }
        assertEquals(35, checked);
    }

    @Test
    void everyEarlierFormatHasAFixture() {
        for (int format = 1; format <= ModelHeader.FORMAT_VERSION; format++) {
            final int f = format;
            assertTrue(List.of("model-format1-dl4j", "model-format2-libtorch", "model-format3-libtorch").stream()
                .anyMatch(n -> n.startsWith("model-format" + f + "-")
                    && getClass().getResource("fixtures/" + n + ".zip") != null), "no fixture of format " + f);
        }
    }
}
