package org.malau.face;

/** An image that cannot be turned into pixels; the message names the file and the reason. */
public final class UnreadableImageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the file. */
    public UnreadableImageException(String message) {
        super(message);
    }
}
