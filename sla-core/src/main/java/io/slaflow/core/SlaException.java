package io.slaflow.core;

/**
 * Root of every exception slaflow throws for a domain failure: invalid configuration, an unknown
 * request, an operation by a user not allowed to perform it, or an operation in the wrong stage.
 *
 * <p>Plain programming errors (a {@code null} argument, a negative duration) are reported with the
 * JDK's {@link IllegalArgumentException} and {@link NullPointerException} instead.
 */
public class SlaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what went wrong and how to fix it.
     *
     * @param message the message, never {@code null}
     */
    public SlaException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause it wraps.
     *
     * @param message the message, never {@code null}
     * @param cause the underlying failure
     */
    public SlaException(String message, Throwable cause) {
        super(message, cause);
    }
}
