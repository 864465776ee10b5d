package io.slaflow.core.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import java.math.BigDecimal;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** Laws of pricing: the balance and the payments together pay exactly the specification's total. */
class PaymentScheduleTest {

    @Property(tries = 300)
    void prepaidAndBilledHoursAddUpToTheTotal(
            @ForAll @BigRange(min = "0.01", max = "10000") @Scale(2) BigDecimal estimate,
            @ForAll @BigRange(min = "0", max = "1") @Scale(2) BigDecimal buffer,
            @ForAll @BigRange(min = "0", max = "10000") @Scale(2) BigDecimal balance,
            @ForAll boolean hasBalance, @ForAll PaymentTerms terms) {
        ServiceContract contract = ServiceContract.builder().customer("acme").policy("p").zone(ZoneId.of("UTC"))
                .paymentTerms(terms).riskBuffer(buffer).prepaidHours(hasBalance ? balance : null)
                .hourlyRate(new BigDecimal("3500")).build();
        Specification spec = Specification.builder().description("d").willNotDo("w").estimate(estimate)
                .riskBuffer(buffer).scenario("s", "a", "r").build();

        BigDecimal available = contract.prepaidHours().orElse(null);
        BigDecimal billed = PaymentSchedule.billedHours(available, spec);
        BigDecimal prepaid = PaymentSchedule.prepaidHours(available, spec);
        assertEquals(0, spec.total().compareTo(billed.add(prepaid)));
        assertTrue(prepaid.signum() >= 0 && (!hasBalance || prepaid.compareTo(balance) <= 0));

        BigDecimal paidHours = BigDecimal.ZERO;
        BigDecimal paidAmount = BigDecimal.ZERO;
        for (Payment p : PaymentSchedule.payments(contract, available, spec)) {
            assertTrue(p.hours().signum() >= 0);
            paidHours = paidHours.add(p.hours());
            paidAmount = paidAmount.add(p.amount().orElseThrow());
        }
        assertEquals(0, billed.compareTo(paidHours));
        assertEquals(0, billed.multiply(new BigDecimal("3500")).compareTo(paidAmount));
    }
}
