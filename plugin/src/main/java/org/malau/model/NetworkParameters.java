package org.malau.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * theta of a {@link NetworkConfig} network in a layout that belongs to no engine: named tensors in
 * a fixed order, each in PyTorch's convention (convolution weights [out, in, 3, 3], dense weights
 * [out, in], row-major), concatenated into one flat vector. Model files store this layout, so a
 * model trained with one engine predicts with the other.
 * <p>
 * Names: {@code conv1.weight}, {@code conv1.bias}, ... per conv block, then {@code feat.weight}
 * [F, C*H*W] over the last pooled map flattened channel-major (c, y, x), {@code feat.bias}, and the
 * heads {@code au.weight} [J, F], {@code au.bias}, {@code fe.weight} [Q, F], {@code fe.bias}.
 * <p>
 * The {@value NetworkConfig#FACE_API} backbone has its own names instead of the conv blocks and the feature
 * layer (see {@link FaceApiBackbone}): per dense block {@code denseB.conv0.weight} [W, C, 3, 3] and its bias
 * for the first block's plain convolution, else {@code denseB.convK.depthwise} [C, 1, 3, 3],
 * {@code denseB.convK.pointwise} [W, C, 1, 1] and {@code denseB.convK.bias} [W] for each of its four
 * convolutions; the heads follow as above.
 */
public final class NetworkParameters {
    /** One named tensor of the layout. */
    public record Spec(String name, int[] shape, int offset) {
        public Spec {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        public int size() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec s && s.name.equals(name) && Arrays.equals(s.shape, shape) && s.offset == offset;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    private final NetworkConfig config;
    private final float[] values;

    /** @param values the flat theta in {@link #layout} order, copied */
    public NetworkParameters(NetworkConfig config, float[] values) {
        int expected = count(config);
        if (values.length != expected) {
            throw new IllegalArgumentException("the network " + describe(config) + " has " + expected
                + " parameters, got " + values.length);
        }
        this.config = config;
        this.values = values.clone();
    }

    public NetworkConfig config() {
        return config;
    }

    /** A copy of the flat theta. */
    public float[] values() {
        return values.clone();
    }

    /** A copy of one named tensor's values. */
    public float[] tensor(String name) {
        for (Spec s : layout(config)) {
            if (s.name().equals(name)) {
                return Arrays.copyOfRange(values, s.offset(), s.offset() + s.size());
            }
        }
        throw new IllegalArgumentException("no parameter tensor '" + name + "' in " + layout(config));
    }

    /** The named tensors of a network of this shape, in storage order. */
    public static List<Spec> layout(NetworkConfig c) {
        List<Spec> specs = new ArrayList<>();
        if (c.isFaceApi()) {
            int offset = FaceApiBackbone.addLayout(specs, c.channels(), c.convChannels());
            offset = add(specs, "au.weight", new int[] {c.auCount(), c.featureSize()}, offset);
            offset = add(specs, "au.bias", new int[] {c.auCount()}, offset);
            offset = add(specs, "fe.weight", new int[] {c.expressionCount(), c.featureSize()}, offset);
            add(specs, "fe.bias", new int[] {c.expressionCount()}, offset);
            return specs;
        }
        int[] conv = c.convChannels();
        int in = c.channels();
        int offset = 0;
        for (int i = 0; i < conv.length; i++) {
            offset = add(specs, "conv" + (i + 1) + ".weight", new int[] {conv[i], in, 3, 3}, offset);
            offset = add(specs, "conv" + (i + 1) + ".bias", new int[] {conv[i]}, offset);
            in = conv[i];
        }
        int side = pooledSide(c);
        offset = add(specs, "feat.weight", new int[] {c.featureSize(), in * side * side}, offset);
        offset = add(specs, "feat.bias", new int[] {c.featureSize()}, offset);
        offset = add(specs, "au.weight", new int[] {c.auCount(), c.featureSize()}, offset);
        offset = add(specs, "au.bias", new int[] {c.auCount()}, offset);
        offset = add(specs, "fe.weight", new int[] {c.expressionCount(), c.featureSize()}, offset);
        add(specs, "fe.bias", new int[] {c.expressionCount()}, offset);
        return specs;
    }

    /**
     * Side of the last pooled feature map: each 2x2 max pooling of stride 2 halves the side,
     * rounding up (DL4J's "same" mode; LibTorch's ceil mode), so odd sides lose no pixel row.
     */
    public static int pooledSide(NetworkConfig c) {
        int side = c.inputSize();
        for (int i = 0; i < c.convChannels().length; i++) {
            side = (side + 1) / 2;
        }
        return side;
    }

    /** Length of theta for a network of this shape. */
    public static int count(NetworkConfig c) {
        List<Spec> l = layout(c);
        Spec last = l.get(l.size() - 1);
        return last.offset() + last.size();
    }

    static int add(List<Spec> specs, String name, int[] shape, int offset) {
        Spec s = new Spec(name, shape, offset);
        specs.add(s);
        return offset + s.size();
    }

    static String describe(NetworkConfig c) {
        return (c.isFaceApi() ? NetworkConfig.FACE_API + " backbone, " : "") + c.inputSize() + "x" + c.inputSize() + "x" + c.channels() + ", conv " + Arrays.toString(c.convChannels())
            + ", " + c.featureSize() + " features, " + c.auCount() + " AUs, " + c.expressionCount() + " classes";
    }
}
