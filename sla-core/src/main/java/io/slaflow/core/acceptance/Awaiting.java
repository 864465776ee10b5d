package io.slaflow.core.acceptance;

/**
 * What an {@link AcceptanceCase} waits for next, and whose turn that is ({@link AcceptanceCase#awaiting()}).
 * The case decides it from its stage alone (and, while the specification is written, whether a version is
 * under the customer's review), so the engine's process, the SLA countdowns and the staff views all ask
 * the case instead of deciding it again.
 */
public enum Awaiting {
    /** The customer agrees to the proposed solution or asks for changes. */
    SOLUTION_DECISION(Party.CUSTOMER),
    /** Support revises the solution. */
    SOLUTION_REVISION(Party.SUPPORT),
    /** Support writes the specification (at first, and again after an overdraw was declined). */
    SPECIFICATION(Party.SUPPORT),
    /** The customer reviews the submitted specification: approves it or refuses to write scenarios. */
    SPECIFICATION_DECISION(Party.CUSTOMER),
    /** The customer approves or declines an overdraw of the prepaid hours. */
    OVERDRAW_DECISION(Party.CUSTOMER),
    /** The payment due before work. */
    PAYMENT_BEFORE_WORK(Party.CUSTOMER),
    /** Support works: the work, a rework round or a warranty rework round. */
    WORK(Party.SUPPORT),
    /** The customer records the results of the demonstration. */
    DEMONSTRATION(Party.CUSTOMER),
    /** The payment due after acceptance (a warranty claim may come first). */
    PAYMENT_AFTER_ACCEPTANCE(Party.CUSTOMER),
    /** The end of the warranty, or a claim under it. */
    WARRANTY_END(Party.NOBODY),
    /** Nothing: the case closed or stopped. */
    NOTHING(Party.NOBODY);

    /** Whose turn it is. */
    public enum Party {
        /** The customer decides, approves, pays or records results: the request's SLA countdowns pause. */
        CUSTOMER,
        /** Support revises, writes or works: the countdowns run. */
        SUPPORT,
        /** Nobody: the work is under warranty, or the case is final. */
        NOBODY
    }

    private final Party party;

    Awaiting(Party party) {
        this.party = party;
    }

    /** Returns whose turn it is. */
    public Party party() {
        return party;
    }
}
