package io.slaflow.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The date of Easter Sunday, by the Western (Gregorian) or the Orthodox (Julian) computus, always
 * as a date of the Gregorian calendar that {@link LocalDate} uses. Immutable and thread-safe.
 */
public enum Easter {

    /** Easter of the Catholic and Protestant churches: the Gregorian computus. */
    WESTERN {
        @Override
        public LocalDate in(int year) {
            // The epact algorithm of Knuth (TAOCP vol. 1, 1.3.2, exercise 14).
            int golden = Math.floorMod(year, 19) + 1;
            int century = Math.floorDiv(year, 100) + 1;
            int skippedLeapDays = Math.floorDiv(3 * century, 4) - 12;
            int moonCorrection = Math.floorDiv(8 * century + 5, 25) - 5;
            int sundayKey = Math.floorDiv(5 * year, 4) - skippedLeapDays - 10;
            int epact = Math.floorMod(11 * golden + 20 + moonCorrection - skippedLeapDays, 30);
            if (epact == 25 && golden > 11 || epact == 24) {
                epact++;
            }
            int fullMoon = 44 - epact;
            if (fullMoon < 21) {
                fullMoon += 30;
            }
            int day = fullMoon + 7 - Math.floorMod(sundayKey + fullMoon, 7);
            return day > 31 ? LocalDate.of(year, 4, day - 31) : LocalDate.of(year, 3, day);
        }
    },

    /**
     * Easter of the Orthodox churches: the Julian computus (the Paschal full moon of the Metonic
     * cycle, on the Julian calendar), converted to the Gregorian date.
     */
    ORTHODOX {
        @Override
        public LocalDate in(int year) {
            int moonAge = Math.floorMod(19 * Math.floorMod(year, 19) + 15, 30);
            LocalDate paschalFullMoon = julianToGregorian(year, 3, 21).plusDays(moonAge);
            return paschalFullMoon.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        }
    };

    /** Days between the Julian day number 0 and 1970-01-01. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    /**
     * Returns Easter Sunday of {@code year}.
     *
     * @param year a year {@link LocalDate} can hold, less a few days either end
     * @return the Gregorian date of Easter Sunday
     */
    public abstract LocalDate in(int year);

    /** The Gregorian date of a date of the Julian calendar, through its Julian day number. */
    static LocalDate julianToGregorian(int year, int month, int day) {
        long a = (14 - month) / 12;
        long y = year + 4800L - a;
        long m = month + 12 * a - 3;
        long julianDay = day + (153 * m + 2) / 5 + 365 * y + Math.floorDiv(y, 4) - 32_083;
        return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH);
    }
}
