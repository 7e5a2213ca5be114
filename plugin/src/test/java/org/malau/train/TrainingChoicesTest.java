package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.malau.meta.MetaInputSet;
import org.malau.meta.MetaInputs;

/**
 * The enums of the training choices: every id reads back to its constant, unknown ids are refused naming the choices,
 * and what each constant says it supports is what the engine then does.
 */
class TrainingChoicesTest {
    @Test
    void everyStrategySaysWhatTheTrainedStrategyDoes() {
        for (Strategy s : Strategy.values()) {
            assertEquals(s, Strategy.of(s.id()));
            TrainingConfig c = TrainingConfig.builder().strategy(s).build();
            assertEquals(s, c.strategy());
            TrainingStrategy t = s.create(c, 16, 7);
            assertEquals(s.id(), t.name(), "the created strategy carries the enum's id");
            assertEquals(s.usesExpressionTask(), t.usesExpressionTask(), s.id());
            assertEquals(s.usesMetaDifference(), t.usesValidationBatch(), s.id());
            assertEquals(s.hasMetaNet(), t.metaNet() != null, s.id());
        }
        assertEquals(java.util.List.of("au-only", "mtl", "uncertainty", "l2rw", "mal"), Strategy.ids());
        assertTrue(Strategy.find("later-strategy").isEmpty(), "a later version's strategy is not an error when reading");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strategy.of("magic"));
        assertEquals("unknown strategy 'magic', expected one of [au-only, mtl, uncertainty, l2rw, mal]", e.getMessage());
    }

    @Test
    void malVariantsPickTheRobustOrThePaperStrategy() {
        for (MalVariant v : MalVariant.values()) {
            TrainingStrategy t = Strategy.MAL.create(TrainingConfig.builder().malVariant(v).build(), 16, 7);
            assertEquals(v != MalVariant.PAPER, t instanceof RobustMetaAuxiliaryStrategy, v.id());
            assertEquals(v.lossGate(), Boolean.TRUE.equals(t.settings().get("lossGate")), v.id() + ": the gate as the variant says");
            assertEquals(v.metaInputs().inputs(7), t.metaNet().inputs(), v.id() + ": psi sees the variant's inputs");
        }
    }

    @Test
    void optimisersAndSchedulesReadTheirIds() {
        for (OptimizerKind k : OptimizerKind.values()) {
            assertEquals(k, OptimizerKind.of(k.id()));
            assertEquals(k, TrainingConfig.builder().optimizer(k.id()).build().optimizer());
            assertEquals(k.id(), TrainingConfig.builder().optimizer(k).build().toMap().get("optimizer"),
                "the header records the id, not the constant's name");
        }
        for (ScheduleKind k : ScheduleKind.values()) {
            assertEquals(k, ScheduleKind.of(k.id()));
            assertEquals(k, ScheduleKind.of(k.id().toUpperCase(java.util.Locale.ROOT)), "as before: case does not matter");
            LearningRateSchedule s = new LearningRateSchedule(k.id(), 0.1, 10, 0.5);
            assertEquals(k.id(), TrainingConfig.builder().schedule(s).build().toMap().get("schedule"));
            // an interval and factor that would change the rate if used: only step uses them
            assertEquals(k.usesSteps(), s.rate(20, 100) != new LearningRateSchedule(k, 0.1, 1, 1).rate(20, 100), k.id());
        }
        assertEquals(0.1 * 0.25, new LearningRateSchedule(ScheduleKind.STEP, 0.1, 10, 0.5).rate(25, 100), 1e-15);
        assertEquals(0.05, new LearningRateSchedule(ScheduleKind.COSINE, 0.1, 1, 1).rate(50, 100), 1e-15);
        assertEquals("unknown learning-rate schedule 'linear', expected one of [constant, step, cosine]",
            assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule("linear", 0.1, 1, 1)).getMessage());
    }

    @Test
    void metaDifferencesSayWhatTheyNeed() {
        for (MetaDifference d : MetaDifference.values()) {
            assertEquals(d, MetaDifference.of(d.id()));
            assertEquals(d == MetaDifference.EXACT, d.needsDoubleBackward(), d.id());
            assertEquals(d.needsDoubleBackward() ? 0 : d == MetaDifference.CENTRAL ? 2 : 1, d.extraPasses(), d.id());
        }
        Map<String, Object> m = TrainingConfig.builder().strategy(Strategy.L2RW).metaDifference(MetaDifference.CENTRAL).build()
            .toMap();
        assertEquals("central", m.get("metaDifference"));
    }

    @Test
    void metaInputSetsReadSpecsInAnyOrderAndRefuseCombinationsNotOffered() {
        for (MetaInputSet s : MetaInputSet.values()) {
            assertEquals(s, MetaInputSet.of(s.id()));
            MetaInputs in = s.inputs(8);
            assertEquals(s.id(), in.spec(), "the set's inputs print as its spec");
            assertEquals(s.label() ? 8 : 0, in.labelClasses());
        }
        assertEquals(MetaInputSet.FEATURES_LOSS_LABEL, MetaInputSet.of(" label + features+loss"));
        assertEquals(MetaInputs.SPECS, MetaInputSet.ids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MetaInputSet.of("features+loss+uncertainty"));
        assertTrue(e.getMessage().contains("features+uncertainty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().metaInputs("features+margin").build());
    }
}
