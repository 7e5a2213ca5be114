package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.data.Expression;
import org.malau.model.Dl4jMultiTaskNetwork;
import org.malau.model.FacePrediction;
import org.malau.model.ImageTensor;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.ModelHeader;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkConfig;
import org.malau.model.NetworkEngines;
import org.malau.model.Normalisation;
import org.malau.model.TorchMultiTaskNetwork;
import org.malau.pretrained.FaceApiModels;
import org.malau.pretrained.FixtureCrops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The face-api backbone as the MAL network's backbone: starting from the pretrained expression network reproduces
 * that network (so the training path is the faithful one), model files keep the backbone, and DL4J refuses it by
 * name instead of running something else.
 */
class FaceApiBackboneTrainingTest {
    @TempDir
    Path dir;

    private static final List<Expression> CLASSES = List.of(Expression.BASIC7);

    /** The MAL network started from face-api-expression predicts what the original package predicts, class by class. */
    @Test
    void theExpressionInitialisationReproducesTheOriginalNetwork() throws IOException, URISyntaxException {
        JsonNode fixture;
        try (InputStream in = FixtureCrops.class.getResourceAsStream("fixtures/face-api-outputs.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        Path fixtures = Path.of(FixtureCrops.class.getResource("fixtures").toURI());
        List<float[]> crops = new ArrayList<>();
        for (JsonNode c : fixture.get("crops")) {
            crops.add(FixtureCrops.read(fixtures.resolve(c.get("file").asText())));
        }
        NetworkConfig config = NetworkConfig.faceApi(2, CLASSES.size());
        MultiTaskNetwork net = TorchMultiTaskNetwork.create(config, 3);
        String source = Initialisation.apply(Initialisation.FACE_API_EXPRESSION, net, CLASSES, 3);
        assertTrue(source.contains(FaceApiModels.PACKAGE) && source.contains(FaceApiModels.VERSION), source);
        float[] data = new float[crops.size() * 3 * 112 * 112];
        for (int s = 0; s < crops.size(); s++) {
            float[] c = crops.get(s).clone();
            Normalisation.faceApi().apply(c);
            System.arraycopy(c, 0, data, s * c.length, c.length);
        }
        float[][] p = net.forward(new ImageTensor(crops.size(), 3, 112, 112, data), false).expressionProbabilities();
        // face-api's order neutral, happy, sad, angry, fearful, disgusted, surprised in the basic classes' order
        Expression[] theirs = {Expression.NEUTRAL, Expression.HAPPINESS, Expression.SADNESS, Expression.ANGER,
            Expression.FEAR, Expression.DISGUST, Expression.SURPRISE};
        double worst = 0;
        for (int s = 0; s < crops.size(); s++) {
            JsonNode q = fixture.get("crops").get(s).get("expressions");
            for (int k = 0; k < theirs.length; k++) {
                worst = Math.max(worst, Math.abs(p[s][CLASSES.indexOf(theirs[k])] - q.get(k).asDouble()));
            }
        }
        assertTrue(worst <= 1e-4, "largest difference " + worst);
    }

    @Test
    void theLandmarkInitialisationTakesOnlyTheBackbone() throws IOException {
        NetworkConfig config = NetworkConfig.faceApi(1, CLASSES.size());
        MultiTaskNetwork fresh = TorchMultiTaskNetwork.create(config, 3);
        MultiTaskNetwork net = fresh.copy();
        Initialisation.apply(Initialisation.FACE_API_LANDMARKS, net, CLASSES, 3);
        Map<String, float[]> pretrained = FaceApiModels.torchTensors(FaceApiModels.Net.LANDMARKS_68);
        assertArrayEquals(pretrained.get("dense2.conv1.pointwise"), net.namedParameters().tensor("dense2.conv1.pointwise"));
        assertArrayEquals(fresh.namedParameters().tensor("fe.weight"), net.namedParameters().tensor("fe.weight"));
        assertArrayEquals(fresh.namedParameters().tensor("au.weight"), net.namedParameters().tensor("au.weight"));
    }

    @Test
    void aPretrainedInitialisationNeedsTheFaceApiBackbone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TrainingConfig.builder().initialisation(Initialisation.FACE_API_EXPRESSION).build());
        assertTrue(e.getMessage().contains("face-api-expression") && e.getMessage().contains(NetworkConfig.FACE_API),
            e.getMessage());
        assertEquals(Initialisation.FACE_API_EXPRESSION, TrainingConfig.recommended().build().initialisation());
    }

    @Test
    void aModelFileStartsTheBackboneAndAnotherLayoutIsRefused() throws IOException {
        NetworkConfig small = new NetworkConfig(16, 1, new int[] {4, 8}, 8, 1, CLASSES.size());
        MultiTaskNetwork trained = TorchMultiTaskNetwork.create(small, 11);
        Path file = dir.resolve("pretrained.zip");
        ModelFile.write(new MalModel(header(small, "mtl"), trained, null), file);
        MultiTaskNetwork net = TorchMultiTaskNetwork.create(new NetworkConfig(16, 1, new int[] {4, 8}, 8, 3, CLASSES.size()), 12);
        String source = Initialisation.apply(file.toString(), net, CLASSES, 12);
        assertTrue(source.startsWith("model pretrained.zip (SHA-256 "), source);
        assertArrayEquals(trained.namedParameters().tensor("conv2.weight"), net.namedParameters().tensor("conv2.weight"));
        assertArrayEquals(trained.namedParameters().tensor("fe.bias"), net.namedParameters().tensor("fe.bias"),
            "same classes: the expression head comes along");
        MultiTaskNetwork wider = TorchMultiTaskNetwork.create(new NetworkConfig(16, 1, new int[] {4, 16}, 8, 1, 7), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Initialisation.apply(file.toString(), wider, CLASSES, 1));
        assertTrue(e.getMessage().contains("conv2.weight"), e.getMessage());
        IOException missing = assertThrows(IOException.class,
            () -> Initialisation.apply(dir.resolve("nope.zip").toString(), wider, CLASSES, 1));
        assertTrue(missing.getMessage().contains("nope.zip"), missing.getMessage());
    }

    /** A face-api model file records its backbone; DL4J, which does not implement it, refuses it by name. */
    @Test
    void faceApiModelsRoundTripAndDl4jRefusesThemByName() throws IOException {
        NetworkConfig config = NetworkConfig.faceApi(2, CLASSES.size());
        MultiTaskNetwork net = TorchMultiTaskNetwork.create(config, 5);
        ModelHeader h = header(config, "au-only");
        Path file = dir.resolve("faceapi.zip");
        ModelFile.write(new MalModel(h, net, null), file);
        MalModel back = ModelFile.read(file);
        assertEquals(NetworkConfig.FACE_API, back.header().network().backbone());
        assertEquals(Normalisation.FACE_API, back.header().normalisation().mode());
        assertEquals(3, back.header().formatVersion());
        assertArrayEquals(net.parameters(), back.parameters().values());
        float[] crop = new float[3 * 112 * 112];
        java.util.Arrays.fill(crop, 0.5f);
        FacePrediction f = back.predict(List.of(crop), 1).get(0);
        assertNull(f.expressionProbabilities(), "an au-only model predicts no expressions");
        assertEquals(-1, f.expression());
        assertNotEquals(null, Dl4jMultiTaskNetwork.unsupported(config));
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ModelFile.read(file, NetworkEngines.DL4J, w -> { }));
        assertTrue(e.getMessage().contains("DL4J") && e.getMessage().contains(NetworkConfig.FACE_API)
            && e.getMessage().contains(NetworkEngines.LIBTORCH), e.getMessage());
        e = assertThrows(IllegalStateException.class,
            () -> NetworkEngines.usable(NetworkEngines.DL4J, config, w -> { }));
        assertTrue(e.getMessage().contains("only the libtorch engine runs it"), e.getMessage());
        assertEquals(NetworkEngines.LIBTORCH, NetworkEngines.usable(NetworkEngines.LIBTORCH, config, w -> { }).name());
        assertThrows(UnsupportedOperationException.class, () -> Dl4jMultiTaskNetwork.create(config, 1));
    }

    private static ModelHeader header(NetworkConfig c, String strategy) {
        double[] t = new double[c.auCount()];
        java.util.Arrays.fill(t, 0.5);
        int[] codes = new int[c.auCount()];
        for (int j = 0; j < codes.length; j++) {
            codes[j] = j + 1;
        }
        return new ModelHeader(ModelHeader.FORMAT_VERSION, NetworkEngines.LIBTORCH, c, codes,
            CLASSES.stream().map(Expression::label).toList(), c.isFaceApi() ? Normalisation.faceApi() : Normalisation.perImage(),
            null, strategy, Map.of(), 1, 10, 0, 2, t, null);
    }
}
