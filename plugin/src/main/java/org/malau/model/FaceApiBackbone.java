package org.malau.model;

import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * The backbone of face-api.js's 68-point landmark and expression networks (face-api.js by Vincent
 * Mühler, MIT; here as packaged in {@code @vladmandic/face-api}), written from its published
 * description for LibTorch, so that its pretrained weights ({@link org.malau.pretrained.FaceApiModels})
 * run and train here.
 * <p>
 * Four dense blocks, each of four 3x3 convolutions. A block's first convolution has stride 2 and is a
 * plain convolution in the first block, depthwise-separable (a 3x3 depthwise convolution, then a 1x1
 * pointwise one, then the bias) in the others; the other three are depthwise-separable with stride 1.
 * Inside a block with outputs o1 = relu(c0(x)), o2 = c1(o1), o3 = c2(relu(o1 + o2)), o4 =
 * c3(relu(o1 + o2 + o3)), the block gives relu(o1 + o2 + o3 + o4): every convolution sees the sum of all
 * earlier ones (a "dense" block in the summing sense). The features are the average of the last block's
 * map over its pixels: face-api.js takes a 7x7 average pool of stride 2 without padding, which on its
 * 112x112 input (7x7 after four halvings) is exactly that, and the global average keeps other input
 * sizes usable.
 * <p>
 * TensorFlow's "same" padding with stride 2 on an even side pads one pixel after the image and none
 * before it (PyTorch pads symmetrically), so strided convolutions pad explicitly as TensorFlow does; the
 * faithfulness test ({@code FaceApiFaithfulnessTest}) compares against the original package run in
 * Node.js.
 * <p>
 * Input: RGB, channels first, already normalised (face-api.js subtracts its mean RGB, (122.782,
 * 117.001, 104.298), from 0-255 pixels and divides by 255; {@link Normalisation#faceApi()}).
 */
public final class FaceApiBackbone {
    /** Convolutions per dense block. */
    static final int CONVS_PER_BLOCK = 4;

    private FaceApiBackbone() {
    }

    /**
     * Appends the backbone's tensors to {@code specs} in the engine-neutral layout (see
     * {@link NetworkParameters}) and returns the next offset.
     */
    static int addLayout(List<NetworkParameters.Spec> specs, int channels, int[] widths) {
        int offset = 0;
        int in = channels;
        for (int b = 0; b < widths.length; b++) {
            int w = widths[b];
            for (int k = 0; k < CONVS_PER_BLOCK; k++) {
                String name = "dense" + b + ".conv" + k;
                int from = k == 0 ? in : w;
                if (b == 0 && k == 0) {
                    offset = NetworkParameters.add(specs, name + ".weight", new int[] {w, from, 3, 3}, offset);
                } else {
                    offset = NetworkParameters.add(specs, name + ".depthwise", new int[] {from, 1, 3, 3}, offset);
                    offset = NetworkParameters.add(specs, name + ".pointwise", new int[] {w, from, 1, 1}, offset);
                }
                offset = NetworkParameters.add(specs, name + ".bias", new int[] {w}, offset);
            }
            in = w;
        }
        return offset;
    }

    /** Number of tensors {@link #addLayout} appends for {@code blocks} dense blocks. */
    static int tensorCount(int blocks) {
        return blocks * CONVS_PER_BLOCK * 3 - 1;
    }

    /**
     * The features [N, W] of a batch [N, C, H, W] of normalised images.
     *
     * @param theta the backbone's tensors in {@link #addLayout} order, from index {@code from}
     */
    public static Tensor features(Tensor x, Tensor[] theta, int from, int blocks) {
        int t = from;
        for (int b = 0; b < blocks; b++) {
            Tensor o1;
            if (b == 0) {
                o1 = torch.relu(torch.conv2d(padSame(x, 2), theta[t], new TensorOptional(theta[t + 1]),
                    new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, 1));
                t += 2;
            } else {
                o1 = torch.relu(separable(x, theta[t], theta[t + 1], theta[t + 2], 2));
                t += 3;
            }
            Tensor sum = o1;
            Tensor in = o1;
            for (int k = 1; k < CONVS_PER_BLOCK; k++) {
                Tensor o = separable(in, theta[t], theta[t + 1], theta[t + 2], 1);
                t += 3;
                sum = sum.add(o);
                in = torch.relu(sum);
            }
            x = in;
        }
        return x.mean(new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
    }

    /** A depthwise 3x3 convolution (one filter per channel), then a pointwise 1x1 one with the bias. */
    private static Tensor separable(Tensor x, Tensor depthwise, Tensor pointwise, Tensor bias, int stride) {
        long channels = x.size(1);
        Tensor d;
        if (stride == 1) {
            d = torch.conv2d(x, depthwise, new TensorOptional(), new long[] {1, 1}, new long[] {1, 1}, new long[] {1, 1},
                channels);
        } else {
            d = torch.conv2d(padSame(x, stride), depthwise, new TensorOptional(), new long[] {stride, stride},
                new long[] {0, 0}, new long[] {1, 1}, channels);
        }
        return torch.conv2d(d, pointwise, new TensorOptional(bias), new long[] {1, 1}, new long[] {0, 0},
            new long[] {1, 1}, 1);
    }

    /**
     * Pads for a 3x3 convolution of {@code stride} as TensorFlow's "same" does: out = ceil(in / stride),
     * total padding max((out - 1) * stride + 3 - in, 0), the smaller half before, the larger after.
     */
    private static Tensor padSame(Tensor x, int stride) {
        long[] p = new long[4];
        for (int d = 0; d < 2; d++) {
            long in = x.size(3 - d);
            long out = (in + stride - 1) / stride;
            long total = Math.max((out - 1) * stride + 3 - in, 0);
            p[2 * d] = total / 2;
            p[2 * d + 1] = total - total / 2;
        }
        return torch.constant_pad_nd(x, p);
    }
}
