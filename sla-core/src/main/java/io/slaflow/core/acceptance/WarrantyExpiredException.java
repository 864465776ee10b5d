package io.slaflow.core.acceptance;

import io.slaflow.core.WrongStageException;
import java.time.Instant;
import java.util.Objects;

/**
 * Thrown when a warranty claim comes at or after the end of the work's warranty. The message names
 * the date and time the warranty ended in the contract's zone; such a problem is a new request, not
 * warranty rework. Nothing has changed when it is thrown.
 */
public final class WarrantyExpiredException extends WrongStageException {

    private static final long serialVersionUID = 1L;

    private final Instant expiredAt;

    /**
     * Creates the exception.
     *
     * @param stage the case's stage
     * @param warranty the expired warranty
     * @param claimedAt when the claim was made
     */
    public WarrantyExpiredException(String stage, Warranty warranty, Instant claimedAt) {
        super("claimWarranty", stage, "the warranty expired on " + warranty.endInZone().toLocalDate()
                + " at " + warranty.endInZone().toLocalTime() + " (" + warranty.zone() + "), before the claim at "
                + Objects.requireNonNull(claimedAt, "claimedAt") + "; file a new request instead");
        this.expiredAt = warranty.end();
    }

    /** Returns the first instant that was no longer under warranty. */
    public Instant expiredAt() {
        return expiredAt;
    }
}
