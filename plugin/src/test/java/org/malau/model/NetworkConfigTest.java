package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.malau.train.TrainingConfig;

/** The one rule for the small network's shape, used by the engine's defaults and the MAL Learner's width setting. */
class NetworkConfigTest {
    @Test
    void theSmallNetworkScalesWithItsFirstBlock() {
        NetworkConfig d = NetworkConfig.defaults(5, 7);
        NetworkConfig s = NetworkConfig.smallConv(48, 16, 5, 7);
        assertEquals(d.inputSize(), s.inputSize());
        assertArrayEquals(new int[] {16, 32, 64}, s.convChannels());
        assertEquals(64, s.featureSize());
        assertArrayEquals(d.convChannels(), s.convChannels(), "the default is the rule at width 16");
        assertEquals(1, s.channels());
        NetworkConfig narrow = NetworkConfig.smallConv(16, 4, 1, 2);
        assertArrayEquals(new int[] {4, 8, 16}, narrow.convChannels());
        assertEquals(64, narrow.featureSize(), "at least the default's features");
        assertEquals(128, NetworkConfig.smallConv(48, 32, 1, 2).featureSize(), "4 x width above that");
        assertThrows(IllegalArgumentException.class, () -> NetworkConfig.smallConv(48, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> NetworkConfig.smallConv(4, 8, 1, 2), "pooled three times");
    }

    @Test
    void theTrainingConfigTakesTheRule() {
        NetworkConfig c = TrainingConfig.builder().smallConv(32, 8).build().network(3, 7);
        NetworkConfig r = NetworkConfig.smallConv(32, 8, 3, 7);
        assertEquals(r.inputSize(), c.inputSize());
        assertArrayEquals(r.convChannels(), c.convChannels());
        assertEquals(r.featureSize(), c.featureSize());
        assertEquals(r.backbone(), c.backbone());
        NetworkConfig grey = TrainingConfig.builder().smallGrey().build().network(3, 7);
        assertArrayEquals(NetworkConfig.defaults(3, 7).convChannels(), grey.convChannels());
        assertEquals(NetworkConfig.defaults(3, 7).featureSize(), grey.featureSize());
    }
}
