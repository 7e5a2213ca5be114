package org.malau.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's face-api networks against the original package: fixtures/face-api-outputs.json holds what
 * {@code @vladmandic/face-api} 1.7.15 (TensorFlow.js 4.22.0, CPU backend, Node.js 20) computes on the four
 * fixed crops beside it (releng/face-api/record-fixture.mjs; fixtures/README.md). Measured 2026-12-04: largest
 * difference 1.8e-7 for the landmarks (fractions of the crop side) and 3.1e-7 for the expression
 * probabilities; the bound is 1e-4.
 */
class FaceApiFaithfulnessTest {
    static final double TOLERANCE = 1e-4;
    private static JsonNode fixture;
    private static List<float[]> crops;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        try (InputStream in = FaceApiFaithfulnessTest.class.getResourceAsStream("fixtures/face-api-outputs.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        Path dir = Path.of(FaceApiFaithfulnessTest.class.getResource("fixtures").toURI());
        crops = new ArrayList<>();
        for (JsonNode c : fixture.get("crops")) {
            crops.add(FixtureCrops.read(dir.resolve(c.get("file").asText())));
        }
        assertEquals(FixtureCrops.NAMES.size(), crops.size(), "every fixture crop has recorded outputs");
    }

    @Test
    void landmarksMatchTheOriginalPackage() {
        float[][] mine = FaceApiNetwork.get(FaceApiModels.Net.LANDMARKS_68).landmarks(crops);
        double worst = worst(mine, "landmarks");
        assertTrue(worst <= TOLERANCE, "largest landmark difference " + worst);
    }

    @Test
    void expressionsMatchTheOriginalPackage() {
        float[][] mine = FaceApiNetwork.get(FaceApiModels.Net.EXPRESSION).expressions(crops);
        double worst = worst(mine, "expressions");
        assertTrue(worst <= TOLERANCE, "largest expression probability difference " + worst);
        assertEquals(FaceApiModels.EXPRESSIONS, classes(), "class order of the recorded probabilities");
    }

    private static List<String> classes() {
        List<String> l = new ArrayList<>();
        fixture.get("expressionClasses").forEach(n -> l.add(n.asText()));
        return l;
    }

    private static double worst(float[][] mine, String key) {
        double worst = 0;
        int k = 0;
        for (JsonNode c : fixture.get("crops")) {
            JsonNode theirs = c.get(key);
            assertEquals(theirs.size(), mine[k].length, key + " of " + c.get("file").asText());
            for (int i = 0; i < mine[k].length; i++) {
                worst = Math.max(worst, Math.abs(mine[k][i] - theirs.get(i).asDouble()));
            }
            k++;
        }
        System.out.printf("face-api %s: largest difference to the original package %.3g%n", key, worst);
        return worst;
    }
}
