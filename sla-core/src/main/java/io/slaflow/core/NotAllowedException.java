package io.slaflow.core;

import java.util.Objects;

/**
 * Thrown when a user asks for an operation they are not allowed to perform, for example acceptance
 * recorded by someone other than the customer's requester or key users. Nothing has changed when it
 * is thrown. The message names the user, the operation and who may perform it.
 */
public class NotAllowedException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final String user;
    private final String operation;

    /**
     * Creates the exception.
     *
     * @param user the user who asked
     * @param operation the operation refused, e.g. {@code "recordResults"}
     * @param detail who may perform it, e.g. {@code "only the requester or a key user of customer acme"}
     */
    public NotAllowedException(String user, String operation, String detail) {
        super("User '" + Objects.requireNonNull(user, "user") + "' may not "
                + Objects.requireNonNull(operation, "operation") + ": " + Objects.requireNonNull(detail, "detail"));
        this.user = user;
        this.operation = operation;
    }

    /** Returns the user who was refused. */
    public String user() {
        return user;
    }

    /** Returns the operation that was refused. */
    public String operation() {
        return operation;
    }
}
