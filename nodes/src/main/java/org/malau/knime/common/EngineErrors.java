package org.malau.knime.common;

import java.util.concurrent.Callable;

/**
 * Turns an {@link Error} escaping the engine (out of memory above all) into an exception with a message, so that
 * KNIME shows a failed node saying what happened instead of an error that may take the workbench down with it.
 * The engine refuses oversized images from their headers first; this is the net below that.
 */
public final class EngineErrors {
    private EngineErrors() {
    }

    /**
     * Runs a node's work.
     *
     * @throws Exception whatever {@code work} throws, or an exception in place of an {@link Error}
     */
    public static <T> T call(final Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (OutOfMemoryError e) {
            throw new Exception("Out of memory (" + e.getMessage() + "): the input needs more than KNIME's Java heap. "
                + "Use smaller images or batches, or raise -Xmx in knime.ini.", e);
        } catch (StackOverflowError | LinkageError | AssertionError e) {
            throw new Exception("Internal error in the MAL engine: " + e, e);
        }
    }
}
