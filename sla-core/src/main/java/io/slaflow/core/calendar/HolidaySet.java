package io.slaflow.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A country's production calendar as data: its holiday rules, the days off and working days its
 * government moved in given years, dates taken out, and whether the working day before a holiday
 * ends early. A calendar takes one with {@link WorkingCalendar.Builder#holidays(HolidaySet)} and
 * may add and remove dates of its own; the policy file writes {@code holidays: { set: KZ, plus:
 * [...], minus: [...] }}.
 *
 * <p>The bundled sets ({@link #BUNDLED}) are resource files {@code
 * io/slaflow/core/calendar/sets/<code>.yaml}, whose header says for which years they hold and the
 * source of each fact. Outside those years a set still applies its rules, but knows no moved days.
 *
 * <p>Immutable and thread-safe.
 */
public final class HolidaySet {

    /** The codes of the bundled sets: Kazakhstan, Russia, Ukraine. */
    public static final List<String> BUNDLED = List.of("KZ", "RU", "UA");

    private static final List<String> KEYS = List.of("code", "name", "years", "shortBeforeHolidays", "holidays",
            "daysOff", "workingDays", "minus");
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    private static final Map<String, HolidaySet> LOADED = new ConcurrentHashMap<>();

    private final String code;
    private final String name;
    private final String years;
    private final Duration shortBeforeHolidays;
    private final List<HolidayRule> rules;
    private final SortedSet<LocalDate> daysOff;
    private final SortedMap<LocalDate, LocalDate> workingDays;
    private final SortedSet<LocalDate> minus;

    private HolidaySet(String code, String name, String years, Duration shortBeforeHolidays, List<HolidayRule> rules,
            SortedSet<LocalDate> daysOff, SortedMap<LocalDate, LocalDate> workingDays, SortedSet<LocalDate> minus) {
        this.code = code;
        this.name = name;
        this.years = years;
        this.shortBeforeHolidays = shortBeforeHolidays;
        this.rules = List.copyOf(rules);
        this.daysOff = Collections.unmodifiableSortedSet(new TreeSet<>(daysOff));
        this.workingDays = Collections.unmodifiableSortedMap(new TreeMap<>(workingDays));
        this.minus = Collections.unmodifiableSortedSet(new TreeSet<>(minus));
    }

    /**
     * Returns a bundled set.
     *
     * @param code one of {@link #BUNDLED}, e.g. {@code KZ}
     * @return the set
     * @throws IllegalArgumentException if no set has that code
     */
    public static HolidaySet of(String code) {
        if (code == null || !BUNDLED.contains(code)) {
            throw new IllegalArgumentException("holiday set must be one of " + String.join(", ", BUNDLED)
                    + " (was " + (code == null ? "null" : "\"" + code + "\"") + ")");
        }
        return LOADED.computeIfAbsent(code, HolidaySet::load);
    }

    private static HolidaySet load(String code) {
        String resource = "sets/" + code + ".yaml";
        try (InputStream in = HolidaySet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled holiday set " + resource + " is missing from the jar");
            }
            return read(MAPPER.readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a set file; a bundled file is ours, so any mistake in it is a bug (IllegalStateException). */
    private static HolidaySet read(JsonNode root, String resource) {
        List<String> problems = new ArrayList<>();
        root.propertyNames().forEach(k -> {
            if (!KEYS.contains(k)) {
                problems.add(k + ": unknown key");
            }
        });
        List<HolidayRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode item : root.path("holidays")) {
            String at = "holidays[" + i++ + "]";
            Map<String, String> fields = new LinkedHashMap<>();
            item.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
            HolidayRule rule = HolidayRule.fromFields(fields, (key, message) -> problems.add(at + "." + key + ": " + message));
            if (rule != null) {
                rules.add(rule);
            }
        }
        SortedSet<LocalDate> daysOff = new TreeSet<>();
        root.path("daysOff").forEach(d -> daysOff.add(LocalDate.parse(d.asString())));
        SortedMap<LocalDate, LocalDate> workingDays = new TreeMap<>();
        root.path("workingDays").forEach(d -> workingDays.put(LocalDate.parse(d.get("date").asString()),
                LocalDate.parse(d.get("as").asString())));
        SortedSet<LocalDate> minus = new TreeSet<>();
        root.path("minus").forEach(d -> minus.add(LocalDate.parse(d.asString())));
        String shortening = root.path("shortBeforeHolidays").asString("PT0S");
        if (!problems.isEmpty()) {
            throw new IllegalStateException("bundled holiday set " + resource + " is broken: " + problems);
        }
        return new HolidaySet(root.path("code").asString(), root.path("name").asString(),
                root.path("years").asString(), Duration.parse(shortening), rules, daysOff, workingDays, minus);
    }

    /** Returns the set's code, e.g. {@code KZ}. */
    public String code() {
        return code;
    }

    /** Returns the country's name, in English. */
    public String name() {
        return name;
    }

    /** Returns which years the set holds for, in words (its file's header gives the sources). */
    public String years() {
        return years;
    }

    /** Returns how much earlier the working day before a holiday ends; zero when it does not. */
    public Duration shortBeforeHolidays() {
        return shortBeforeHolidays;
    }

    /** Returns the holiday rules, in the file's order. */
    public List<HolidayRule> rules() {
        return rules;
    }

    /** Returns the dates made days off by decree (transfers), in date order. */
    public SortedSet<LocalDate> daysOff() {
        return daysOff;
    }

    /**
     * Returns the dates made working by decree, each with the date whose hours it works (a Saturday
     * working in place of the Monday made a day off works that Monday's hours).
     *
     * @return an unmodifiable map from the working date to the date it stands in for
     */
    public SortedMap<LocalDate, LocalDate> workingDays() {
        return workingDays;
    }

    /** Returns dates the rules would make days off but are not (a move the decree cancelled). */
    public SortedSet<LocalDate> minus() {
        return minus;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof HolidaySet s && code.equals(s.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** Returns the code, e.g. {@code KZ}, as the policy file names the set. */
    @Override
    public String toString() {
        return code.toUpperCase(Locale.ROOT);
    }
}
