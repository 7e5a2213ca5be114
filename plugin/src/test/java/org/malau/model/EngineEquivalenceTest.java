package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.malau.data.AuLabels;

/**
 * Given the same parameters, DL4J and LibTorch compute the same network: the LibTorch network is
 * loaded with the DL4J network's parameters (through the engine-neutral layout), and both see the
 * same batch with AU, expression and unknown labels and per-AU positive weights.
 */
class EngineEquivalenceTest {
    static Stream<Arguments> networks() {
        return Stream.of(
            Arguments.of("tiny 16x16", TinyFaces.network()),
            // odd sides: every pooling rounds up (DL4J "same", LibTorch ceil mode)
            Arguments.of("odd 21x21", new NetworkConfig(21, 1, new int[] {4, 8}, 16, 4, 3)),
            Arguments.of("colour 24x24", new NetworkConfig(24, 3, new int[] {4, 6, 8}, 12, 4, 3)),
            Arguments.of("default 48x48", NetworkConfig.defaults(12, 7)));
    }

    /** LibTorch predicts a large batch in passes of {@link TorchMultiTaskNetwork#INFERENCE_CHUNK}: the passes must not show. */
    @org.junit.jupiter.api.Test
    void aBatchLargerThanOneInferencePassGivesEachFaceItsOwnOutputs() {
        NetworkConfig config = NetworkConfig.defaults(12, 7);
        MultiTaskNetwork torch = NetworkEngines.byName("libtorch").create(config, 9);
        int n = 2 * TorchMultiTaskNetwork.INFERENCE_CHUNK + 13;
        ImageTensor images = batch(config, n, 8).images();
        NetOutput all = torch.forward(images, true);
        assertEquals(n, all.auProbabilities().length);
        double worst = 0;
        for (int s : new int[] {0, 1, TorchMultiTaskNetwork.INFERENCE_CHUNK - 1, TorchMultiTaskNetwork.INFERENCE_CHUNK,
            TorchMultiTaskNetwork.INFERENCE_CHUNK + 5, n - 1}) {
            NetOutput one = torch.forward(images.slice(s, s + 1), true);
            worst = Math.max(worst, maxDiff(all.auLogits()[s], one.auLogits()[0]));
            worst = Math.max(worst, maxDiff(all.expressionProbabilities()[s], one.expressionProbabilities()[0]));
            worst = Math.max(worst, maxDiff(all.features()[s], one.features()[0]));
        }
        assertTrue(worst < 1e-5, "face outputs depend on the batch they came in: " + worst);
        NetOutput noFeatures = torch.forward(images, false);
        assertEquals(null, noFeatures.features());
        assertEquals(all.auLogits()[n - 1][3], noFeatures.auLogits()[n - 1][3], 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void sameParametersGiveTheSameOutputsLossesAndGradients(String name, NetworkConfig config) {
        MultiTaskNetwork dl4j = NetworkEngines.byName("dl4j").create(config, 9);
        // move theta off its initialisation so that the heads are not near zero
        float[] theta = dl4j.parameters();
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += (float) (r.nextGaussian() * 0.02);
        }
        dl4j.setParameters(theta);
        MultiTaskNetwork torch = NetworkEngines.byName("libtorch").load(dl4j.namedParameters());
        double[] pw = new double[config.auCount()];
        for (int j = 0; j < pw.length; j++) {
            pw[j] = 1 + j % 3;
        }
        dl4j.setAuPositiveWeights(pw);
        torch.setAuPositiveWeights(pw);
        LabelledBatch batch = batch(config, 10, 3);

        NetOutput a = dl4j.forward(batch.images());
        NetOutput b = torch.forward(batch.images());
        double worst = 0;
        for (int s = 0; s < batch.size(); s++) {
            worst = Math.max(worst, maxDiff(a.auLogits()[s], b.auLogits()[s]));
            worst = Math.max(worst, maxDiff(a.expressionLogits()[s], b.expressionLogits()[s]));
            worst = Math.max(worst, maxDiff(a.features()[s], b.features()[s]));
            worst = Math.max(worst, maxDiff(a.expressionProbabilities()[s], b.expressionProbabilities()[s]));
        }
        System.out.println(name + ": largest difference of logits, features and probabilities " + worst);
        assertTrue(worst < 1e-4, name + ": outputs differ by " + worst);

        SampleLosses la = dl4j.losses(batch);
        SampleLosses lb = torch.losses(batch);
        for (int s = 0; s < batch.size(); s++) {
            assertEquals(la.au()[s], lb.au()[s], 1e-4, name + " AU loss of sample " + s);
            assertEquals(la.expression()[s], lb.expression()[s], 1e-4, name + " expression loss of sample " + s);
        }

        double[] wa = new double[batch.size()];
        double[] we = new double[batch.size()];
        for (int s = 0; s < batch.size(); s++) {
            wa[s] = 0.05 + 0.1 * (s % 4);
            we[s] = 0.3 - 0.02 * s;
        }
        SampleWeights w = new SampleWeights(wa, we);
        WeightedGradient ga = dl4j.backward(batch, w);
        WeightedGradient gb = torch.backward(batch, w);
        assertEquals(ga.weightedLoss(), gb.weightedLoss(), 1e-4, name + " weighted loss");
        double cos = cosine(neutral(dl4j, ga.gradient()), gb.gradient());
        System.out.println(name + ": gradient cosine DL4J vs LibTorch " + cos);
        assertTrue(cos >= 0.9999, name + ": gradient cosine " + cos);
    }

    /** A DL4J flat vector in the neutral layout: set as theta of a DL4J network and read back by name. */
    static float[] neutral(MultiTaskNetwork dl4j, float[] flat) {
        MultiTaskNetwork holder = dl4j.copy();
        holder.setParameters(flat);
        return holder.namedParameters().values();
    }

    /** Random pixels, AU labels with unknowns, and expression labels on some samples. */
    static LabelledBatch batch(NetworkConfig c, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int per = c.channels() * c.inputSize() * c.inputSize();
        float[] px = new float[n * per];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (r.nextDouble() * 2 - 1);
        }
        byte[][] au = new byte[n][];
        int[] fe = new int[n];
        for (int s = 0; s < n; s++) {
            if (s % 3 != 2) {
                au[s] = new byte[c.auCount()];
                for (int j = 0; j < c.auCount(); j++) {
                    int v = r.nextInt(5);
                    au[s][j] = v == 0 ? AuLabels.UNKNOWN : (byte) (v % 2);
                }
            }
            fe[s] = s % 3 == 0 ? -1 : r.nextInt(c.expressionCount());
        }
        return new LabelledBatch(new ImageTensor(n, c.channels(), c.inputSize(), c.inputSize(), px), au, fe);
    }

    static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
