package io.slaflow.core.contract;

import java.util.List;
import java.util.Optional;

/**
 * How a customer pays for work, by relationship (D11): which share of the price falls due at which
 * {@link PaymentPoint}. The shares of each term add up to 100%.
 */
public enum PaymentTerms {
    /** 100% before work starts. */
    PREPAYMENT(new Instalment(PaymentPoint.BEFORE_WORK, 100)),
    /** 50% before work starts, 50% once the work is accepted. */
    SPLIT_50_50(new Instalment(PaymentPoint.BEFORE_WORK, 50), new Instalment(PaymentPoint.AFTER_ACCEPTANCE, 50)),
    /** 100% once the work is accepted, for customers whose trust is established. */
    POSTPAYMENT(new Instalment(PaymentPoint.AFTER_ACCEPTANCE, 100));

    private final List<Instalment> instalments;

    PaymentTerms(Instalment... instalments) {
        this.instalments = List.of(instalments);
    }

    /**
     * Returns the instalments in workflow order.
     *
     * @return an unmodifiable list whose percents add up to 100
     */
    public List<Instalment> instalments() {
        return instalments;
    }

    /**
     * Returns the instalment that falls due at {@code point}, if these terms have one.
     *
     * @param point the payment point
     * @return the instalment, or empty when nothing falls due there
     */
    public Optional<Instalment> instalmentAt(PaymentPoint point) {
        return instalments.stream().filter(i -> i.point() == point).findFirst();
    }
}
