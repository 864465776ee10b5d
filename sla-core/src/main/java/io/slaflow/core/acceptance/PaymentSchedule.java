package io.slaflow.core.acceptance;

import io.slaflow.core.contract.Instalment;
import io.slaflow.core.contract.ServiceContract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Works out the hours a case bills and the payments they are split into. Stateless. */
final class PaymentSchedule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PaymentSchedule() {
    }

    /**
     * Returns the hours of {@code spec} that the prepaid {@code balance} does not cover: the whole
     * total without a balance (null), the part beyond the balance with one.
     */
    static BigDecimal billedHours(BigDecimal balance, Specification spec) {
        BigDecimal billed = balance == null ? spec.total() : spec.total().subtract(balance).max(BigDecimal.ZERO);
        return billed.setScale(2, RoundingMode.HALF_UP);
    }

    /** Returns the hours of {@code spec} the prepaid {@code balance} covers; zero without a balance (null). */
    static BigDecimal prepaidHours(BigDecimal balance, Specification spec) {
        return spec.total().subtract(billedHours(balance, spec));
    }

    /**
     * Splits the hours the prepaid {@code balance} (null: none) leaves billed over the contract's instalments; the last instalment takes what rounding
     * leaves, so the parts add up exactly. No payments when nothing is billed.
     */
    static List<Payment> payments(ServiceContract contract, BigDecimal balance, Specification spec) {
        BigDecimal billed = billedHours(balance, spec);
        if (billed.signum() == 0) {
            return List.of();
        }
        List<Instalment> instalments = contract.paymentTerms().instalments();
        List<BigDecimal> hours = split(billed, instalments);
        List<BigDecimal> amounts = contract.hourlyRate()
                .map(rate -> split(billed.multiply(rate), instalments)).orElse(null);
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < instalments.size(); i++) {
            Instalment instalment = instalments.get(i);
            payments.add(new Payment(instalment.point(), instalment.percent(), hours.get(i),
                    amounts == null ? null : amounts.get(i), null));
        }
        return List.copyOf(payments);
    }

    private static List<BigDecimal> split(BigDecimal whole, List<Instalment> instalments) {
        BigDecimal total = whole.setScale(2, RoundingMode.HALF_UP);
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal left = total;
        for (int i = 0; i < instalments.size() - 1; i++) {
            BigDecimal part = total.multiply(BigDecimal.valueOf(instalments.get(i).percent()))
                    .divide(HUNDRED, 2, RoundingMode.HALF_UP);
            parts.add(part);
            left = left.subtract(part);
        }
        parts.add(left);
        return parts;
    }
}
