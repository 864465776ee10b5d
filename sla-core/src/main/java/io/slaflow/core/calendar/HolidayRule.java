package io.slaflow.core.calendar;

import io.slaflow.core.internal.YamlText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A holiday that recurs by a rule: a month and day every year (or a run of such days), the nth or
 * last weekday of a month, a number of days from Easter (Western or Orthodox), or a run of dates
 * once. A rule may be valid from or until a year, and says what happens when its day falls on a day
 * off of the calendar (a weekday without weekly shifts): {@linkplain OnDayOff#NOTHING nothing}, or
 * the {@linkplain OnDayOff#NEXT_WORKING_DAY next working day} is off instead.
 *
 * <p>A calendar evaluates its rules per year, when it builds that year's working intervals, so
 * rules cost nothing on the queries themselves.
 *
 * <p>{@link #toString()} gives the rule in the policy file's form, e.g. {@code { easter: ORTHODOX,
 * offset: 49, name: "Trinity", onDayOff: NEXT_WORKING_DAY }}, which the policy file reads back.
 *
 * <p>Immutable and thread-safe; every factory and {@code with} method checks its values.
 */
public final class HolidayRule {

    /** What happens when a holiday falls on a day off of the calendar. */
    public enum OnDayOff {
        /** Nothing: the holiday is lost for that year. */
        NOTHING,
        /**
         * The next working day after it (a weekday with weekly shifts that is not a holiday, a day
         * off or already taken by another moved holiday) is off instead.
         */
        NEXT_WORKING_DAY
    }

    /** The highest nth weekday of a month; -1 stands for the last. */
    public static final int MAX_NTH = 5;
    /** The most days a rule may lie from Easter, either way. */
    public static final int MAX_EASTER_OFFSET = 200;
    /** The longest run of days a rule may name. */
    public static final int MAX_RUN_DAYS = 366;

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private enum Kind { FIXED, NTH_WEEKDAY, EASTER, DATES }

    private final Kind kind;
    private final MonthDay firstDay;
    private final MonthDay lastDay;
    private final int nth;
    private final DayOfWeek weekday;
    private final Month month;
    private final Easter easter;
    private final int offset;
    private final LocalDate firstDate;
    private final LocalDate lastDate;
    private final String name;
    private final Integer fromYear;
    private final Integer untilYear;
    private final OnDayOff onDayOff;

    private HolidayRule(Kind kind, MonthDay firstDay, MonthDay lastDay, int nth, DayOfWeek weekday, Month month,
            Easter easter, int offset, LocalDate firstDate, LocalDate lastDate, String name, Integer fromYear,
            Integer untilYear, OnDayOff onDayOff) {
        this.kind = kind;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.nth = nth;
        this.weekday = weekday;
        this.month = month;
        this.easter = easter;
        this.offset = offset;
        this.firstDate = firstDate;
        this.lastDate = lastDate;
        this.name = Objects.requireNonNull(name, "name");
        this.fromYear = fromYear;
        this.untilYear = untilYear;
        this.onDayOff = Objects.requireNonNull(onDayOff, "onDayOff");
        if (fromYear != null && untilYear != null && fromYear > untilYear) {
            throw new IllegalArgumentException("fromYear must not be after untilYear (was " + fromYear + " > "
                    + untilYear + ")");
        }
    }

    /**
     * The same day every year, e.g. {@code fixed(MonthDay.of(1, 7))}; February 29 only in leap years.
     *
     * @param day the month and day
     * @return the rule, named by its date until {@link #named} names it
     * @throws NullPointerException if {@code day} is null
     */
    public static HolidayRule fixed(MonthDay day) {
        return fixedRange(day, day);
    }

    /**
     * A run of days every year, from {@code first} through {@code last} inclusive, e.g. January 1
     * through 6; it may not run over New Year.
     *
     * @param first the first day
     * @param last the last day, not before {@code first}
     * @return the rule
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     * @throws NullPointerException if an argument is null
     */
    public static HolidayRule fixedRange(MonthDay first, MonthDay last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("through must not be before the first day (was " + format(first)
                    + " through " + format(last) + "); a run may not cross New Year, use two rules");
        }
        String name = first.equals(last) ? format(first) : format(first) + " through " + format(last);
        return new HolidayRule(Kind.FIXED, first, last, 0, null, null, null, 0, null, null, name, null, null,
                OnDayOff.NOTHING);
    }

    /**
     * The nth weekday of a month ({@code 1} to {@value #MAX_NTH}), or its last ({@code -1}): e.g.
     * the second Monday of October. A fifth weekday that a month lacks gives no date that year.
     *
     * @param nth 1 to 5, or -1 for the last
     * @param weekday the weekday
     * @param month the month
     * @return the rule
     * @throws IllegalArgumentException if {@code nth} is out of range
     * @throws NullPointerException if {@code weekday} or {@code month} is null
     */
    public static HolidayRule nthWeekday(int nth, DayOfWeek weekday, Month month) {
        String problem = nthProblem(nth);
        if (problem != null) {
            throw new IllegalArgumentException("nth: " + problem);
        }
        Objects.requireNonNull(weekday, "weekday");
        Objects.requireNonNull(month, "month");
        return new HolidayRule(Kind.NTH_WEEKDAY, null, null, nth, weekday, month, null, 0, null, null,
                (nth == -1 ? "last" : "nth " + nth) + " " + weekday + " of " + month, null, null, OnDayOff.NOTHING);
    }

    /**
     * The day {@code offsetDays} from Easter Sunday: {@code 0} Easter itself, {@code 1} Easter
     * Monday, {@code -2} Good Friday, {@code 49} Pentecost (Trinity).
     *
     * @param easter which computus
     * @param offsetDays days after Easter (negative: before), at most {@value #MAX_EASTER_OFFSET} either way
     * @return the rule
     * @throws IllegalArgumentException if the offset is out of range
     * @throws NullPointerException if {@code easter} is null
     */
    public static HolidayRule easter(Easter easter, int offsetDays) {
        Objects.requireNonNull(easter, "easter");
        String problem = offsetProblem(offsetDays);
        if (problem != null) {
            throw new IllegalArgumentException("offset: " + problem);
        }
        return new HolidayRule(Kind.EASTER, null, null, 0, null, null, easter, offsetDays, null, null,
                easter + " Easter " + (offsetDays >= 0 ? "+" : "") + offsetDays, null, null, OnDayOff.NOTHING);
    }

    /**
     * A run of dates once, {@code first} through {@code last} inclusive (a one-off holiday by decree).
     *
     * @param first the first date
     * @param last the last date, not before {@code first} and at most {@value #MAX_RUN_DAYS} days after
     * @return the rule
     * @throws IllegalArgumentException if {@code last} is before {@code first} or too far after it
     * @throws NullPointerException if an argument is null
     */
    public static HolidayRule dates(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first) || last.isAfter(first.plusDays(MAX_RUN_DAYS - 1))) {
            throw new IllegalArgumentException("through must be from the first date to " + MAX_RUN_DAYS
                    + " days on (was " + first + " through " + last + ")");
        }
        return new HolidayRule(Kind.DATES, null, null, 0, null, null, null, 0, first, last,
                first.equals(last) ? first.toString() : first + " through " + last, null, null, OnDayOff.NOTHING);
    }

    /** The keys {@link #fromFields} reads, in the order the policy file writes them. */
    public static final List<String> KEYS = List.of("fixed", "nth", "weekday", "month", "easter", "offset", "date",
            "through", "name", "fromYear", "untilYear", "onDayOff");

    /**
     * Reads a rule from the scalar fields of its policy-file form (see {@link #toString()}): exactly
     * one of {@code fixed} ({@code "MM-dd"}, optional {@code through}), {@code nth} (with {@code
     * weekday} MON..SUN and {@code month} 1..12), {@code easter} (WESTERN or ORTHODOX, optional
     * {@code offset} in days) or {@code date} (optional {@code through}); and optionally {@code
     * name}, {@code fromYear}, {@code untilYear}, {@code onDayOff} (NOTHING or NEXT_WORKING_DAY).
     *
     * @param fields the key and text of each field given; keys outside {@link #KEYS} are ignored
     * @param problems receives the key of each bad field ({@code ""} for the rule as a whole) and what is wrong
     * @return the rule, or null when a problem was reported
     */
    public static HolidayRule fromFields(Map<String, String> fields, BiConsumer<String, String> problems) {
        return new FieldReader(fields, problems).read();
    }

    /** Returns why {@code nth} is refused, or null: {@code must be 1 to 5 or -1 (was 6)}. */
    public static String nthProblem(int nth) {
        return nth >= 1 && nth <= MAX_NTH || nth == -1 ? null
                : "must be 1 to " + MAX_NTH + " or -1 (was " + nth + ")";
    }

    /** Returns why an Easter offset is refused, or null. */
    public static String offsetProblem(int offsetDays) {
        return Math.abs(offsetDays) <= MAX_EASTER_OFFSET ? null
                : "must be -" + MAX_EASTER_OFFSET + " to " + MAX_EASTER_OFFSET + " days (was " + offsetDays + ")";
    }

    /**
     * Returns this rule with a name, shown in {@link WorkingCalendar#holidaysIn} and exported to ICS.
     *
     * @param name a non-blank name, e.g. {@code Independence Day}
     * @return a copy with the name
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public HolidayRule named(String name) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return new HolidayRule(kind, firstDay, lastDay, nth, weekday, month, easter, offset, firstDate, lastDate,
                name, fromYear, untilYear, onDayOff);
    }

    /**
     * Returns this rule valid from {@code year} on (inclusive).
     *
     * @param year the first year the rule gives a holiday
     * @return a copy
     * @throws IllegalArgumentException if {@code year} is after {@link #untilYear()}
     */
    public HolidayRule fromYear(int year) {
        return new HolidayRule(kind, firstDay, lastDay, nth, weekday, month, easter, offset, firstDate, lastDate,
                name, year, untilYear, onDayOff);
    }

    /**
     * Returns this rule valid until {@code year} (inclusive).
     *
     * @param year the last year the rule gives a holiday
     * @return a copy
     * @throws IllegalArgumentException if {@code year} is before {@link #fromYear()}
     */
    public HolidayRule untilYear(int year) {
        return new HolidayRule(kind, firstDay, lastDay, nth, weekday, month, easter, offset, firstDate, lastDate,
                name, fromYear, year, onDayOff);
    }

    /**
     * Returns this rule with what happens when it falls on a day off; the default is {@link OnDayOff#NOTHING}.
     *
     * @param onDayOff nothing, or the next working day is off instead
     * @return a copy
     * @throws NullPointerException if {@code onDayOff} is null
     */
    public HolidayRule onDayOff(OnDayOff onDayOff) {
        return new HolidayRule(kind, firstDay, lastDay, nth, weekday, month, easter, offset, firstDate, lastDate,
                name, fromYear, untilYear, onDayOff);
    }

    /** Returns the rule's name. */
    public String name() {
        return name;
    }

    /** Returns the first year the rule is valid, or null when it has no start. */
    public Integer fromYear() {
        return fromYear;
    }

    /** Returns the last year the rule is valid, or null when it has no end. */
    public Integer untilYear() {
        return untilYear;
    }

    /** Returns what happens when the holiday falls on a day off. */
    public OnDayOff onDayOff() {
        return onDayOff;
    }

    /**
     * Returns the holidays this rule gives in {@code year}, in date order, before any moving.
     *
     * @param year the year
     * @return the dates; empty outside the rule's validity or when the year has no such day
     */
    public List<LocalDate> datesIn(int year) {
        if (fromYear != null && year < fromYear || untilYear != null && year > untilYear) {
            return List.of();
        }
        return switch (kind) {
            case FIXED -> fixedDates(year);
            case NTH_WEEKDAY -> nthWeekdayDate(year);
            case EASTER -> easterDate(year);
            case DATES -> runIn(firstDate, lastDate, year);
        };
    }

    private List<LocalDate> fixedDates(int year) {
        // February 29 begins a run on March 1 in a common year, and ends one on February 28.
        LocalDate first = firstDay.isValidYear(year) ? firstDay.atYear(year) : LocalDate.of(year, 3, 1);
        LocalDate last = lastDay.atYear(year);
        if (first.equals(last)) {
            return List.of(first);
        }
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }

    /**
     * Easter plus the offset; none in the few years at the ends of {@link LocalDate}'s range where
     * the computus leaves it (the Julian calendar drifts a day every 128 years or so).
     */
    private List<LocalDate> easterDate(int year) {
        try {
            LocalDate sunday = easter.in(year);
            return sunday.getYear() == year ? List.of(sunday.plusDays(offset)) : List.of();
        } catch (java.time.DateTimeException e) {
            return List.of();
        }
    }

    private List<LocalDate> nthWeekdayDate(int year) {
        LocalDate first = LocalDate.of(year, month, 1);
        if (nth == -1) {
            return List.of(first.with(TemporalAdjusters.lastInMonth(weekday)));
        }
        LocalDate d = first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
        return d.getMonth() == month ? List.of(d) : List.of();
    }

    private static List<LocalDate> runIn(LocalDate first, LocalDate last, int year) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getYear() == year) {
                out.add(d);
            }
        }
        return out;
    }

    private static String format(MonthDay day) {
        return MONTH_DAY.format(day);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof HolidayRule r && toString().equals(r.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /**
     * Returns the rule in the policy file's flow form, which the file reads back.
     *
     * @return e.g. {@code { nth: 2, weekday: MON, month: 10, name: "Thanksgiving" }}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{ ");
        switch (kind) {
            case FIXED -> {
                sb.append("fixed: \"").append(format(firstDay)).append('"');
                if (!lastDay.equals(firstDay)) {
                    sb.append(", through: \"").append(format(lastDay)).append('"');
                }
            }
            case NTH_WEEKDAY -> sb.append("nth: ").append(nth).append(", weekday: ")
                    .append(weekday.name(), 0, 3).append(", month: ").append(month.getValue());
            case EASTER -> sb.append("easter: ").append(easter).append(", offset: ").append(offset);
            case DATES -> {
                sb.append("date: ").append(firstDate);
                if (!lastDate.equals(firstDate)) {
                    sb.append(", through: ").append(lastDate);
                }
            }
        }
        sb.append(", name: ").append(YamlText.quoted(name));
        if (fromYear != null) {
            sb.append(", fromYear: ").append(fromYear);
        }
        if (untilYear != null) {
            sb.append(", untilYear: ").append(untilYear);
        }
        if (onDayOff != OnDayOff.NOTHING) {
            sb.append(", onDayOff: ").append(onDayOff);
        }
        return sb.append(" }").toString();
    }

    /** Reads {@link #fromFields}; one instance per rule. */
    private static final class FieldReader {

        private static final List<String> KINDS = List.of("fixed", "nth", "easter", "date");
        private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE",
                DayOfWeek.TUESDAY, "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY,
                "SAT", DayOfWeek.SATURDAY, "SUN", DayOfWeek.SUNDAY);

        private final Map<String, String> fields;
        private final BiConsumer<String, String> problems;
        private boolean failed;

        FieldReader(Map<String, String> fields, BiConsumer<String, String> problems) {
            this.fields = fields;
            this.problems = problems;
        }

        HolidayRule read() {
            List<String> kinds = KINDS.stream().filter(fields::containsKey).toList();
            if (kinds.size() != 1) {
                problem("", "must name exactly one of fixed, nth, easter, date (was "
                        + (kinds.isEmpty() ? "none" : String.join(", ", kinds)) + ")");
                return null;
            }
            String kind = kinds.get(0);
            allowOnly(switch (kind) {
                case "fixed", "date" -> List.of("through");
                case "nth" -> List.of("weekday", "month");
                default -> List.of("offset");
            }, kind);
            HolidayRule rule = switch (kind) {
                case "fixed" -> fixed();
                case "nth" -> nth();
                case "easter" -> easter();
                default -> dates();
            };
            String name = fields.get("name");
            if (name != null && name.isBlank()) {
                problem("name", "must not be blank");
            }
            Integer from = year("fromYear");
            Integer until = year("untilYear");
            if (from != null && until != null && from > until) {
                problem("untilYear", "must not be before fromYear " + from + " (was " + until + ")");
            }
            OnDayOff onDayOff = OnDayOff.NOTHING;
            String how = fields.get("onDayOff");
            if (how != null) {
                try {
                    onDayOff = OnDayOff.valueOf(how);
                } catch (IllegalArgumentException e) {
                    problem("onDayOff", "must be NOTHING or NEXT_WORKING_DAY (was \"" + how + "\")");
                }
            }
            if (failed || rule == null) {
                return null;
            }
            rule = rule.onDayOff(onDayOff);
            rule = name == null ? rule : rule.named(name);
            rule = from == null ? rule : rule.fromYear(from);
            return until == null ? rule : rule.untilYear(until);
        }

        private void allowOnly(List<String> own, String kind) {
            for (String key : List.of("through", "weekday", "month", "offset")) {
                if (fields.containsKey(key) && !own.contains(key)) {
                    problem(key, "does not go with " + kind + "; " + kind + " takes "
                            + (own.isEmpty() ? "no other date key" : String.join(", ", own)));
                }
            }
        }

        private HolidayRule fixed() {
            MonthDay first = monthDay("fixed");
            MonthDay last = fields.containsKey("through") ? monthDay("through") : first;
            if (first == null || last == null) {
                return null;
            }
            if (last.isBefore(first)) {
                problem("through", "must not be before fixed " + format(first) + " (was " + format(last)
                        + "); a run may not cross New Year, write two rules");
                return null;
            }
            return fixedRange(first, last);
        }

        private HolidayRule nth() {
            Integer nth = integer("nth");
            if (nth != null && nthProblem(nth) != null) {
                problem("nth", nthProblem(nth));
                nth = null;
            }
            DayOfWeek weekday = null;
            String day = fields.get("weekday");
            if (day == null) {
                problem("weekday", "is required with nth; give one of MON, TUE, WED, THU, FRI, SAT, SUN");
            } else if ((weekday = WEEKDAYS.get(day)) == null) {
                problem("weekday", "must be one of MON, TUE, WED, THU, FRI, SAT, SUN (was \"" + day + "\")");
            }
            Month month = null;
            if (!fields.containsKey("month")) {
                problem("month", "is required with nth; give 1 to 12");
            } else {
                Integer m = integer("month");
                if (m != null && (m < 1 || m > 12)) {
                    problem("month", "must be 1 to 12 (was " + m + ")");
                } else if (m != null) {
                    month = Month.of(m);
                }
            }
            return nth == null || weekday == null || month == null ? null : nthWeekday(nth, weekday, month);
        }

        private HolidayRule easter() {
            Easter which = null;
            String text = fields.get("easter");
            try {
                which = Easter.valueOf(text);
            } catch (IllegalArgumentException e) {
                problem("easter", "must be WESTERN or ORTHODOX (was \"" + text + "\")");
            }
            Integer offset = fields.containsKey("offset") ? integer("offset") : Integer.valueOf(0);
            if (offset != null && offsetProblem(offset) != null) {
                problem("offset", offsetProblem(offset));
                offset = null;
            }
            return which == null || offset == null ? null : HolidayRule.easter(which, offset);
        }

        private HolidayRule dates() {
            LocalDate first = date("date");
            LocalDate last = fields.containsKey("through") ? date("through") : first;
            if (first == null || last == null) {
                return null;
            }
            if (last.isBefore(first) || last.isAfter(first.plusDays(MAX_RUN_DAYS - 1))) {
                problem("through", "must be from date " + first + " to " + MAX_RUN_DAYS + " days on (was " + last + ")");
                return null;
            }
            return HolidayRule.dates(first, last);
        }

        private MonthDay monthDay(String key) {
            String text = fields.get(key);
            try {
                return MonthDay.parse(text.startsWith("--") ? text : "--" + text);
            } catch (java.time.DateTimeException e) {
                problem(key, "must be a month and day such as \"01-07\" (was \"" + text + "\")");
                return null;
            }
        }

        private LocalDate date(String key) {
            String text = fields.get(key);
            try {
                return LocalDate.parse(text);
            } catch (java.time.DateTimeException e) {
                problem(key, "must be a date such as 2026-01-01 (was \"" + text + "\")");
                return null;
            }
        }

        private Integer year(String key) {
            Integer year = fields.containsKey(key) ? integer(key) : null;
            if (year != null && (year < -999_999_999 || year > 999_999_999)) {
                problem(key, "must be a year LocalDate can hold (was " + year + ")");
                return null;
            }
            return year;
        }

        private Integer integer(String key) {
            String text = fields.get(key);
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                problem(key, "must be a whole number (was \"" + text + "\")");
                return null;
            }
        }

        private void problem(String key, String message) {
            failed = true;
            problems.accept(key, message);
        }
    }
}
