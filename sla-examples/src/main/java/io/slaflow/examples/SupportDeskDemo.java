package io.slaflow.examples;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;

/**
 * The README's Quick start: prints SLA due dates for a few requests on a two-shift support calendar.
 */
public final class SupportDeskDemo {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z");

    private SupportDeskDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        WorkingCalendar office = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
                .holiday(LocalDate.of(2026, 3, 9))
                .build();
        System.out.println("Support desk calendar: every day 08:00-22:00 Europe/Kyiv, holiday 2026-03-09");
        System.out.printf("%-34s %-10s %-26s %-26s%n", "request filed", "target", "response due", "resolution due");
        print(office, ZonedDateTime.of(2026, 3, 6, 21, 30, 0, 0, KYIV), "critical", Duration.ofHours(2), Duration.ofHours(8));
        print(office, ZonedDateTime.of(2026, 3, 7, 23, 15, 0, 0, KYIV), "non-crit.", Duration.ofHours(4), Duration.ofHours(24));
        print(office, ZonedDateTime.of(2026, 3, 8, 20, 0, 0, 0, KYIV), "critical", Duration.ofHours(2), Duration.ofHours(8));
        print(office, ZonedDateTime.of(2026, 3, 28, 21, 0, 0, 0, KYIV), "non-crit.", Duration.ofHours(4), Duration.ofHours(24));
    }

    private static void print(WorkingCalendar calendar, ZonedDateTime filed, String severity,
            Duration response, Duration resolution) {
        Instant at = filed.toInstant();
        System.out.printf("%-34s %-10s %-26s %-26s%n", FORMAT.format(filed), severity,
                FORMAT.format(calendar.addWorkingTime(at, response).atZone(KYIV)),
                FORMAT.format(calendar.addWorkingTime(at, resolution).atZone(KYIV)));
    }
}
