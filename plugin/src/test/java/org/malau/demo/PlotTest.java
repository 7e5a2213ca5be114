package org.malau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlotTest {
    @Test
    void ticksAreRoundValuesInsideTheRange() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Plot.ticks(0, 1, 5));
        assertEquals(List.of(0.54, 0.56, 0.58, 0.6), Plot.ticks(0.531, 0.605, 5));
        assertEquals(List.of(-0.5, 0.0, 0.5, 1.0), Plot.ticks(-0.7, 1.2, 4));
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), Plot.ticks(0, 100, 6));
        assertEquals(List.of(3.0), Plot.ticks(3, 3, 5), "an empty range has its one value");
    }
}
