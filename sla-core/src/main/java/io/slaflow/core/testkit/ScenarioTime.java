package io.slaflow.core.testkit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;

/** Reads and writes a scenario's times as wall-clock date-times in its zone. */
final class ScenarioTime {

    private ScenarioTime() {
    }

    /**
     * Reads {@code text}, an ISO local date-time such as {@code 2026-03-07T09:30}, in {@code zone}. A
     * time in a DST gap moves forward by the gap; in an overlap the earlier offset is taken.
     */
    static Instant parse(String text, ZoneId zone) {
        if (text == null) {
            throw new IllegalArgumentException("time must not be null; write it like 2026-03-07T09:30 (" + zone + ")");
        }
        try {
            return ZonedDateTime.ofLocal(LocalDateTime.parse(text), zone, null).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time \"" + text + "\" is not a local date-time like 2026-03-07T09:30 ("
                    + zone + ")", e);
        }
    }

    /** Writes {@code t} as in {@link #parse}, with the day of the week: {@code 2026-03-07T09:30 (Sat)}. */
    static String format(Instant t, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        return local + " (" + local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
    }
}
