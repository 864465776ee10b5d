package io.slaflow.core.contract;

/** The points in the acceptance workflow where a payment can fall due (D11). */
public enum PaymentPoint {
    /** After the specification is approved, before work starts: work waits for this payment. */
    BEFORE_WORK,
    /** After the customer accepts the work. */
    AFTER_ACCEPTANCE
}
