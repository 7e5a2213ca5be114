package org.malau.model;

import java.io.IOException;

/** A model file that cannot be loaded; the message says whether it is truncated, foreign, newer or corrupted. */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
