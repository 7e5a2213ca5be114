package org.malau.pretrained;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.malau.model.FaceApiBackbone;
import org.malau.model.NetworkParameters;
import org.malau.model.Normalisation;
import org.malau.runtime.TorchRuntime;

/**
 * One of face-api.js's pretrained networks ({@link FaceApiModels.Net}) running on LibTorch, for
 * inference only: 112x112 RGB crops in, the final layer's outputs out (landmark coordinates relative to
 * the crop, or expression logits). One instance per network and JVM, shared by all callers; its
 * parameters are never changed, and calls are serialised.
 */
public final class FaceApiNetwork {
    /** Side of the crops the networks take. */
    public static final int SIZE = 112;
    /** Crops per LibTorch call: enough to use both cores, little enough to keep activations small. */
    private static final int BATCH = 32;

    private static final Map<FaceApiModels.Net, FaceApiNetwork> LOADED = new EnumMap<>(FaceApiModels.Net.class);

    private final FaceApiModels.Net net;
    private final Tensor[] theta;
    private final int blocks;

    private FaceApiNetwork(FaceApiModels.Net net) {
        TorchRuntime.ensureLoaded();
        this.net = net;
        Map<String, float[]> values = FaceApiModels.torchTensors(net);
        List<NetworkParameters.Spec> layout = NetworkParameters.layout(FaceApiModels.backbone(1, 2));
        int backbone = (int) layout.stream().filter(s -> !s.name().startsWith("au.") && !s.name().startsWith("fe.")).count();
        theta = new Tensor[backbone + 2];
        blocks = FaceApiModels.backbone(1, 2).convChannels().length;
        try (PointerScope scope = new PointerScope()) {
            for (int i = 0; i < backbone; i++) {
                theta[i] = persistent(values.get(layout.get(i).name()), layout.get(i).shape());
            }
            int features = FaceApiModels.backbone(1, 2).featureSize();
            theta[backbone] = persistent(values.get("fc.weight"), new int[] {net.outputs(), features});
            theta[backbone + 1] = persistent(values.get("fc.bias"), new int[] {net.outputs()});
        }
    }

    private static Tensor persistent(float[] v, int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        Tensor t = torch.empty(s);
        t.data_ptr_float().put(v);
        t.retainReference();
        return t;
    }

    /**
     * The network {@code net}, loaded on first use.
     *
     * @throws IllegalStateException when LibTorch or the pretrained weights are not available here, saying which
     */
    public static FaceApiNetwork get(FaceApiModels.Net net) {
        synchronized (LOADED) {
            FaceApiNetwork n = LOADED.get(net);
            if (n == null) {
                String why = unavailableReason();
                if (why != null) {
                    throw new IllegalStateException("the pretrained face-api " + net.file() + " cannot run: " + why);
                }
                n = new FaceApiNetwork(net);
                LOADED.put(net, n);
            }
            return n;
        }
    }

    /**
     * A network {@code net} of the caller's own, not the JVM's shared one: for hosts that run several callers side
     * by side, each on its own LibTorch thread (a Spark executor's task slots), which the shared network's
     * serialised calls would make take turns. Its weights are the same; it costs their memory again (a few MB).
     *
     * @throws IllegalStateException when LibTorch or the pretrained weights are not available here, saying which
     */
    public static FaceApiNetwork ownCopy(FaceApiModels.Net net) {
        String why = unavailableReason();
        if (why != null) {
            throw new IllegalStateException("the pretrained face-api " + net.file() + " cannot run: " + why);
        }
        return new FaceApiNetwork(net);
    }

    /** Null when the pretrained networks can run here (LibTorch loads and the weights are bundled), else why not. */
    public static String unavailableReason() {
        String torchWhy = TorchRuntime.unavailableReason();
        if (torchWhy != null) {
            return "they run on LibTorch, and LibTorch is not available: " + torchWhy;
        }
        return FaceApiModels.unavailableReason();
    }

    public FaceApiModels.Net net() {
        return net;
    }

    /**
     * The 68 landmarks of each crop, x0, y0, x1, y1, ... as fractions of the crop side (iBUG order: jaw 0-16,
     * brows 17-26, nose 27-35, eyes 36-47 (the image-left eye first), mouth 48-67).
     *
     * @throws IllegalStateException when this is not the landmark network
     */
    public float[][] landmarks(List<float[]> rawCrops) {
        if (net != FaceApiModels.Net.LANDMARKS_68) {
            throw new IllegalStateException("the " + net.file() + " network gives no landmarks");
        }
        return outputs(rawCrops);
    }

    /**
     * The probabilities of {@link FaceApiModels#EXPRESSIONS} for each crop (face-api.js's softmax).
     *
     * @throws IllegalStateException when this is not the expression network
     */
    public float[][] expressions(List<float[]> rawCrops) {
        if (net != FaceApiModels.Net.EXPRESSION) {
            throw new IllegalStateException("the " + net.file() + " network gives no expression probabilities");
        }
        float[][] logits = outputs(rawCrops);
        for (float[] l : logits) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : l) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double[] e = new double[l.length];
            for (int k = 0; k < l.length; k++) {
                e[k] = Math.exp(l[k] - max);
                sum += e[k];
            }
            for (int k = 0; k < l.length; k++) {
                l[k] = (float) (e[k] / sum);
            }
        }
        return logits;
    }

    /**
     * The expression probabilities of each crop in the order of {@link org.malau.data.Expression#BASIC7} (this project's
     * classes; face-api.js's angry is anger, fearful fear, and so on).
     */
    public float[][] basicExpressions(List<float[]> rawCrops) {
        float[][] p = expressions(rawCrops);
        List<org.malau.data.Expression> basic = List.of(org.malau.data.Expression.BASIC7);
        float[][] out = new float[p.length][basic.size()];
        for (int s = 0; s < p.length; s++) {
            for (int k = 0; k < p[s].length; k++) {
                out[s][basic.indexOf(FaceApiModels.EXPRESSION_CLASSES.get(k))] = p[s][k];
            }
        }
        return out;
    }

    /**
     * The final layer's outputs for raw crops ({@value #SIZE}x{@value #SIZE} RGB, channels first, values in
     * [0, 1], as {@link org.malau.model.CropReader} reads them).
     */
    public synchronized float[][] outputs(List<float[]> rawCrops) {
        int per = 3 * SIZE * SIZE;
        float[][] out = new float[rawCrops.size()][];
        Normalisation norm = Normalisation.faceApi();
        for (int from = 0; from < rawCrops.size(); from += BATCH) {
            int to = Math.min(rawCrops.size(), from + BATCH);
            float[] data = new float[(to - from) * per];
            for (int s = from; s < to; s++) {
                float[] px = rawCrops.get(s);
                if (px.length != per) {
                    throw new IllegalArgumentException("crop " + s + " has " + px.length + " values; the face-api networks take "
                        + SIZE + "x" + SIZE + " RGB crops (" + per + " values)");
                }
                float[] copy = px.clone();
                norm.apply(copy);
                System.arraycopy(copy, 0, data, (s - from) * per, per);
            }
            try (NoGradGuard noGrad = new NoGradGuard(); PointerScope scope = new PointerScope()) {
                Tensor x = torch.empty(to - from, 3, SIZE, SIZE);
                x.data_ptr_float().put(data);
                Tensor f = FaceApiBackbone.features(x, theta, 0, blocks);
                Tensor y = torch.linear(f, theta[theta.length - 2], new TensorOptional(theta[theta.length - 1])).contiguous();
                float[] flat = new float[(to - from) * net.outputs()];
                y.data_ptr_float().get(flat);
                for (int s = 0; s < to - from; s++) {
                    out[from + s] = java.util.Arrays.copyOfRange(flat, s * net.outputs(), (s + 1) * net.outputs());
                }
            }
        }
        return out;
    }
}
