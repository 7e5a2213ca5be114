package org.malau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DemoPlanTest {
    private final DemoPlan plan = DemoPlan.of(DemoSettings.standard(1, List.of("au-only", "mtl", "mal")).experiment());

    @Test
    void phasesAreDataEachStrategyAndReport() {
        assertEquals(List.of("data", "train au-only", "train mtl", "train mal", "report"),
            plan.phases().stream().map(DemoPlan.Phase::name).toList());
        assertEquals(3, plan.phase("train mtl").index());
        assertEquals(5, plan.phase("report").count());
        assertThrows(IllegalArgumentException.class, () -> plan.phase("train l2rw"));
    }

    @Test
    void overallFractionRunsFromZeroToOneAndMalWeighsMost() {
        assertEquals(0, plan.overallFraction(plan.phase("data"), 0), 0);
        assertEquals(1, plan.overallFraction(plan.phase("report"), 1), 1e-12);
        double previous = -1;
        for (DemoPlan.Phase p : plan.phases()) {
            for (double f = 0; f <= 1; f += 0.25) {
                double o = plan.overallFraction(p, f);
                assertTrue(o >= previous, p.name() + " " + f);
                previous = o;
            }
        }
        assertTrue(plan.phase("train mal").cost() > plan.phase("train mtl").cost()
            && plan.phase("train mtl").cost() > plan.phase("train au-only").cost());
    }

    @Test
    void timeLeftScalesTheElapsedTimeAndWaitsForEnoughProgress() {
        assertTrue(Double.isNaN(DemoPlan.secondsLeft(30, 0.001)), "too little done");
        assertTrue(Double.isNaN(DemoPlan.secondsLeft(0.2, 0.5)), "too early");
        assertEquals(90, DemoPlan.secondsLeft(30, 0.25), 1e-9);
        assertEquals(0, DemoPlan.secondsLeft(100, 1), 0);
    }
}
