package org.malau.train;

/** Training stopped because the {@link CancellationCheck} asked for it. */
public final class TrainingCancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrainingCancelledException(String message) {
        super(message);
    }
}
