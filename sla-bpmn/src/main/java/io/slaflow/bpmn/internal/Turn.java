package io.slaflow.bpmn.internal;

import io.slaflow.core.acceptance.AcceptanceCase;

/** Who an acceptance case waits for: the customer, support, or nobody (under warranty, or final). */
public enum Turn {
    /** The customer decides, approves, pays or records results; SLA countdowns pause. */
    CUSTOMER,
    /** Support revises, writes the specification or works. */
    SUPPORT,
    /** Nobody: the work is under warranty and paid, or the case is closed or stopped. */
    NOBODY;

    /**
     * Returns whose turn it is in {@code c}, whose last step was {@code last}: in the specification
     * stage it is the customer's once a specification was submitted, support's while one is written
     * (at first, and again after an overdraw was declined).
     */
    public static Turn of(AcceptanceCase c, CaseStep last) {
        return switch (c.stage()) {
            case SOLUTION_PROPOSED, OVERDRAW_APPROVAL, PAYMENT_BEFORE_WORK, DEMONSTRATION, PAYMENT_AFTER_ACCEPTANCE -> CUSTOMER;
            case SPECIFICATION -> last.op() == CaseStep.Op.SUBMIT_SPECIFICATION ? CUSTOMER : SUPPORT;
            case SOLUTION_CHANGES_REQUESTED, WORK, REWORK, WARRANTY_REWORK -> SUPPORT;
            case WARRANTY, CLOSED, STOPPED -> NOBODY;
        };
    }
}
