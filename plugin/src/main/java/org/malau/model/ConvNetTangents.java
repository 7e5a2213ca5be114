package org.malau.model;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Forward-mode differentiation of the default convolutional network ({@link TorchMultiTaskNetwork}'s conv
 * backbone): its logits together with their derivatives along a direction v of theta, propagated layer by layer
 * (the tangent of a convolution is the convolution of the input's tangent plus that of the input with the weights'
 * tangent; ReLU keeps the tangent where its input is positive; max pooling takes the tangent of the element it
 * picked). MAL needs exactly these directional derivatives, v . grad l_s for every sample, and LibTorch's own
 * forward mode is not reachable through JavaCPP; the double backward that gives them too took 2.6-2.8 times as long
 * side by side, its own forward pass included (bench/RESULTS.md). Call inside a no-grad scope.
 */
final class ConvNetTangents {
    private static final long[] ONE = {1, 1};
    private static final long[] TWO = {2, 2};
    private static final long[] NO_PADDING = {0, 0};

    /** Logits of both heads and their derivatives along the direction, one row per sample. */
    record Logits(Tensor au, Tensor auTangent, Tensor expression, Tensor expressionTangent) {
    }

    private ConvNetTangents() {
    }

    /**
     * @param x the images, NCHW
     * @param theta the network's parameter tensors in {@link NetworkParameters#layout} order
     * @param direction the direction's tensors, shaped as {@code theta}
     * @param convs number of convolution blocks
     */
    static Logits along(Tensor x, Tensor[] theta, Tensor[] direction, int convs) {
        // Made per call, not static: a native object made inside the caller's PointerScope is freed with it.
        Scalar zero = new Scalar(0.0);
        Tensor dx = null;
        for (int i = 0; i < convs; i++) {
            Tensor w = theta[2 * i];
            // As the network's own pass: channels-last, where max pooling is vectorised.
            Tensor z = torch.conv2d(x, w, new TensorOptional(theta[2 * i + 1]), ONE, ONE, ONE, 1)
                .contiguous(torch.MemoryFormat.ChannelsLast);
            Tensor dz = torch.conv2d(x, direction[2 * i], new TensorOptional(direction[2 * i + 1]), ONE, ONE, ONE, 1);
            if (dx != null) {
                dz = dz.add(torch.conv2d(dx, w, new TensorOptional(), ONE, ONE, ONE, 1));
            }
            Tensor a = torch.relu(z);
            Tensor da = torch.threshold_backward(dz.contiguous(torch.MemoryFormat.ChannelsLast), z, zero);
            T_TensorTensor_T pooled = torch.max_pool2d_with_indices(a, TWO, TWO, NO_PADDING, ONE, true);
            x = pooled.get0();
            // The indices are positions in each channel's plane, whatever the memory layout.
            Tensor picked = da.flatten(2, -1).gather(2, pooled.get1().flatten(2, -1));
            dx = picked.view_as(x).contiguous(torch.MemoryFormat.ChannelsLast);
        }
        int p = 2 * convs;
        Tensor f = x.flatten(1, -1);
        Tensor df = dx.flatten(1, -1);
        Tensor h = torch.linear(f, theta[p], new TensorOptional(theta[p + 1]));
        Tensor dh = torch.linear(df, theta[p], new TensorOptional())
            .add(torch.linear(f, direction[p], new TensorOptional(direction[p + 1])));
        Tensor features = torch.relu(h);
        Tensor dfeatures = torch.threshold_backward(dh, h, zero);
        return new Logits(head(features, theta, p + 2), headTangent(features, dfeatures, theta, direction, p + 2),
            head(features, theta, p + 4), headTangent(features, dfeatures, theta, direction, p + 4));
    }

    private static Tensor head(Tensor features, Tensor[] theta, int k) {
        return torch.linear(features, theta[k], new TensorOptional(theta[k + 1]));
    }

    private static Tensor headTangent(Tensor features, Tensor dfeatures, Tensor[] theta, Tensor[] direction, int k) {
        return torch.linear(dfeatures, theta[k], new TensorOptional())
            .add(torch.linear(features, direction[k], new TensorOptional(direction[k + 1])));
    }
}
