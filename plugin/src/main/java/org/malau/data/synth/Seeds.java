package org.malau.data.synth;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent random streams from the user's seed. Every sample and every subject gets its
 * own stream keyed by what it is (not by the order in which a thread reaches it), which is what
 * makes the output identical for any thread count.
 */
final class Seeds {
    /** Stream of a subject's identity parameters. */
    static final long SUBJECT = 0x5ab7ec7L;
    /** Stream of one sample of a set. */
    static final long SAMPLE = 0x5a3b1eL;

    private Seeds() {
    }

    /** SplitMix64 finaliser: a bijective scrambler, so distinct inputs never collide. */
    static long scramble(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Seed of the stream named by {@code parts}; order matters. */
    static long mix(long... parts) {
        long h = 0x243F6A8885A308D3L;
        for (long p : parts) {
            h = scramble(h ^ p);
        }
        return h;
    }

    /** FNV-1a over UTF-8, so identity does not depend on {@link String#hashCode()}'s 32 bits. */
    static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
