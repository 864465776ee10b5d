package io.slaflow.core.acceptance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Hours drawn from a customer's prepaid balance when work was accepted (D5): the part of the
 * specification's total the balance covered when it was approved. The balance itself belongs to the
 * customer, not to one case: the engine keeps it in its database; a host using the case alone
 * subtracts {@code hours} from its own record. Immutable and thread-safe.
 *
 * @param hours the hours drawn, not negative
 * @param at when the work was accepted
 */
public record PrepaidDrawdown(BigDecimal hours, Instant at) {

    /** Creates a drawdown; no component may be null, and hours may not be negative. */
    public PrepaidDrawdown {
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(at, "at");
        if (hours.signum() < 0) {
            throw new IllegalArgumentException("hours: must not be negative (was " + hours + ")");
        }
    }
}
