package io.slaflow.core.calendar.ics;

import io.slaflow.core.calendar.WorkingCalendar;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Reads holidays from an ICS (RFC 5545) feed, as published by governments, Google Calendar or
 * Outlook, and writes a calendar's effective holidays as one, so a desk can subscribe to them or
 * review them in a calendar program.
 *
 * <p>Reading takes every {@code VEVENT}: an all-day event ({@code DTSTART;VALUE=DATE}) gives every
 * date from its start to its {@code DTEND} (exclusive; one day without one); an event with a time
 * gives the dates its time covers as written; recurring events ({@code RRULE}, {@code RDATE},
 * {@code EXDATE}) are expanded for the years asked. Writing gives one all-day, transparent event per
 * day off of {@link WorkingCalendar#holidaysIn}, named as there, with a stable {@code UID}; reading
 * that text back gives the same dates and names.
 *
 * <pre>{@code
 * WorkingCalendar.Builder office = WorkingCalendar.builder(ZoneId.of("Europe/Kyiv")).shifts(...);
 * IcsHolidays.read(Files.readString(Path.of("holidays.ics")), 2026, 2027).keySet().forEach(office::holiday);
 * }</pre>
 *
 * <p>Needs {@code org.mnode.ical4j:ical4j} on the class path (an optional dependency of sla-core).
 * Stateless and thread-safe.
 */
public final class IcsHolidays {

    /** The {@code PRODID} of written calendars. */
    public static final String PRODUCT_ID = "-//slaflow//holidays//EN";

    private IcsHolidays() {
    }

    /**
     * Reads the holidays of {@code ics} that fall in the years {@code fromYear} to {@code toYear}.
     *
     * @param ics the text of an iCalendar file
     * @param fromYear the first year
     * @param toYear the last year, not before {@code fromYear}
     * @return each date with its event's {@code SUMMARY} (or {@code "holiday"}), in date order; where
     *     events overlap, the first one read names the date
     * @throws IllegalArgumentException if the text is not iCalendar (naming the line), or the years are reversed
     */
    public static SortedMap<LocalDate, String> read(String ics, int fromYear, int toYear) {
        Objects.requireNonNull(ics, "ics");
        if (toYear < fromYear) {
            throw new IllegalArgumentException("toYear must not be before fromYear (was " + fromYear + " to " + toYear + ")");
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw new IllegalArgumentException("ICS line " + e.getLineNo() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate first = LocalDate.of(fromYear, 1, 1);
        LocalDate end = LocalDate.of(toYear, 12, 31).plusDays(1);
        SortedMap<LocalDate, String> out = new TreeMap<>();
        for (CalendarComponent c : calendar.<CalendarComponent>getComponents()) {
            if (c instanceof VEvent event) {
                String name = event.<Summary>getProperty(Property.SUMMARY).map(Summary::getValue)
                        .filter(s -> !s.isBlank()).orElse("holiday");
                for (LocalDate[] span : occurrences(event, first, end)) {
                    for (LocalDate d = span[0]; d.isBefore(span[1]); d = d.plusDays(1)) {
                        if (!d.isBefore(first) && d.isBefore(end)) {
                            out.putIfAbsent(d, name);
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Each occurrence of {@code event} meeting {@code [first, end)}, as local dates {@code [from, to)}. */
    private static java.util.List<LocalDate[]> occurrences(VEvent event, LocalDate first, LocalDate end) {
        Optional<DtStart<Temporal>> start = event.getStartDate();
        if (start.isEmpty()) {
            return java.util.List.of();
        }
        Temporal value = start.get().getDate();
        Period<? extends Temporal> range;
        if (value instanceof LocalDate) {
            range = new Period<>(first.minusDays(366), end.plusDays(1));
        } else if (value instanceof LocalDateTime) {
            range = new Period<>(first.minusDays(366).atStartOfDay(), end.plusDays(1).atStartOfDay());
        } else {
            range = new Period<>(first.minusDays(366).atStartOfDay(ZoneOffset.UTC), end.plusDays(1).atStartOfDay(ZoneOffset.UTC));
        }
        Set<Period<Temporal>> periods = event.calculateRecurrenceSet(range);
        java.util.List<LocalDate[]> out = new java.util.ArrayList<>();
        for (Period<Temporal> p : periods) {
            LocalDate from = dateOf(p.getStart());
            LocalDate to = p.getEnd() == null ? from.plusDays(1) : endDateOf(p.getEnd());
            out.add(new LocalDate[] {from, to.isAfter(from) ? to : from.plusDays(1)});
        }
        return out;
    }

    private static LocalDate dateOf(Temporal t) {
        if (t instanceof LocalDate d) {
            return d;
        }
        if (t instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (t instanceof ZonedDateTime z) {
            return z.toLocalDate();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toLocalDate();
        }
        return LocalDate.from(t);
    }

    /** The first date not covered by an event ending at {@code t} (exclusive end). */
    private static LocalDate endDateOf(Temporal t) {
        if (t instanceof LocalDate d) {
            return d;
        }
        LocalDate date = dateOf(t);
        LocalDateTime local = t instanceof LocalDateTime dt ? dt
                : t instanceof ZonedDateTime z ? z.toLocalDateTime()
                : t instanceof OffsetDateTime o ? o.toLocalDateTime() : date.atStartOfDay();
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? date : date.plusDays(1);
    }

    /**
     * Writes the effective days off of {@code calendar} in the years {@code fromYear} to {@code
     * toYear} ({@link WorkingCalendar#holidaysIn}) as an iCalendar file.
     *
     * @param calendar the calendar
     * @param fromYear the first year
     * @param toYear the last year, from {@code fromYear} to {@code fromYear + 1000}
     * @param clock gives the {@code DTSTAMP} of the events
     * @return the text, lines ending in CRLF as RFC 5545 says
     * @throws IllegalArgumentException if the years are reversed or too many
     */
    public static String write(WorkingCalendar calendar, int fromYear, int toYear, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        SortedMap<LocalDate, String> days = calendar.holidaysIn(fromYear, toYear);
        Calendar ics = new Calendar();
        ics.add(new ProdId(PRODUCT_ID));
        ics.add(ImmutableVersion.VERSION_2_0);
        ics.add(ImmutableCalScale.GREGORIAN);
        DtStamp stamp = new DtStamp(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        for (Map.Entry<LocalDate, String> day : days.entrySet()) {
            VEvent event = new VEvent(false);
            event.add(stamp);
            event.add(new Uid(day.getKey() + "@holidays.slaflow.io"));
            event.add(new DtStart<>(day.getKey()));
            event.add(new DtEnd<>(day.getKey().plusDays(1)));
            event.add(new Summary(day.getValue()));
            event.add(new Transp(Transp.VALUE_TRANSPARENT));
            ics.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(ics, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("ical4j refused the calendar it was given: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
