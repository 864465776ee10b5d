package io.slaflow.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Easter by both computuses against independent algorithms for 1900-2100 and against dates
 * checked by hand in published tables.
 */
class EasterTest {

    /** Meeus/Jones/Butcher, the "anonymous Gregorian algorithm": independent of Knuth's epact method. */
    static LocalDate meeusJonesButcher(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * Meeus's Julian algorithm gives the Julian date; the Julian calendar runs 13 days behind the
     * Gregorian from 1 March 1900 to 28 February 2100 and 14 days from then on.
     */
    static LocalDate meeusJulianShifted(int year) {
        int a = year % 4;
        int b = year % 7;
        int c = year % 19;
        int d = (19 * c + 15) % 30;
        int e = (2 * a + 4 * b - d + 34) % 7;
        int month = (d + e + 114) / 31;
        int day = (d + e + 114) % 31 + 1;
        int shift = year < 2100 ? 13 : 14;
        return LocalDate.of(year, month, 1).plusDays(day - 1 + shift);
    }

    @Test
    void westernMatchesMeeusJonesButcherFrom1900To2100() {
        for (int year = 1900; year <= 2100; year++) {
            assertEquals(meeusJonesButcher(year), Easter.WESTERN.in(year), "Western Easter " + year);
        }
    }

    @Test
    void westernMatchesMeeusJonesButcherOverTheWholeGregorianCycleOfExceptions() {
        for (int year = 1583; year <= 4099; year++) {
            assertEquals(meeusJonesButcher(year), Easter.WESTERN.in(year), "Western Easter " + year);
        }
    }

    @Test
    void orthodoxMatchesMeeusJulianPlusTheCalendarShiftFrom1900To2100() {
        for (int year = 1900; year <= 2100; year++) {
            assertEquals(meeusJulianShifted(year), Easter.ORTHODOX.in(year), "Orthodox Easter " + year);
        }
    }

    @Test
    void everyEasterIsASundayInItsWindow() {
        for (int year = 1900; year <= 2100; year++) {
            LocalDate western = Easter.WESTERN.in(year);
            LocalDate orthodox = Easter.ORTHODOX.in(year);
            assertEquals(DayOfWeek.SUNDAY, western.getDayOfWeek());
            assertEquals(DayOfWeek.SUNDAY, orthodox.getDayOfWeek());
            assertEquals(true, !western.isBefore(LocalDate.of(year, 3, 22)) && !western.isAfter(LocalDate.of(year, 4, 25)));
            assertEquals(true, !orthodox.isBefore(western), "Orthodox Easter is never before the Western " + year);
        }
    }

    /** Published dates, checked by hand. */
    @ParameterizedTest(name = "{0}: Western {1}, Orthodox {2}")
    @CsvSource({
        "1900, 1900-04-15, 1900-04-22",
        "1961, 1961-04-02, 1961-04-09",
        "2000, 2000-04-23, 2000-04-30",
        "2008, 2008-03-23, 2008-04-27",
        "2010, 2010-04-04, 2010-04-04",
        "2011, 2011-04-24, 2011-04-24",
        "2017, 2017-04-16, 2017-04-16",
        "2019, 2019-04-21, 2019-04-28",
        "2020, 2020-04-12, 2020-04-19",
        "2021, 2021-04-04, 2021-05-02",
        "2022, 2022-04-17, 2022-04-24",
        "2023, 2023-04-09, 2023-04-16",
        "2024, 2024-03-31, 2024-05-05",
        "2025, 2025-04-20, 2025-04-20",
        "2026, 2026-04-05, 2026-04-12",
        "2027, 2027-03-28, 2027-05-02",
        "2038, 2038-04-25, 2038-04-25",
    })
    void publishedDates(int year, LocalDate western, LocalDate orthodox) {
        assertEquals(western, Easter.WESTERN.in(year));
        assertEquals(orthodox, Easter.ORTHODOX.in(year));
    }

    @Test
    void julianToGregorianAcrossTheCenturyShift() {
        assertEquals(LocalDate.of(1582, 10, 15), Easter.julianToGregorian(1582, 10, 5));
        assertEquals(LocalDate.of(2100, 3, 13), Easter.julianToGregorian(2100, 2, 28));
        assertEquals(LocalDate.of(2100, 3, 14), Easter.julianToGregorian(2100, 2, 29));
    }
}
