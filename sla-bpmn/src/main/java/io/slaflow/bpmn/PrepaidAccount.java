package io.slaflow.bpmn;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A customer's prepaid hours as the engine's database holds them (D5): the balance, the part of it
 * approved work holds (reserves) until it is accepted, the rest free (available) for new approvals,
 * and the statement of every change. One account per customer, shared by all its acceptance cases
 * and every node. Immutable.
 *
 * @param customer the customer (tenant)
 * @param balance the hours left: opened with the contract's prepaid hours, raised by top-ups, lowered
 *     when accepted work draws its hours
 * @param reserved the hours held (reserved) by approved, not yet accepted cases; at most
 *     {@code balance}
 * @param statement every change since the account was opened, oldest first; empty while the account
 *     is not opened yet (it opens when first used)
 */
public record PrepaidAccount(String customer, BigDecimal balance, BigDecimal reserved, List<PrepaidMovement> statement) {

    /**
     * Creates an account; the statement is copied.
     *
     * @throws NullPointerException if an argument is null
     */
    public PrepaidAccount {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(reserved, "reserved");
        statement = List.copyOf(statement);
    }

    /**
     * Returns the free (available) hours, those a newly approved specification may still use: the
     * balance less the hours held (reserved), {@code balance - reserved}.
     *
     * @return the free hours, not negative
     */
    public BigDecimal available() {
        return balance.subtract(reserved);
    }
}
