package io.slaflow.examples.simulation;

import io.slaflow.core.routing.SupportGroups;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many people each line of the simulated desk has, over both shifts: the early shift gets the odd
 * one out (five consultants are three early and two late). The lines are {@code consultants},
 * {@code analysts}, {@code programmers} and {@code duty}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Staffing staff = Staffing.parse("consultants=4,programmers=3");   // the others keep their defaults
 * Staffing whatIf = staff.plus("consultants", -1);
 * }</pre>
 */
public final class Staffing {

    /** The lines that take work, in display order. */
    public static final List<String> GROUPS = List.of(SupportGroups.CONSULTANTS, SupportGroups.ANALYSTS,
            SupportGroups.PROGRAMMERS, SupportGroups.DUTY);
    /** The most people one line may have. */
    public static final int MAX_PER_GROUP = 50;

    private static final Staffing DEFAULTS = of(5, 4, 2, 2);

    private final Map<String, Integer> counts;

    private Staffing(Map<String, Integer> counts) {
        List<String> problems = new ArrayList<>();
        counts.forEach((group, n) -> {
            if (n < 0 || n > MAX_PER_GROUP) {
                problems.add(group + ": must be from 0 to " + MAX_PER_GROUP + " (was " + n + ")");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid staffing: " + String.join("; ", problems));
        }
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * Returns a staffing.
     *
     * @param consultants online consultants, who take ordinary users' requests and calls
     * @param analysts analysts, who take key users' requests and changes found by consultants
     * @param programmers programmers, who take development handed over by analysts
     * @param duty duty specialists, who take emergencies
     * @return the staffing
     * @throws IllegalArgumentException if a count is below 0 or above {@value #MAX_PER_GROUP}
     */
    public static Staffing of(int consultants, int analysts, int programmers, int duty) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(SupportGroups.CONSULTANTS, consultants);
        counts.put(SupportGroups.ANALYSTS, analysts);
        counts.put(SupportGroups.PROGRAMMERS, programmers);
        counts.put(SupportGroups.DUTY, duty);
        return new Staffing(counts);
    }

    /** Returns the default desk: 5 consultants, 4 analysts, 2 programmers and 2 duty specialists. */
    public static Staffing defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a staffing such as {@code consultants=5,analysts=4,programmers=2,duty=2}; lines not named keep
     * their {@linkplain #defaults() defaults}.
     *
     * @param text comma-separated {@code group=count} pairs
     * @return the staffing
     * @throws IllegalArgumentException listing every unknown group, bad count or repeated group
     */
    public static Staffing parse(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>(DEFAULTS.counts);
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String pair : text.split(",", -1)) {
            String[] kv = pair.trim().split("=", -1);
            String group = kv[0].trim();
            if (kv.length != 2 || !GROUPS.contains(group)) {
                problems.add("'" + pair.trim() + "': expected group=count with group one of " + GROUPS);
            } else if (seen.contains(group)) {
                problems.add(group + ": named twice");
            } else {
                seen.add(group);
                try {
                    counts.put(group, Integer.parseInt(kv[1].trim()));
                } catch (NumberFormatException e) {
                    problems.add(group + ": count must be a whole number (was '" + kv[1].trim() + "')");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid staffing '" + text + "': " + String.join("; ", problems));
        }
        return new Staffing(counts);
    }

    /**
     * Returns how many people a line has.
     *
     * @param group one of {@link #GROUPS}
     * @return the count
     * @throws IllegalArgumentException if the group is not one of {@link #GROUPS}
     */
    public int count(String group) {
        Integer n = counts.get(group);
        if (n == null) {
            throw new IllegalArgumentException("unknown group '" + group + "' (known: " + GROUPS + ")");
        }
        return n;
    }

    /**
     * Returns this staffing with {@code delta} people more (or fewer) in one line.
     *
     * @param group one of {@link #GROUPS}
     * @param delta how many to add; negative to remove
     * @return the changed staffing
     * @throws IllegalArgumentException if the group is unknown or the count would leave 0 to
     *     {@value #MAX_PER_GROUP}
     */
    public Staffing plus(String group, int delta) {
        Map<String, Integer> changed = new LinkedHashMap<>(counts);
        changed.put(group, count(group) + delta);
        return new Staffing(changed);
    }

    /** Returns the counts per line, in the order of {@link #GROUPS}; unmodifiable. */
    public Map<String, Integer> asMap() {
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Staffing s && counts.equals(s.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    /** Returns the form {@link #parse} reads, e.g. {@code consultants=5,analysts=4,programmers=2,duty=2}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        counts.forEach((group, n) -> sb.append(sb.length() == 0 ? "" : ",").append(group).append('=').append(n));
        return sb.toString();
    }
}
