package io.slaflow.core.acceptance;

import io.slaflow.core.contract.PaymentPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment of an acceptance case: the instalment of the contract's payment terms that falls due
 * at a payment point, its share of the billed hours, its amount when the contract has an hourly rate,
 * and when it was paid. Immutable and thread-safe.
 */
public final class Payment {

    private final PaymentPoint point;
    private final int percent;
    private final BigDecimal hours;
    private final BigDecimal amount;
    private final Instant paidAt;

    Payment(PaymentPoint point, int percent, BigDecimal hours, BigDecimal amount, Instant paidAt) {
        this.point = Objects.requireNonNull(point, "point");
        this.percent = percent;
        this.hours = Objects.requireNonNull(hours, "hours");
        this.amount = amount;
        this.paidAt = paidAt;
    }

    /** Returns where in the workflow the payment falls due. */
    public PaymentPoint point() {
        return point;
    }

    /** Returns the payment's share of the billed hours, in percent. */
    public int percent() {
        return percent;
    }

    /** Returns the hours this payment pays for, 2 decimals; the payments of a case add up to its billed hours. */
    public BigDecimal hours() {
        return hours;
    }

    /** Returns hours times the contract's hourly rate, 2 decimals, or empty when the contract has no rate. */
    public Optional<BigDecimal> amount() {
        return Optional.ofNullable(amount);
    }

    /** Returns when the payment was recorded, or empty while it is outstanding. */
    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    /** Returns whether the payment was recorded. */
    public boolean isPaid() {
        return paidAt != null;
    }

    Payment paid(Instant at) {
        return new Payment(point, percent, hours, amount, at);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Payment p && point == p.point && percent == p.percent
                && hours.equals(p.hours) && Objects.equals(amount, p.amount) && Objects.equals(paidAt, p.paidAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(point, percent, hours, amount, paidAt);
    }

    @Override
    public String toString() {
        return "Payment[point=" + point + ", percent=" + percent + ", hours=" + hours + ", amount=" + amount
                + ", paidAt=" + paidAt + "]";
    }
}
