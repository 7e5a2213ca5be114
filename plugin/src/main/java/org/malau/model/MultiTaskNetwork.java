package org.malau.model;

/**
 * The shared-backbone network with an AU head and an expression head, seen through the few
 * operations the training strategies need, so that the strategies do not depend on the deep
 * learning library. Engines ({@link NetworkEngine}) implement it: DL4J and LibTorch.
 * <p>
 * Parameters theta are one flat float vector; gradients come in the same order. Optimisers live
 * outside, in plain Java, and move theta through {@link #addToParameters}. The flat order is the
 * engine's own; {@link #namedParameters()} gives theta in the engine-neutral layout that model
 * files store.
 */
public interface MultiTaskNetwork {
    /** Name of the engine stored in model files, e.g. {@code libtorch} or {@code dl4j}. */
    String engine();

    NetworkConfig config();

    /** Length of theta. */
    int parameterCount();

    /**
     * Inference-mode forward pass.
     *
     * @param withFeatures whether to return the backbone features (costs extra copies; prediction
     *     does not need them)
     */
    NetOutput forward(ImageTensor images, boolean withFeatures);

    /** Inference-mode forward pass with features. */
    default NetOutput forward(ImageTensor images) {
        return forward(images, true);
    }

    /** Inference-mode per-sample losses (no gradient). */
    SampleLosses losses(LabelledBatch batch);

    /**
     * Training-mode forward pass, then the gradient of {@code sum_s w_s^AU l_s^AU + w_s^FE l_s^FE}
     * with the weights {@code weighting} chooses from that pass's features and losses.
     */
    WeightedGradient backward(LabelledBatch batch, SampleWeighting weighting);

    /** Gradient with fixed weights. */
    default WeightedGradient backward(LabelledBatch batch, SampleWeights weights) {
        return backward(batch, (f, l) -> weights);
    }

    /**
     * The gradient for the batch of the most recent {@link #backward} with other weights, as if
     * {@code backward(sameBatch, weights)} were called. Backends may reuse that pass's forward
     * activations when nothing else ran on this network since; otherwise they recompute them.
     *
     * @throws IllegalStateException when there was no backward pass yet
     */
    WeightedGradient backwardAgain(SampleWeights weights);

    /** An independent network of the same structure with a copy of theta, e.g. for probing other parameters. */
    MultiTaskNetwork copy();

    /** A copy of theta. */
    float[] parameters();

    /** Replaces theta by a copy of {@code theta}. */
    void setParameters(float[] theta);

    /** theta += scale * direction; used for optimiser steps and MAL's virtual and probing steps. */
    void addToParameters(float[] direction, double scale);

    /** The per-AU positive weights of the AU loss, or null. */
    double[] auPositiveWeights();

    /** Sets the per-AU positive weights of the AU loss (null = all 1). */
    void setAuPositiveWeights(double[] weights);

    /** theta in the engine-neutral layout. */
    NetworkParameters namedParameters();

    /** Replaces theta by {@code parameters}, which must have this network's layout. */
    void setNamedParameters(NetworkParameters parameters);

    /** Whether {@link #directionalDerivatives} is available (an engine that can differentiate a gradient). */
    default boolean exactDirectionalDerivatives() {
        return false;
    }

    /**
     * d_s = v . grad_theta l_s(theta) for every sample of {@code batch} and each of its two losses,
     * exactly (no finite difference). When {@code batch} is the very batch of the latest
     * {@link #backward} and theta has not changed since, an engine may reuse that pass and
     * {@link #backwardAgain} stays available; otherwise that pass is forgotten.
     *
     * @param v a direction in this network's flat theta order
     * @throws UnsupportedOperationException when {@link #exactDirectionalDerivatives()} is false
     */
    default SampleLosses directionalDerivatives(LabelledBatch batch, float[] v) {
        throw new UnsupportedOperationException("the " + engine() + " engine cannot differentiate a gradient;"
            + " use a finite difference (meta difference 'forward' or 'central')");
    }

    /**
     * {@link #directionalDerivatives(LabelledBatch, float[])} for several directions at once; engines may share
     * the first backward pass between them.
     */
    default SampleLosses[] directionalDerivatives(LabelledBatch batch, float[][] directions) {
        SampleLosses[] out = new SampleLosses[directions.length];
        for (int i = 0; i < directions.length; i++) {
            out[i] = directionalDerivatives(batch, directions[i]);
        }
        return out;
    }

    /**
     * The gradient with respect to theta of {@code sum_{s,k} auLogits[s][k] z_sk + sum_{s,k} features[s][k] h_sk}
     * at the current theta, where z are the AU logits and h the backbone features of {@code images}
     * (a vector-Jacobian product): the gradient of any function of the outputs, given its derivatives by them.
     * Meta losses other than the AU cross-entropy (robust MAL's {@code metaLoss}) need it for the AU logits.
     *
     * @param auLogits per image one value per AU, or null for none
     * @param features per image one value per feature, or null for none
     * @throws UnsupportedOperationException when the engine cannot differentiate the given outputs
     */
    default float[] outputGradient(ImageTensor images, double[][] auLogits, double[][] features) {
        throw new UnsupportedOperationException("the " + engine() + " engine cannot differentiate its outputs"
            + " for a meta loss other than the AU cross-entropy");
    }
}
