package org.malau.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.malau.model.NetworkConfig;
import org.malau.model.NetworkParameters;

/**
 * The pretrained face networks of the npm package {@value #PACKAGE} {@value #VERSION} (MIT licence; its
 * networks are those of face-api.js by Vincent Mühler, MIT), which the build takes with npm, pinned by
 * version and integrity hash, and places with its licence and provenance in this bundle under
 * {@value #RESOURCES} (see {@code releng/face-api/PROVENANCE.md}). Nothing is downloaded at run time.
 * <p>
 * Two of its networks share the backbone {@link org.malau.model.FaceApiBackbone} (112x112 RGB, 256
 * features): the 68-point landmark network (136 outputs: x, y per point, relative to the crop) and the
 * expression network (7 classes, softmax). Their weights are read once per JVM and converted to the
 * engine-neutral layout of {@link NetworkParameters}.
 */
public final class FaceApiModels {
    public static final String PACKAGE = "@vladmandic/face-api";
    public static final String VERSION = "1.7.15";
    /** Where the build puts the package's files in the engine bundle (a class-path folder). */
    public static final String RESOURCES = "/org/malau/pretrained/faceapi/";

    /** A pretrained network of the package with the shared backbone. */
    public enum Net {
        /** face_landmark_68_model: 68 iBUG points, (x, y) relative to the input crop. */
        LANDMARKS_68("face_landmark_68_model", 136),
        /** face_expression_model: softmax over {@link FaceApiModels#EXPRESSIONS}. */
        EXPRESSION("face_expression_model", 7);

        private final String file;
        private final int outputs;

        Net(String file, int outputs) {
            this.file = file;
            this.outputs = outputs;
        }

        /** Base name of its files in the package's {@code model/} folder. */
        public String file() {
            return file;
        }

        /** Outputs of its final linear layer. */
        public int outputs() {
            return outputs;
        }
    }

    /** The expression network's classes in its output order, as face-api.js names them. */
    public static final List<String> EXPRESSIONS = List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted",
        "surprised");

    /** {@link #EXPRESSIONS} under this project's names (the basic expressions; face-api.js has no contempt). */
    public static final List<org.malau.data.Expression> EXPRESSION_CLASSES = List.of(org.malau.data.Expression.NEUTRAL,
        org.malau.data.Expression.HAPPINESS, org.malau.data.Expression.SADNESS, org.malau.data.Expression.ANGER,
        org.malau.data.Expression.FEAR, org.malau.data.Expression.DISGUST, org.malau.data.Expression.SURPRISE);

    private static final Map<Net, Map<String, TfjsWeights.Tensor>> CACHE = new ConcurrentHashMap<>();

    private FaceApiModels() {
    }

    /** The backbone shape of both networks. */
    public static NetworkConfig backbone(int auCount, int expressionCount) {
        return NetworkConfig.faceApi(auCount, expressionCount);
    }

    /** Null when the package's files are in this bundle, else why not (a build without them). */
    public static String unavailableReason() {
        for (Net n : Net.values()) {
            if (FaceApiModels.class.getResource(RESOURCES + n.file() + "-weights_manifest.json") == null) {
                return "the pretrained face-api networks (" + PACKAGE + " " + VERSION + ") are not in this build: "
                    + RESOURCES + n.file() + "-weights_manifest.json is missing (the engine's Maven build puts them there"
                    + " with npm)";
            }
        }
        return null;
    }

    /** A file the build placed beside the weights: {@code LICENSE}, {@code PROVENANCE.md} or {@code package.json}. */
    public static InputStream open(String name) throws IOException {
        InputStream in = FaceApiModels.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            String why = unavailableReason();
            throw new IOException(why != null ? why : RESOURCES + name + " is missing from the engine bundle");
        }
        return in;
    }

    /**
     * The TensorFlow.js tensors of {@code net}, by their names in the package (e.g. {@code
     * dense0/conv0/filters}), read once per JVM.
     *
     * @throws UncheckedIOException when the files are missing or damaged, saying which
     */
    public static Map<String, TfjsWeights.Tensor> tensors(Net net) {
        return CACHE.computeIfAbsent(net, n -> {
            try {
                return TfjsWeights.read(n.file() + "-weights_manifest.json", FaceApiModels::open);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the pretrained " + n.file() + " of " + PACKAGE + " " + VERSION
                    + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The backbone's tensors of {@code net} in PyTorch's convention, by their names in the engine-neutral
     * layout ({@code dense0.conv0.weight}, {@code dense1.conv0.depthwise}, ...), plus its final layer as
     * {@code fc.weight} [outputs, 256] and {@code fc.bias}.
     */
    public static Map<String, float[]> torchTensors(Net net) {
        Map<String, TfjsWeights.Tensor> tf = tensors(net);
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (NetworkParameters.Spec s : NetworkParameters.layout(backbone(1, 2))) {
            String n = s.name();
            if (n.startsWith("au.") || n.startsWith("fe.")) {
                continue;
            }
            String[] part = n.split("\\.");
            String prefix = part[0] + "/" + part[1] + "/";
            TfjsWeights.Tensor t = switch (part[2]) {
                case "weight" -> require(tf, prefix + "filters", net);
                case "depthwise" -> require(tf, prefix + "depthwise_filter", net);
                case "pointwise" -> require(tf, prefix + "pointwise_filter", net);
                default -> require(tf, prefix + "bias", net);
            };
            out.put(n, toTorch(t, s.shape(), part[2].equals("depthwise"), net));
        }
        TfjsWeights.Tensor fc = require(tf, "fc/weights", net);
        out.put("fc.weight", toTorch(fc, new int[] {net.outputs(), fc.shape()[0]}, false, net));
        out.put("fc.bias", require(tf, "fc/bias", net).values());
        return out;
    }

    private static TfjsWeights.Tensor require(Map<String, TfjsWeights.Tensor> tf, String name, Net net) {
        TfjsWeights.Tensor t = tf.get(name);
        if (t == null) {
            throw new IllegalStateException(net.file() + " of " + PACKAGE + " " + VERSION + " has no tensor " + name
                + "; it has " + tf.keySet());
        }
        return t;
    }

    /**
     * TensorFlow's layouts to PyTorch's: filters [kh, kw, in, out] to [out, in, kh, kw] (a depthwise filter
     * [kh, kw, in, 1] becomes [in, 1, kh, kw], i.e. one filter per channel), dense weights [in, out] to
     * [out, in]; vectors stay.
     */
    static float[] toTorch(TfjsWeights.Tensor t, int[] torchShape, boolean depthwise, Net net) {
        int[] s = t.shape();
        float[] v = t.values();
        int size = 1;
        for (int d : torchShape) {
            size *= d;
        }
        if (size != v.length) {
            throw new IllegalStateException(net.file() + ": tensor " + t.name() + " " + java.util.Arrays.toString(s)
                + " does not fit " + java.util.Arrays.toString(torchShape));
        }
        if (s.length == 1) {
            return v.clone();
        }
        float[] out = new float[v.length];
        if (s.length == 2) {
            for (int i = 0; i < s[0]; i++) {
                for (int o = 0; o < s[1]; o++) {
                    out[o * s[0] + i] = v[i * s[1] + o];
                }
            }
            return out;
        }
        int kh = s[0];
        int kw = s[1];
        int in = s[2];
        int mult = s[3];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < mult; o++) {
                        float val = v[((y * kw + x) * in + i) * mult + o];
                        if (depthwise) {
                            out[(i * kh + y) * kw + x] = val;
                        } else {
                            out[((o * in + i) * kh + y) * kw + x] = val;
                        }
                    }
                }
            }
        }
        return out;
    }
}
