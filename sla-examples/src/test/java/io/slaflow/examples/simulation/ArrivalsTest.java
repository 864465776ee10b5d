package io.slaflow.examples.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalsTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 23);
    private static final List<Customer> CUSTOMERS = SimulationConfig.defaults().customers();
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        List<Arrival> a = Arrivals.generate(42, MONDAY, 7, KYIV, CUSTOMERS);

        assertEquals(a, Arrivals.generate(42, MONDAY, 7, KYIV, CUSTOMERS));
        assertNotEquals(a, Arrivals.generate(43, MONDAY, 7, KYIV, CUSTOMERS));
    }

    @Test
    void aLongerRunStartsWithTheSameDays() {
        List<Arrival> week = Arrivals.generate(42, MONDAY, 7, KYIV, CUSTOMERS);
        List<Arrival> twoDays = Arrivals.generate(42, MONDAY, 2, KYIV, CUSTOMERS);

        assertEquals(twoDays, week.subList(0, twoDays.size()));
    }

    @Test
    void requestsComeInOrderWithinTheDaysNumberedInFilingOrder() {
        List<Arrival> a = Arrivals.generate(5, MONDAY, 7, KYIV, CUSTOMERS);
        Instant start = MONDAY.atStartOfDay(KYIV).toInstant();
        Instant end = MONDAY.plusDays(7).atStartOfDay(KYIV).toInstant();

        for (int i = 0; i < a.size(); i++) {
            Arrival x = a.get(i);
            assertEquals(String.format("R-%04d", i + 1), x.ref());
            assertTrue(!x.at().isBefore(start) && x.at().isBefore(end), x.toString());
            assertTrue(i == 0 || x.at().isAfter(a.get(i - 1).at()), "strictly increasing at " + x.ref());
            assertTrue(List.of(Arrivals.CUSTOMER, Arrivals.SECOND_CUSTOMER).contains(x.request().customer()), x.ref());
        }
    }

    @Test
    void aWeekHasAboutFourHundredRequestsMostlyConsultationsWithADailyPeakAndQuietWeekends() {
        int total = 0;
        int peak = 0;
        int night = 0;
        int weekday = 0;
        int weekend = 0;
        for (long seed = 1; seed <= 20; seed++) {
            for (Arrival a : Arrivals.generate(seed, MONDAY, 7, KYIV, CUSTOMERS)) {
                total++;
                ZoneId own = a.request().customer().equals(Arrivals.CUSTOMER) ? KYIV : TASHKENT;
                int hour = a.at().atZone(own).getHour();
                peak += hour >= 9 && hour < 12 ? 1 : 0;
                night += hour >= 1 && hour < 4 ? 1 : 0;
                DayOfWeek day = a.at().atZone(KYIV).getDayOfWeek();
                if (day == DayOfWeek.WEDNESDAY) {
                    weekday++;
                } else if (day == DayOfWeek.SUNDAY) {
                    weekend++;
                }
            }
        }
        double perWeek = total / 20.0;
        assertTrue(perWeek > 360 && perWeek < 420, "per week " + perWeek);
        assertTrue(peak > 15 * night, "peak " + peak + " night " + night);
        assertTrue(weekday > 2.5 * weekend, "Wednesday " + weekday + " Sunday " + weekend);
    }

    @Test
    void theSecondCustomerFilesAboutItsShareOnItsOwnClockInTashkent() {
        assertEquals(List.of(Arrivals.CUSTOMER + " " + KYIV, Arrivals.SECOND_CUSTOMER + " " + TASHKENT),
                CUSTOMERS.stream().map(c -> c.name() + " " + c.zone()).toList());
        int second = 0;
        int all = 0;
        int morningInTashkent = 0;
        for (Arrival a : Arrivals.generate(11, MONDAY, 7, KYIV, CUSTOMERS)) {
            all++;
            if (a.request().customer().equals(Arrivals.SECOND_CUSTOMER)) {
                second++;
                int hour = a.at().atZone(TASHKENT).getHour();
                morningInTashkent += hour >= 9 && hour < 12 ? 1 : 0;
                assertTrue(a.request().description().contains(String.format(" at %02d:", hour) + String.format("%02d",
                        a.at().atZone(TASHKENT).getMinute()) + " Asia/Tashkent"), a.request().description());
            }
        }
        assertEquals(0.3, (double) second / all, 0.05);
        assertTrue(morningInTashkent > second / 5, "Tashkent's morning peak: " + morningInTashkent + " of " + second);
    }

    @Test
    void onlyOrdinaryUsersCallAndEveryEmergencyIsCritical() {
        for (Arrival a : Arrivals.generate(9, MONDAY, 7, KYIV, CUSTOMERS)) {
            if (a.byPhone()) {
                assertEquals(RequesterTier.ORDINARY_USER, a.request().tier());
                assertEquals(RequestKind.CONSULTATION, a.request().kind());
            }
            if (a.request().kind() == RequestKind.EMERGENCY) {
                assertEquals(Severity.CRITICAL, a.request().severity());
            }
        }
    }

    @Test
    void poissonCountsHaveTheirMean() {
        SplittableRandom random = new SplittableRandom(1);
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += Arrivals.poisson(random, 4.5);
        }
        assertEquals(4.5, sum / 20_000.0, 0.05);
    }
}
