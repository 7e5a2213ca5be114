package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.malau.meta.MetaInputs;
import org.malau.meta.MetaWeightNet;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkEngines;
import org.malau.model.SampleWeights;
import org.malau.model.TinyFaces;
import org.malau.model.WeightedGradient;

/**
 * MAL's robust variant must move the weights the way that lowers the meta loss: through the per-batch
 * normalisation (whose Jacobian couples every weight to every other) a sample that hurts the meta split must
 * lose weight, never gain it. A sign error there inverts the weights (corrupted samples weighted up) without
 * any other symptom, so it is checked here directly.
 */
class RobustMalTest {
    private static final int FEATURES = 6;

    @Test
    void theRawGradientIsTheDerivativeThroughTheNormalisation() {
        SplittableRandom r = new SplittableRandom(3);
        for (double u : new double[] {0, 0.1, 0.5}) {
            double[] s = new double[9];
            double[] dLdw = new double[9];
            for (int j = 0; j < s.length; j++) {
                s[j] = 0.05 + 0.9 * r.nextDouble();
                dLdw[j] = r.nextDouble() - 0.5;
            }
            double[] analytic = RobustMetaAuxiliaryStrategy.rawGradient(s, dLdw, u);
            for (int j = 0; j < s.length; j++) {
                double[] up = s.clone();
                double[] down = s.clone();
                up[j] += 1e-6;
                down[j] -= 1e-6;
                double numeric = (dot(dLdw, RobustMetaAuxiliaryStrategy.normalise(up, u))
                    - dot(dLdw, RobustMetaAuxiliaryStrategy.normalise(down, u))) / 2e-6;
                assertEquals(numeric, analytic[j], 1e-6, "sample " + j + ", uniform share " + u);
            }
        }
    }

    @Test
    void theGatedRawGradientIsTheDerivativeThroughGateAndNormalisation() {
        SplittableRandom r = new SplittableRandom(4);
        double u = 0.1;
        double[] s = new double[9];
        double[] gate = new double[9];
        double[] dLdw = new double[9];
        for (int j = 0; j < s.length; j++) {
            s[j] = 0.05 + 0.9 * r.nextDouble();
            gate[j] = r.nextDouble();
            dLdw[j] = r.nextDouble() - 0.5;
        }
        double[] analytic = RobustMetaAuxiliaryStrategy.gatedRawGradient(s, gate, dLdw, u);
        for (int j = 0; j < s.length; j++) {
            double[] up = s.clone();
            double[] down = s.clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            double numeric = (dot(dLdw, RobustMetaAuxiliaryStrategy.normalise(RobustMetaAuxiliaryStrategy.gated(up, gate), u))
                - dot(dLdw, RobustMetaAuxiliaryStrategy.normalise(RobustMetaAuxiliaryStrategy.gated(down, gate), u))) / 2e-6;
            assertEquals(numeric, analytic[j], 1e-6, "sample " + j);
        }
        assertArrayEquals(RobustMetaAuxiliaryStrategy.rawGradient(s, dLdw, u),
            RobustMetaAuxiliaryStrategy.gatedRawGradient(s, null, dLdw, u), "no gate, no change");
    }

    @Test
    void theGateLowersTheWeightOfSamplesWhoseLossStaysHigh() {
        // The same 24 faces every iteration; the labels of 16-23 are redrawn each time, so the network cannot learn them
        // and their loss stays high: after the warm-up their gated weights must be below those of 0-15.
        MultiTaskNetwork net = NetworkEngines.byName(NetworkEngines.LIBTORCH).create(TinyFaces.network(), 5);
        MetaWeightNet psi = MetaWeightNet.create(net.config().featureSize(), 8, 5);
        RobustMetaAuxiliaryStrategy gated = new RobustMetaAuxiliaryStrategy(psi, 0.1, 1e-3, 2, MetaDifference.EXACT, 30, 0.1,
            true, false, MetaObjective.BCE, true);
        StrategyContext context = new StrategyContext(net, new Adam(net.parameterCount()));
        context.setLearningRate(0.01);
        LabelledBatch au = TinyFaces.batch(8, true, false, 1);
        LabelledBatch val = TinyFaces.batch(8, true, false, 2);
        int[] ids = IntStream.range(0, 24).toArray();
        SplittableRandom r = new SplittableRandom(6);
        double clean = 0;
        double noisy = 0;
        for (int it = 0; it < 60; it++) {
            LabelledBatch fe = TinyFaces.batch(24, false, true, 3);
            int[] labels = fe.expression().clone();
            for (int j = 16; j < 24; j++) {
                labels[j] = r.nextInt(TinyFaces.CLASSES);
            }
            fe = new LabelledBatch(fe.images(), fe.au(), labels);
            IterationResult result = gated.iterate(context, new IterationBatches(au, fe, val, ids));
            if (it >= 40) {
                clean += Arrays.stream(result.expressionWeights(), 0, 16).average().orElseThrow();
                noisy += Arrays.stream(result.expressionWeights(), 16, 24).average().orElseThrow();
            }
        }
        assertTrue(noisy < 0.8 * clean, "mean weight of the samples with redrawn labels " + noisy / 20 + ", of the others "
            + clean / 20);
        assertThrows(IllegalArgumentException.class, () -> gated.iterate(context, new IterationBatches(au,
            TinyFaces.batch(24, false, true, 3), val)), "without ids the gate cannot follow the samples");
    }

    @Test
    void normalisedWeightsHaveMeanOneAndAFloor() {
        double[] w = RobustMetaAuxiliaryStrategy.normalise(new double[] {1e-9, 0.5, 0.9, 0.2}, 0.1);
        assertEquals(1, Arrays.stream(w).average().orElseThrow(), 1e-12);
        assertTrue(Arrays.stream(w).allMatch(v -> v >= 0.1 - 1e-12), Arrays.toString(w));
    }

    /** dL_val/dw_0 > 0: more weight on sample 0 raises the meta loss. One meta step must lower its weight. */
    @Test
    void oneMetaStepPushesAHarmfulSampleDownAndLowersTheLinearisedMetaLoss() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int m = 12;
            float[][] f = new float[m][FEATURES];
            double[][] extra = new double[m][MetaInputs.UNCERTAINTY_INPUTS];
            int[] task = new int[m];
            int[] label = new int[m];
            double[] loss = new double[m];
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < FEATURES; k++) {
                    f[j][k] = (float) r.nextDouble();
                }
                for (int k = 0; k < extra[j].length; k++) {
                    extra[j][k] = r.nextDouble() * 2 - 1;
                }
                task[j] = 1;
                label[j] = -1;
            }
            MetaWeightNet psi = MetaWeightNet.create(FEATURES, 8, new MetaInputs(false, 0, true), seed);
            RobustMetaAuxiliaryStrategy mal = new RobustMetaAuxiliaryStrategy(psi, 0.1, 0.01, 1, MetaDifference.EXACT, 0, 0.1, true, false);
            MetaWeightNet.Pass before = psi.forward(f, task, loss, label, extra);
            double[] w0 = mal.expressionWeights(before.weights());
            double[] dLdw = new double[m];
            Arrays.fill(dLdw, -0.01);
            dLdw[0] = 0.1;
            double lambda = mal.taskWeight();
            mal.metaStep(before, w0, dLdw, lambda);
            double[] w1 = mal.expressionWeights(psi.forward(f, task, loss, label, extra).weights());
            assertTrue(w1[0] < w0[0], "seed " + seed + ": the harmful sample's weight went from " + w0[0] + " to " + w1[0]);
            assertTrue(dot(dLdw, w1) < dot(dLdw, w0), "seed " + seed + ": the linearised meta loss must fall");
            // sum_j dL/dw_j w_j < 0: more expression weight lowers the meta loss, so the task weight rises.
            assertTrue(mal.taskWeight() > lambda, "task weight " + lambda + " -> " + mal.taskWeight());
        }
    }

    /**
     * The whole chain on a real network: the meta loss L_val(theta*(psi)) after the virtual step, with the
     * weights psi gives, is lower after one meta step of psi than before.
     */
    @Test
    void oneMetaStepLowersTheMetaLossOfTheVirtualStep() {
        MultiTaskNetwork net = DirectionalDerivativesTest.warmedUp("libtorch");
        int n = 16;
        int m = 16;
        LabelledBatch au = TinyFaces.batch(n, true, false, 21);
        LabelledBatch fe = TinyFaces.batch(m, false, true, 22);
        LabelledBatch all = au.concat(fe);
        LabelledBatch val = TinyFaces.batch(32, true, false, 23);
        double alpha = 0.5;
        MetaWeightNet psi = MetaWeightNet.create(TinyFaces.network().featureSize(), 8, new MetaInputs(false, 0, true), 7);
        RobustMetaAuxiliaryStrategy mal = new RobustMetaAuxiliaryStrategy(psi, alpha, 0.05, 1, MetaDifference.EXACT, 0, 0.1, false, false);
        double[][] extra = RobustMetaAuxiliaryStrategy.uncertaintyOf(net, fe);
        int[] task = new int[m];
        Arrays.fill(task, 1);
        int[] labels = Arrays.copyOfRange(all.expression(), n, n + m);
        float[] theta = net.parameters();
        float[][][] feats = new float[1][][];
        double[][] losses = new double[1][];
        MetaWeightNet.Pass[] pass = new MetaWeightNet.Pass[1];
        double[][] w = new double[1][];
        WeightedGradient g = net.backward(all, (f, l) -> {
            feats[0] = Arrays.copyOfRange(f, n, n + m);
            losses[0] = Arrays.copyOfRange(l.expression(), n, n + m);
            pass[0] = psi.forward(feats[0], task, losses[0], labels, extra);
            w[0] = mal.expressionWeights(pass[0].weights());
            return weights(w[0], n, m);
        });
        double[] c = new double[n + m];
        for (int s = 0; s < n + m; s++) {
            c[s] = s < n ? 1.0 / n : 1.0 / m;
        }
        MultiTaskNetwork probe = net.copy();
        double[] dLdw = Arrays.copyOfRange(MetaAuxiliaryStrategy.metaTest(probe, theta, g.gradient(), alpha, val, c, n,
            v -> net.directionalDerivatives(all, v)).dLossDWeight(), n, n + m);
        double before = metaLoss(net, theta, all, val, w[0], n, m, alpha);
        mal.metaStep(pass[0], w[0], dLdw, 1);
        double[] after = mal.expressionWeights(psi.forward(feats[0], task, losses[0], labels, extra).weights());
        double metaAfter = metaLoss(net, theta, all, val, after, n, m, alpha);
        System.out.println("robust MAL, one meta step: meta loss " + before + " -> " + metaAfter + ", predicted change "
            + dot(dLdw, after) + " - " + dot(dLdw, w[0]));
        assertTrue(dot(dLdw, after) < dot(dLdw, w[0]), "the linearised meta loss must fall");
        assertTrue(metaAfter < before, "meta loss " + before + " -> " + metaAfter);
    }

    /**
     * The meta loss option: the meta-test's L_val is the chosen objective of the meta split's AU logits after the
     * virtual step, and dL_val/dw_s its derivative by the sample weights (checked by moving w_s and re-taking the
     * virtual step); objectives other than the cross-entropy give another L_val and other dL_val/dw.
     */
    @Test
    void theMetaLossOptionChangesTheMetaLossAsSpecified() {
        MultiTaskNetwork net = DirectionalDerivativesTest.warmedUp("libtorch");
        int n = 8;
        int m = 8;
        LabelledBatch all = TinyFaces.batch(n, true, false, 31).concat(TinyFaces.batch(m, false, true, 32));
        LabelledBatch val = TinyFaces.batch(24, true, false, 33);
        double alpha = 0.5;
        double[] c = new double[n + m];
        for (int s = 0; s < n + m; s++) {
            c[s] = s < n ? 1.0 / n : 1.0 / m;
        }
        double[] wa = new double[n + m];
        System.arraycopy(c, 0, wa, 0, n);
        SampleWeights w = new SampleWeights(wa, shift(c, n));
        float[] theta = net.parameters();
        MultiTaskNetwork probe = net.copy();
        double[] bceDerivative = null;
        for (MetaObjective o : MetaObjective.values()) {
            float[] g = net.backward(all, w).gradient();
            MetaAuxiliaryStrategy.MetaTest test = MetaAuxiliaryStrategy.metaTest(probe, theta, g, alpha, val, c, n, o,
                v -> net.directionalDerivatives(all, v));
            assertEquals(objectiveAfterStep(net, theta, all, val, w, n, alpha, o, -1, 0), test.validationLoss(), 1e-5, o.id());
            // Float32 parameters make the finite difference noisy for samples of little influence: tolerance relative to the largest.
            double largest = Arrays.stream(test.dLossDWeight()).map(Math::abs).max().orElseThrow();
            for (int s = 0; s < n + m; s += 3) {
                // small: the calibrated objective of this over-confident tiny network bends fast along the weights
                double h = 0.005 * c[s];
                double numeric = (objectiveAfterStep(net, theta, all, val, w, n, alpha, o, s, h)
                    - objectiveAfterStep(net, theta, all, val, w, n, alpha, o, s, -h)) / (2 * h) * c[s];
                // dLdw is per unit weight w_s, where the sample enters the loss as w_s c_s l_s.
                assertEquals(numeric, test.dLossDWeight()[s], 0.05 * Math.abs(numeric) + 0.03 * largest, o.id() + " sample " + s
                    + " of " + Arrays.toString(test.dLossDWeight()));
            }
            if (o == MetaObjective.BCE) {
                bceDerivative = test.dLossDWeight();
                net.addToParameters(g, -alpha);
                assertEquals(Arrays.stream(net.losses(val).au()).average().orElseThrow(), test.validationLoss(), 1e-5,
                    "bce is the mean AU loss");
                net.setParameters(theta);
            } else {
                assertTrue(!Arrays.equals(bceDerivative, test.dLossDWeight()), o.id() + " must change dL/dw: "
                    + Arrays.toString(bceDerivative) + " vs " + Arrays.toString(test.dLossDWeight()));
            }
        }
        RobustMetaAuxiliaryStrategy rank = new RobustMetaAuxiliaryStrategy(MetaWeightNet.create(TinyFaces.network().featureSize(), 4,
            new MetaInputs(false, 0, true), 1), 0.1, 0.01, 1, MetaDifference.EXACT, 0, 0.1, true, false, MetaObjective.RANK);
        assertEquals("rank", rank.settings().get("metaLoss"));
    }

    private static double[] shift(double[] c, int n) {
        double[] we = new double[c.length];
        for (int s = n; s < c.length; s++) {
            we[s] = c[s];
        }
        return we;
    }

    /** The objective of val's AU logits after theta* = theta - alpha grad L(w), with w_s moved by h / c_s (s >= 0). */
    private static double objectiveAfterStep(MultiTaskNetwork net, float[] theta, LabelledBatch all, LabelledBatch val,
        SampleWeights w, int n, double alpha, MetaObjective o, int s, double h) {
        double[] wa = w.au().clone();
        double[] we = w.expression().clone();
        if (s >= 0) {
            if (s < n) {
                wa[s] += h;
            } else {
                we[s] += h;
            }
        }
        net.setParameters(theta);
        float[] g = net.backward(all, new SampleWeights(wa, we)).gradient();
        net.addToParameters(g, -alpha);
        double value = o.evaluate(net.forward(val.images(), false).auLogits(), val.au(), net.auPositiveWeights()).value();
        net.setParameters(theta);
        return value;
    }

    @Test
    void sameSeedSameModelAndTheVariantIsRecorded() throws Exception {
        for (String variant : MalVariant.ids()) {
            TrainingConfig c = TinyDatasets.config("mal").malVariant(variant).warmup(2).epochs(2).build();
            TrainingResult a = new MalTrainer(c).train(TinyDatasets.au(40, 1), TinyDatasets.expression(32, 2),
                TrainingListener.silent(), CancellationCheck.never());
            TrainingResult b = new MalTrainer(c).train(TinyDatasets.au(40, 1), TinyDatasets.expression(32, 2),
                TrainingListener.silent(), CancellationCheck.never());
            List<float[]> crops = List.of(TinyDatasets.au(3, 9).crop(0, TinyFaces.SIZE, 1));
            assertArrayEquals(a.model().predict(crops, 1).get(0).auProbabilities(),
                b.model().predict(crops, 1).get(0).auProbabilities(), variant);
            assertEquals(variant, a.model().header().settings().get("malVariant"), "the model file records the variant");
            assertEquals(c.metaInputs().id(), a.model().header().settings().get("metaInputs"));
        }
    }

    @Test
    void variantDefaults() {
        assertEquals(MalVariant.GATED, TrainingConfig.builder().build().malVariant(), "the gated variant is the default");
        TrainingConfig robust = TrainingConfig.builder().malVariant("robust").build();
        assertEquals(MalVariant.ROBUST, robust.malVariant());
        assertEquals(org.malau.meta.MetaInputSet.FEATURES_UNCERTAINTY, robust.metaInputs());
        assertEquals(MetaDifference.EXACT, robust.metaDifference());
        assertEquals(0, robust.validationBatch(), "the whole meta split");
        TrainingConfig paper = TrainingConfig.builder().malVariant("paper").build();
        assertEquals(org.malau.meta.MetaInputSet.FEATURES, paper.metaInputs());
        assertEquals(MetaDifference.FORWARD, paper.metaDifference());
        assertEquals(16, paper.validationBatch());
        assertEquals(0, paper.warmup());
        assertTrue(!robust.lossGate() && !paper.lossGate());
        TrainingConfig gated = TrainingConfig.builder().malVariant("gated").build();
        assertEquals(MalVariant.GATED, gated.malVariant());
        assertTrue(gated.lossGate());
        assertEquals(org.malau.meta.MetaInputSet.FEATURES, gated.metaInputs(), "psi on the features: the gate brings the uncertainty");
        assertTrue(TrainingConfig.builder().malVariant("robust").lossGate(true).build().lossGate(), "robust may take the gate");
        assertEquals(MalVariant.GATED, gated.toBuilder().build().malVariant());
        assertTrue(gated.toBuilder().build().lossGate());
        assertEquals(200, gated.warmup());
        assertEquals(30, TrainingConfig.builder().maxIterations(150).build().warmup(), "at most a fifth of an iteration cap");
        assertEquals(50, TrainingConfig.builder().maxIterations(150).warmup(50).build().warmup(), "unless chosen");
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().malVariant("paper").lossGate(true).build(),
            "the paper variant has no gate");
        TrainingConfig mtl = TrainingConfig.builder().strategy("l2rw").build();
        assertEquals(MetaDifference.FORWARD, mtl.metaDifference(), "other strategies keep their defaults");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> TrainingConfig.builder().malVariant("magic").build());
        assertTrue(e.getMessage().contains("'magic'") && e.getMessage().contains("robust"), e.getMessage());
    }

    private static double metaLoss(MultiTaskNetwork net, float[] theta, LabelledBatch all, LabelledBatch val, double[] w, int n,
        int m, double alpha) {
        net.setParameters(theta);
        float[] g = net.backward(all, weights(w, n, m)).gradient();
        net.addToParameters(g, -alpha);
        double l = Arrays.stream(net.losses(val).au()).average().orElseThrow();
        net.setParameters(theta);
        return l;
    }

    private static SampleWeights weights(double[] w, int n, int m) {
        double[] wa = new double[n + m];
        double[] we = new double[n + m];
        for (int s = 0; s < n; s++) {
            wa[s] = 1.0 / n;
        }
        for (int j = 0; j < m; j++) {
            we[n + j] = w[j] / m;
        }
        return new SampleWeights(wa, we);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
