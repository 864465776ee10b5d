package io.slaflow.examples.simulation;

import java.util.Locale;

/**
 * A capacity what-if: the baseline staffing with people added to or taken from one line, such as one
 * consultant fewer. Immutable and thread-safe.
 *
 * @param group the line, one of {@link Staffing#GROUPS}
 * @param delta how many people more (positive) or fewer (negative); not zero
 */
public record StaffChange(String group, int delta) {

    /** One consultant fewer. */
    public static final StaffChange ONE_CONSULTANT_FEWER = new StaffChange("consultants", -1);
    /** One programmer more. */
    public static final StaffChange ONE_PROGRAMMER_MORE = new StaffChange("programmers", 1);

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the group is unknown or the delta is zero
     */
    public StaffChange {
        if (!Staffing.GROUPS.contains(group) || delta == 0) {
            throw new IllegalArgumentException("Invalid staff change: group must be one of " + Staffing.GROUPS
                    + " (was " + group + ") and delta not zero (was " + delta + ")");
        }
    }

    /**
     * Returns the staffing with this change.
     *
     * @param baseline the staffing to change
     * @return the changed staffing
     * @throws IllegalArgumentException if a line would have fewer than 0 people
     */
    public Staffing applyTo(Staffing baseline) {
        return baseline.plus(group, delta);
    }

    /** Returns the scenario's name, e.g. {@code one consultant fewer} or {@code two programmers more}. */
    public String name() {
        int n = Math.abs(delta);
        String number = n <= 3 ? new String[] {"", "one", "two", "three"}[n] : String.valueOf(n);
        String people = "duty".equals(group) ? "duty specialists" : group;
        String person = people.substring(0, people.length() - 1);
        return number + " " + (n == 1 ? person : people) + (delta > 0 ? " more" : " fewer");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
