package org.malau.model;

/**
 * Shape of the multi-task CNN: input crops, backbone width and the two heads.
 * <p>
 * Default (ours): 48x48 grey crops, three 3x3 conv blocks with 16/32/64 channels, each followed
 * by ReLU and 2x2 max pooling, a dense feature layer of 64 units, and the two linear heads, about
 * 170k parameters. The toolchain note measured ~460 ms per step for a 549k-parameter CNN at 64x64
 * and batch 32 on 2 cores, far too slow for MAL's three backward passes per iteration; 48x48 keeps
 * the eye, brow and mouth regions that AUs live in at a few pixels per feature while cutting the
 * convolution cost by (64/48)^2 and the dense layer by 8. There is no batch normalisation and no
 * dropout, so that training-mode and inference-mode forward passes compute the same function: the
 * finite-difference directional derivatives of MAL (inference mode) then differentiate exactly the
 * loss whose gradients the training-mode backward passes compute.
 *
 * @param inputSize width and height of the (square) input crop in pixels
 * @param channels 1 (grey) or 3 (colour)
 * @param convChannels output channels of each conv block, e.g. {16, 32, 64}
 * @param featureSize units of the dense feature layer f that both heads and the meta net read
 * @param auCount J, number of AU outputs
 * @param expressionCount Q, number of expression classes
 * @param backbone {@value #CONV} (the plain conv blocks above, the default) or {@value #FACE_API} (face-api.js's
 *     four dense blocks of depthwise-separable convolutions on an RGB crop, {@link FaceApiBackbone}: one dense
 *     block per entry of {@code convChannels}, features = the global average of the last block, so
 *     {@code featureSize} equals its width)
 */
public record NetworkConfig(int inputSize, int channels, int[] convChannels, int featureSize, int auCount,
    int expressionCount, String backbone) {
    /** The backbone of plain 3x3 conv blocks with max pooling and a dense feature layer (the default). */
    public static final String CONV = "conv";
    /** face-api.js's dense-block backbone, which pretrained weights exist for (see {@link FaceApiBackbone}). */
    public static final String FACE_API = "face-api";

    public NetworkConfig {
        if (!CONV.equals(backbone) && !FACE_API.equals(backbone)) {
            throw new IllegalArgumentException("unknown backbone '" + backbone + "', expected " + CONV + " or " + FACE_API);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (colour), was " + channels);
        }
        if (convChannels.length == 0 || inputSize >> convChannels.length < 1) {
            throw new IllegalArgumentException("an input of " + inputSize + " px cannot be pooled " + convChannels.length + " times");
        }
        if (featureSize < 1 || auCount < 1 || expressionCount < 2) {
            throw new IllegalArgumentException("need at least 1 feature, 1 AU and 2 expression classes");
        }
        if (FACE_API.equals(backbone) && featureSize != convChannels[convChannels.length - 1]) {
            throw new IllegalArgumentException("the " + FACE_API + " backbone's features are its last block's "
                + convChannels[convChannels.length - 1] + " channels, not " + featureSize);
        }
        convChannels = convChannels.clone();
    }

    /** A network with the default {@value #CONV} backbone. */
    public NetworkConfig(int inputSize, int channels, int[] convChannels, int featureSize, int auCount, int expressionCount) {
        this(inputSize, channels, convChannels, featureSize, auCount, expressionCount, CONV);
    }

    /** The default network for {@code auCount} AUs and {@code expressionCount} classes, see the class comment. */
    public static NetworkConfig defaults(int auCount, int expressionCount) {
        return smallConv(48, DEFAULT_WIDTH, auCount, expressionCount);
    }

    /** The first conv block's channels of the default network. */
    public static final int DEFAULT_WIDTH = 16;

    /**
     * The small grey conv network scaled by one number, the rule the default follows: three blocks of {@code width},
     * 2 {@code width} and 4 {@code width} channels and a feature layer of 4 {@code width} units, at least the default's
     * 64 (so narrower networks keep the default's feature size for the meta net).
     */
    public static NetworkConfig smallConv(int inputSize, int width, int auCount, int expressionCount) {
        if (width < 1) {
            throw new IllegalArgumentException("the network width must be >= 1, was " + width);
        }
        return new NetworkConfig(inputSize, 1, new int[] {width, 2 * width, 4 * width}, Math.max(4 * DEFAULT_WIDTH, 4 * width),
            auCount, expressionCount);
    }

    /**
     * face-api.js's backbone at its own shape, the one its pretrained weights fit: 112x112 RGB, dense blocks of
     * 32, 64, 128 and 256 channels, 256 features.
     */
    public static NetworkConfig faceApi(int auCount, int expressionCount) {
        return new NetworkConfig(112, 3, new int[] {32, 64, 128, 256}, 256, auCount, expressionCount, FACE_API);
    }

    /** Whether the backbone is face-api.js's dense-block one. */
    public boolean isFaceApi() {
        return FACE_API.equals(backbone);
    }

    @Override
    public int[] convChannels() {
        return convChannels.clone();
    }
}
