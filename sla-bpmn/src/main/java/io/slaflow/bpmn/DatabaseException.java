package io.slaflow.bpmn;

import io.slaflow.core.SlaException;

/**
 * Thrown when an {@link SlaEngine} cannot use its database: it cannot be reached, refuses the user
 * or password, does not exist, holds the schema of a Flowable version this library does not run
 * (Flowable upgrades an older schema when it starts, but never a newer one), or holds prepaid hours
 * that break the ledger's rules (its tables were changed outside slaflow). Nothing was changed in
 * the database when it is thrown. The message names the database without its password, or the table.
 */
public class DatabaseException extends SlaException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what would fix it
     * @param cause the driver's or the engine's exception
     */
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
