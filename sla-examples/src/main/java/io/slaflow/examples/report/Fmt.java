package io.slaflow.examples.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** How the report writes numbers, durations and times; locale-independent. */
final class Fmt {

    static final String NONE = "\u2013";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm 'UTC'xxx",
            Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private Fmt() {
    }

    /** Formats a share from 0 to 1 as a percentage with one decimal, e.g. {@code 87.5 %}; a dash when empty. */
    static String percent(OptionalDouble share) {
        return share.isPresent() ? decimal(share.getAsDouble() * 100, 1) + " %" : NONE;
    }

    /** Formats a number with at most {@code scale} decimals, no trailing zeros. */
    static String decimal(double value, int scale) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** Formats working time to the minute, e.g. {@code 45 min}, {@code 2 h 05 min}, {@code 26 h}. */
    static String duration(Duration d) {
        long minutes = d.plusSeconds(30).toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return m == 0 ? h + " h" : String.format(Locale.ROOT, "%d h %02d min", h, m);
    }

    /** Formats optional working time; a dash when empty. */
    static String duration(Optional<Duration> d) {
        return d.map(Fmt::duration).orElse(NONE);
    }

    /** Formats an axis value given in hours: {@code 0}, {@code 30 min}, {@code 1.5 h}. */
    static String hours(double hours) {
        if (hours == 0) {
            return "0";
        }
        return hours < 1 ? decimal(hours * 60, 0) + " min" : decimal(hours, 2) + " h";
    }

    /** Formats an instant in a zone as {@code Mon 09 Mar 14:05}. */
    static String dateTime(Instant t, ZoneId zone) {
        return DATE_TIME.format(t.atZone(zone));
    }

    /** Formats an instant in a zone as {@code Mon 2026-03-09 14:05}. */
    static String fullDateTime(Instant t, ZoneId zone) {
        return FULL.format(t.atZone(zone));
    }

    /** Formats an instant in a zone with the zone's UTC offset then, as {@code Tue 24 Mar 08:12 UTC+05:00}. */
    static String zonedDateTime(Instant t, ZoneId zone) {
        return ZONED.format(t.atZone(zone));
    }

    /** Formats an instant's date in a zone as {@code Mon 9 Mar}. */
    static String day(Instant t, ZoneId zone) {
        return DAY.format(t.atZone(zone));
    }

    /** Writes an enum constant as words: {@code NON_CRITICAL} becomes {@code non-critical}. */
    static String words(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace("_user", " user").replace('_', '-');
    }
}
