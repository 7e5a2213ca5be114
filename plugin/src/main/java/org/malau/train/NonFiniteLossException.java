package org.malau.train;

/** A loss became NaN or infinite; the message names the iteration and the loss terms. */
public final class NonFiniteLossException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int iteration;

    public NonFiniteLossException(int iteration, String message) {
        super(message);
        this.iteration = iteration;
    }

    /** 1-based iteration at which the loss was not finite. */
    public int iteration() {
        return iteration;
    }
}
