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
 */
public record NetworkConfig(int inputSize, int channels, int[] convChannels, int featureSize, int auCount,
    int expressionCount) {
    public NetworkConfig {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (colour), was " + channels);
        }
        if (convChannels.length == 0 || inputSize >> convChannels.length < 1) {
            throw new IllegalArgumentException("an input of " + inputSize + " px cannot be pooled " + convChannels.length + " times");
        }
        if (featureSize < 1 || auCount < 1 || expressionCount < 2) {
            throw new IllegalArgumentException("need at least 1 feature, 1 AU and 2 expression classes");
        }
        convChannels = convChannels.clone();
    }

    /** The default network for {@code auCount} AUs and {@code expressionCount} classes, see the class comment. */
    public static NetworkConfig defaults(int auCount, int expressionCount) {
        return new NetworkConfig(48, 1, new int[] {16, 32, 64}, 64, auCount, expressionCount);
    }

    @Override
    public int[] convChannels() {
        return convChannels.clone();
    }
}
