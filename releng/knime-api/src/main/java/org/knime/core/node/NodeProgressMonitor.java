package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Compile-only subset of KNIME's {@code NodeProgressMonitor}; semantics implemented in memory for tests. The listener
 * methods and {@code getMessages()} are left out: node code must not implement this interface against the subset.
 */
public interface NodeProgressMonitor {

    /** @throws CanceledExecutionException if cancelling was requested */
    void checkCanceled() throws CanceledExecutionException;

    /** @param progress a fraction in [0, 1]; other values are ignored */
    void setProgress(final double progress);

    /** @return the progress fraction, null if none was set */
    Double getProgress();

    /**
     * @param progress a fraction in [0, 1]; other values are ignored
     * @param message the message
     */
    void setProgress(final double progress, final String message);

    /**
     * @param progress a fraction in [0, 1]; other values are ignored
     * @param message supplies the message
     */
    default void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message.get());
    }

    /** @param message the message */
    void setMessage(final String message);

    /** @param message supplies the message */
    default void setMessage(final Supplier<String> message) {
        setMessage(message.get());
    }

    /** @param message the message; the progress fraction is left as it is */
    void setProgress(final String message);

    /** @return the message, null if none was set */
    String getMessage();

    /** Requests cancelling; the next {@link #checkCanceled()} throws. */
    void setExecuteCanceled();

    /** Clears progress, message and the cancel request. */
    void reset();
}
