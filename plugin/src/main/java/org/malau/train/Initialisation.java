package org.malau.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.malau.data.Expression;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkConfig;
import org.malau.model.NetworkParameters;
import org.malau.pretrained.FaceApiModels;

/**
 * Where a network's weights start, by name ({@link TrainingConfig#initialisation()}):
 * <ul>
 * <li>{@value #RANDOM}: freshly initialised from the seed;</li>
 * <li>{@value #FACE_API_EXPRESSION}: the face-api backbone of the pretrained expression network, and its
 * final layer as the expression head for the classes both share (face-api's happy, sad, angry, fearful,
 * disgusted, surprised and neutral are the basic classes under other names; contempt stays random); the
 * AU head starts random;</li>
 * <li>{@value #FACE_API_LANDMARKS}: the backbone of the pretrained 68-point landmark network, both heads
 * random;</li>
 * <li>anything else: the path of a model file whose backbone (every tensor but the heads) is taken, and its
 * expression head too when it has the same classes: e.g. a network pretrained on the synthetic faces.</li>
 * </ul>
 * The header records the initialisation with its source ({@link #apply}).
 */
public final class Initialisation {
    public static final String RANDOM = "random";
    public static final String FACE_API_EXPRESSION = "face-api-expression";
    public static final String FACE_API_LANDMARKS = "face-api-landmarks";
    /** The names other than model files, the default first. */
    public static final List<String> NAMES = List.of(RANDOM, FACE_API_EXPRESSION, FACE_API_LANDMARKS);

    private Initialisation() {
    }

    /**
     * Checks that {@code spec} can start a network of {@code network}'s shape (a model file is checked when training
     * starts, when it is read).
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    static void check(String spec, NetworkConfig network) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no initialisation given; expected one of " + NAMES + " or a model file");
        }
        if (isFaceApi(spec)) {
            NetworkConfig pretrained = FaceApiModels.backbone(network.auCount(), network.expressionCount());
            if (!network.isFaceApi() || network.channels() != 3
                || !Arrays.equals(network.convChannels(), pretrained.convChannels())) {
                throw new IllegalArgumentException("initialisation " + spec + " needs the " + NetworkConfig.FACE_API
                    + " backbone with RGB input and blocks " + Arrays.toString(pretrained.convChannels()) + ", not "
                    + network.backbone() + " with " + network.channels() + " channel(s) and blocks "
                    + Arrays.toString(network.convChannels()));
            }
        }
    }

    private static boolean isFaceApi(String spec) {
        return FACE_API_EXPRESSION.equals(spec) || FACE_API_LANDMARKS.equals(spec);
    }

    /**
     * Sets {@code net}'s starting weights as {@code spec} says.
     *
     * @param classes the model's expression classes, in head order
     * @return what the model header records, e.g. {@code face-api-expression (@vladmandic/face-api 1.7.15)}
     * @throws IOException when a model file cannot be read
     * @throws IllegalArgumentException when a model file's backbone does not fit {@code net}
     */
    static String apply(String spec, MultiTaskNetwork net, List<Expression> classes, long seed) throws IOException {
        if (RANDOM.equals(spec)) {
            return RANDOM + " (seed " + seed + ")";
        }
        NetworkParameters start = net.namedParameters();
        float[] values = start.values();
        List<NetworkParameters.Spec> layout = NetworkParameters.layout(net.config());
        String source;
        if (isFaceApi(spec)) {
            FaceApiModels.Net pretrained = FACE_API_EXPRESSION.equals(spec) ? FaceApiModels.Net.EXPRESSION
                : FaceApiModels.Net.LANDMARKS_68;
            Map<String, float[]> t = FaceApiModels.torchTensors(pretrained);
            for (NetworkParameters.Spec s : layout) {
                if (t.containsKey(s.name())) {
                    System.arraycopy(t.get(s.name()), 0, values, s.offset(), s.size());
                }
            }
            if (pretrained == FaceApiModels.Net.EXPRESSION) {
                copyExpressionHead(layout, values, t.get("fc.weight"), t.get("fc.bias"), classes);
            }
            source = spec + " (" + FaceApiModels.PACKAGE + " " + FaceApiModels.VERSION + ")";
        } else {
            Path file = Path.of(spec);
            if (!Files.isRegularFile(file)) {
                throw new IOException("initialisation '" + spec + "' is neither one of " + NAMES + " nor a model file");
            }
            MalModel model = ModelFile.read(file);
            NetworkParameters from = model.parameters();
            List<NetworkParameters.Spec> theirs = NetworkParameters.layout(from.config());
            float[] v = from.values();
            int copied = 0;
            for (NetworkParameters.Spec s : layout) {
                boolean head = s.name().startsWith("au.") || s.name().startsWith("fe.");
                boolean sameClasses = model.header().expressionClasses().equals(classes.stream().map(Expression::label).toList());
                if (head && !(s.name().startsWith("fe.") && sameClasses)) {
                    continue;
                }
                NetworkParameters.Spec other = theirs.stream().filter(o -> o.name().equals(s.name())).findFirst().orElse(null);
                if (other == null || !Arrays.equals(other.shape(), s.shape())) {
                    throw new IllegalArgumentException("the model " + file + " has a " + from.config().backbone() + " backbone of "
                        + from.config().inputSize() + "x" + from.config().inputSize() + "x" + from.config().channels()
                        + " with tensor " + (other == null ? "(none)" : other) + " where this network needs " + s
                        + "; train with the same network settings as that model");
                }
                System.arraycopy(v, other.offset(), values, s.offset(), s.size());
                copied++;
            }
            String sha;
            try {
                sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
            source = "model " + file.getFileName() + " (SHA-256 " + sha + ", strategy " + model.header().strategy() + ", "
                + copied + " tensors)";
        }
        net.setNamedParameters(new NetworkParameters(net.config(), values));
        return source;
    }

    private static void copyExpressionHead(List<NetworkParameters.Spec> layout, float[] values, float[] weight, float[] bias,
        List<Expression> classes) {
        NetworkParameters.Spec w = layout.stream().filter(s -> s.name().equals("fe.weight")).findFirst().orElseThrow();
        NetworkParameters.Spec b = layout.stream().filter(s -> s.name().equals("fe.bias")).findFirst().orElseThrow();
        int features = w.shape()[1];
        for (int k = 0; k < FaceApiModels.EXPRESSIONS.size(); k++) {
            int q = classes.indexOf(FaceApiModels.EXPRESSION_CLASSES.get(k));
            if (q < 0) {
                continue;
            }
            System.arraycopy(weight, k * features, values, w.offset() + q * features, features);
            values[b.offset() + q] = bias[k];
        }
    }
}
