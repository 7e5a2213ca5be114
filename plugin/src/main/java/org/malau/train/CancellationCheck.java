package org.malau.train;

/** Polled before every iteration; returning true stops training within that iteration. */
@FunctionalInterface
public interface CancellationCheck {
    boolean cancelRequested();

    static CancellationCheck never() {
        return () -> false;
    }
}
