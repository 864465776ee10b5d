package io.slaflow.core.acceptance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Hours drawn from a customer's prepaid balance when work was accepted (D5). The host stores
 * {@code balanceAfter} as the contract's new balance, e.g. with
 * {@link io.slaflow.core.contract.ServiceContract#withPrepaidHours}. Immutable and thread-safe.
 *
 * @param balanceBefore the balance the case was opened with
 * @param hours the hours drawn: the specification's total, at most the balance
 * @param balanceAfter {@code balanceBefore - hours}, never negative
 * @param at when the work was accepted
 */
public record PrepaidDrawdown(BigDecimal balanceBefore, BigDecimal hours, BigDecimal balanceAfter, Instant at) {

    /** Creates a drawdown; no component may be null. */
    public PrepaidDrawdown {
        Objects.requireNonNull(balanceBefore, "balanceBefore");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(at, "at");
    }
}
