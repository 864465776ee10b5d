package io.slaflow.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceContractTest {

    private static ServiceContract.Builder acme() {
        return ServiceContract.builder().customer("acme").policy("two-tier-support").zone(ZoneId.of("Europe/Kyiv"))
                .paymentTerms(PaymentTerms.SPLIT_50_50);
    }

    @Test
    void defaultsAreSixMonthsWarrantyAndAQuarterBuffer() {
        ServiceContract c = acme().build();
        assertEquals(Period.ofMonths(6), c.warranty());
        assertEquals(ServiceContract.DEFAULT_WARRANTY, c.warranty());
        assertEquals(new BigDecimal("0.25"), c.riskBuffer());
        assertEquals(Optional.empty(), c.prepaidHours());
        assertEquals(Optional.empty(), c.hourlyRate());
        assertEquals(Set.of(), c.keyUsers());
    }

    @Test
    void everyViolationIsListedWithItsFieldAndValue() {
        InvalidContractException e = assertThrows(InvalidContractException.class, () -> ServiceContract.builder()
                .customer(" ").prepaidHours(new BigDecimal("-1")).warranty(Period.ofMonths(-1))
                .riskBuffer(new BigDecimal("1.5")).hourlyRate(BigDecimal.ZERO).keyUsers(Arrays.asList("olena", ""))
                .build());
        assertEquals(List.of(
                "customer: must not be blank (was \" \")",
                "hourlyRate: must be greater than 0 (was 0)",
                "paymentTerms: must not be null (was null)",
                "policy: must not be blank (was null)",
                "prepaidHours: must be greater than or equal to 0 (was -1)",
                "riskBuffer: must be less than or equal to 1 (was 1.5)",
                "zone: must not be null (was null)",
                "warranty: must not be negative (was P-1M)",
                "keyUsers[1]: must not be blank (was \"\")"), e.violations());
        assertTrue(e instanceof ValidationException);
        assertTrue(e.getMessage().startsWith("Invalid contract (9 problems):"), e.getMessage());
    }

    @Test
    void theRiskBufferMayBeZeroOrOneButNotBelowZero() {
        assertEquals(BigDecimal.ONE, acme().riskBuffer(BigDecimal.ONE).build().riskBuffer());
        assertEquals(BigDecimal.ZERO, acme().riskBuffer(BigDecimal.ZERO).build().riskBuffer());
        InvalidContractException e = assertThrows(InvalidContractException.class,
                () -> acme().riskBuffer(new BigDecimal("-0.1")).build());
        assertEquals(List.of("riskBuffer: must be greater than or equal to 0 (was -0.1)"), e.violations());
    }

    @Test
    void prepaidHoursHaveAtMostTwoDecimals() {
        InvalidContractException e = assertThrows(InvalidContractException.class,
                () -> acme().prepaidHours(new BigDecimal("1.255")).build());
        assertEquals(List.of("prepaidHours: numeric value out of bounds (<9 digits>.<2 digits> expected) (was 1.255)"),
                e.violations());
    }

    @Test
    void withPrepaidHoursChangesOnlyTheBalance() {
        ServiceContract c = acme().prepaidHours(new BigDecimal("40")).keyUsers(Set.of("taras", "olena")).build();
        ServiceContract after = c.withPrepaidHours(new BigDecimal("27.50"));
        assertEquals(Optional.of(new BigDecimal("27.50")), after.prepaidHours());
        assertEquals(c, after.withPrepaidHours(new BigDecimal("40.00")), "numbers compare by value, not scale");
        assertNotEquals(c, after);
        assertEquals(List.of("olena", "taras"), List.copyOf(after.keyUsers()));
        assertThrows(InvalidContractException.class, () -> c.withPrepaidHours(new BigDecimal("-0.5")));
    }

    @Test
    void theWarrantyIsCountedInTheContractsZone() {
        ServiceContract c = acme().warranty(Period.ofMonths(1)).build();
        Instant accepted = Instant.parse("2026-03-02T08:00:00Z"); // 10:00 in Kyiv, winter time
        assertEquals(Instant.parse("2026-04-02T07:00:00Z"), c.warrantyEnds(accepted), "10:00 in Kyiv, summer time");
    }

    @Test
    void paymentTermsSplitTheWholePrice() {
        for (PaymentTerms terms : PaymentTerms.values()) {
            assertEquals(100, terms.instalments().stream().mapToInt(Instalment::percent).sum(), terms.name());
        }
        assertEquals(Optional.of(new Instalment(PaymentPoint.BEFORE_WORK, 50)),
                PaymentTerms.SPLIT_50_50.instalmentAt(PaymentPoint.BEFORE_WORK));
        assertEquals(Optional.empty(), PaymentTerms.POSTPAYMENT.instalmentAt(PaymentPoint.BEFORE_WORK));
        assertThrows(IllegalArgumentException.class, () -> new Instalment(PaymentPoint.BEFORE_WORK, 0));
    }
}
