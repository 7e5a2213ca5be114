package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void stepAndCosineDecay() {
        LearningRateSchedule step = new LearningRateSchedule("step", 0.1, 10, 0.5);
        assertEquals(0.1, step.rate(9, 100), 1e-12);
        assertEquals(0.05, step.rate(10, 100), 1e-12);
        assertEquals(0.025, step.rate(25, 100), 1e-12);
        LearningRateSchedule cos = new LearningRateSchedule("cosine", 0.1, 1, 1);
        assertEquals(0.1, cos.rate(0, 100), 1e-12);
        assertEquals(0.05, cos.rate(50, 100), 1e-12);
        assertEquals(0.0, cos.rate(100, 100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule("warm", 0.1, 1, 1));
    }
}
