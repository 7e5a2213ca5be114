package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The loss history must trust samples whose loss stays low more than those whose loss stays high, follow the order of
 * their recent average loss exactly (a lower average is never trusted less), not condemn a sample for one bad draw, and
 * stay neutral (everything trusted) while it knows too little.
 */
class LossHistoryTest {
    /** ids 0-59 clean (losses about 0.3), 60-99 noisy (about 1.8), every sample drawn 6 times with noisy draws. */
    private static LossHistory twoGroups(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        LossHistory h = new LossHistory();
        for (int draw = 0; draw < 6; draw++) {
            double[] losses = new double[100];
            for (int id = 0; id < 100; id++) {
                losses[id] = Math.max(0, (id < 60 ? 0.3 : 1.8) + (r.nextDouble() - 0.5));
            }
            h.record(IntStream.range(0, 100).toArray(), losses);
        }
        return h;
    }

    @Test
    void samplesWhoseLossStaysLowAreTrustedMore() {
        LossHistory h = twoGroups(1);
        h.fit();
        double[] t = h.trust(IntStream.range(0, 100).toArray());
        double minClean = IntStream.range(0, 60).mapToDouble(i -> t[i]).min().orElseThrow();
        double maxNoisy = IntStream.range(60, 100).mapToDouble(i -> t[i]).max().orElseThrow();
        assertTrue(minClean > maxNoisy, "least trusted clean sample " + minClean + ", most trusted noisy one " + maxNoisy);
        assertEquals(0.995, IntStream.range(0, 100).mapToDouble(i -> t[i]).max().orElseThrow(), 1e-12, "the lowest of 100: 1 - 0.5/100");
        assertEquals(0.005, IntStream.range(0, 100).mapToDouble(i -> t[i]).min().orElseThrow(), 1e-12);
    }

    @Test
    void theTrustFollowsTheRecentAverageLossExactly() {
        LossHistory h = new LossHistory();
        // Sample k's draws: 2.0 then k / 10: with decay 0.5 its average is (2.0 + k / 10) / 2, so the order is k's.
        int[] ids = IntStream.range(0, 30).toArray();
        h.record(ids, IntStream.range(0, 30).mapToDouble(k -> 2.0).toArray());
        h.record(ids, IntStream.range(0, 30).mapToDouble(k -> k / 10.0).toArray());
        h.record(new int[] {40, 41}, new double[] {1.0, 1.0});
        h.fit();
        double[] t = h.trust(ids);
        for (int k = 1; k < 30; k++) {
            assertTrue(t[k] < t[k - 1], "sample " + k + " has the higher average loss and must be trusted less");
        }
        double[] tied = h.trust(new int[] {40, 41});
        assertEquals(tied[0], tied[1], "equal averages, equal trust");
    }

    @Test
    void neutralUntilFittedOrWhenItKnowsTooLittle() {
        LossHistory h = twoGroups(3);
        assertArrayEquals(new double[] {1, 1, 1}, h.trust(new int[] {0, 70, 500}), "not fitted yet");
        LossHistory few = new LossHistory();
        few.record(IntStream.range(0, LossHistory.MIN_SAMPLES - 1).toArray(), new double[LossHistory.MIN_SAMPLES - 1]);
        few.fit();
        assertEquals(1, few.trust(new int[] {0})[0], "too few samples to rank");
        h.fit();
        assertEquals(0.5, h.trust(new int[] {500})[0], "an unseen sample sits in the middle");
    }

    @Test
    void oneBadDrawDoesNotCondemnACleanSampleAndOldDrawsFade() {
        LossHistory h = twoGroups(4);
        h.record(new int[] {5}, new double[] {2.5});
        h.fit();
        assertTrue(h.trust(new int[] {5})[0] > 0.4, "one bad draw after six good ones: still above the noisy group");
        h.record(new int[] {5, 5, 5}, new double[] {0.1, 0.1, 0.1});
        h.fit();
        assertTrue(h.trust(new int[] {5})[0] > 0.5, "three good draws later it is back in the clean group (the upper 60 %)");
    }

    @Test
    void mismatchedInputsAreRefused() {
        LossHistory h = new LossHistory();
        assertThrows(IllegalArgumentException.class, () -> h.record(new int[] {1, 2}, new double[] {0.1}));
    }
}
