package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.malau.meta.MetaInputs;
import org.malau.meta.MetaWeightNet;
import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetworkEngines;
import org.malau.model.SampleLosses;
import org.malau.model.TinyFaces;

class StrategiesTest {

    static TrainingStrategy strategy(String name, MultiTaskNetwork net) {
        return switch (name) {
            case "au-only" -> new AuOnlyStrategy();
            case "mtl" -> new FixedMultiTaskStrategy(1);
            case "uncertainty" -> new UncertaintyStrategy();
            case "l2rw" -> new LearningToReweightStrategy();
            case "mal" -> new MetaAuxiliaryStrategy(MetaWeightNet.create(net.config().featureSize(), 8, 5), 0.1, 1e-3);
            case "mal-interval-3" -> new MetaAuxiliaryStrategy(MetaWeightNet.create(net.config().featureSize(), 8, 5), 0.1, 1e-3, 3);
            case "mal-forward-loss-label" -> new MetaAuxiliaryStrategy(MetaWeightNet.create(net.config().featureSize(), 8,
                new MetaInputs(true, net.config().expressionCount()), 5), 0.1, 1e-3, 1, MetaDifference.FORWARD);
            case "mal-exact" -> new MetaAuxiliaryStrategy(MetaWeightNet.create(net.config().featureSize(), 8, 5), 0.1, 1e-3, 1,
                MetaDifference.EXACT);
            case "l2rw-exact" -> new LearningToReweightStrategy(MetaDifference.EXACT);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static float[] train(String engine, String name, int iterations, LabelledBatch au, LabelledBatch fe,
        LabelledBatch val, double[] lossBeforeAfter) {
        MultiTaskNetwork net = NetworkEngines.byName(engine).create(TinyFaces.network(), 17);
        TrainingStrategy s = strategy(name, net);
        StrategyContext ctx = new StrategyContext(net, new Adam(net.parameterCount()));
        ctx.setLearningRate(0.01);
        IterationBatches b = new IterationBatches(au, s.usesExpressionTask() ? fe : null, s.usesValidationBatch() ? val : null);
        lossBeforeAfter[0] = mean(net.losses(au));
        lossBeforeAfter[2] = meanExpression(net.losses(fe));
        for (int i = 0; i < iterations; i++) {
            s.iterate(ctx, b);
        }
        lossBeforeAfter[1] = mean(net.losses(au));
        lossBeforeAfter[3] = meanExpression(net.losses(fe));
        return net.parameters();
    }

    private static double meanExpression(SampleLosses l) {
        return java.util.Arrays.stream(l.expression()).average().orElse(Double.NaN);
    }

    private static double mean(SampleLosses l) {
        return java.util.Arrays.stream(l.au()).average().orElse(Double.NaN);
    }

    @ParameterizedTest
    @CsvSource({"libtorch, au-only", "libtorch, mtl", "libtorch, uncertainty", "libtorch, l2rw", "libtorch, l2rw-exact",
        "libtorch, mal", "libtorch, mal-exact", "libtorch, mal-interval-3", "libtorch, mal-forward-loss-label",
        "dl4j, au-only", "dl4j, mtl", "dl4j, uncertainty", "dl4j, l2rw", "dl4j, mal", "dl4j, mal-interval-3",
        "dl4j, mal-forward-loss-label"})
    void auLossFallsAndSameSeedGivesSameParameters(String engine, String name) {
        LabelledBatch au = TinyFaces.batch(16, true, false, 1);
        LabelledBatch fe = TinyFaces.batch(16, false, true, 2);
        LabelledBatch val = TinyFaces.batch(8, true, false, 3);
        double[] first = new double[4];
        float[] a = train(engine, name, 10, au, fe, val, first);
        assertTrue(first[1] < 0.9 * first[0], engine + " " + name + ": AU loss " + first[0] + " -> " + first[1]);
        if (!name.equals("au-only") && !name.startsWith("l2rw")) {
            assertTrue(first[3] < first[2], name + ": expression loss " + first[2] + " -> " + first[3]);
        }
        float[] b = train(engine, name, 10, au, fe, val, new double[4]);
        assertArrayEquals(a, b, name + ": same seed must give identical parameters");
    }
}
