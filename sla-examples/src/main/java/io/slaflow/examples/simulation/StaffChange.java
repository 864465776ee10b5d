package io.slaflow.examples.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capacity what-if: the baseline staffing with people added to or taken from one line, such as one
 * consultant fewer. Immutable and thread-safe.
 *
 * @param group the line, one of {@link Staffing#GROUPS}
 * @param delta how many people more (positive) or fewer (negative); not zero
 */
public record StaffChange(String group, int delta) {

    private static final Pattern FORM = Pattern.compile("\\s*([a-z]+)\\s*([+-]\\s*\\d{1,2})\\s*");

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
        List<String> problems = new ArrayList<>();
        if (!Staffing.GROUPS.contains(group)) {
            problems.add("group must be one of " + Staffing.GROUPS + " (was " + group + ")");
        }
        if (delta == 0) {
            problems.add("delta must not be zero");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid staff change: " + String.join("; ", problems));
        }
    }

    /**
     * Reads a what-if such as {@code consultants-1} or {@code programmers+2}.
     *
     * @param text a line, then {@code +} or {@code -} and a number
     * @return the change
     * @throws IllegalArgumentException if the text is not of that form or names an unknown line
     */
    public static StaffChange parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid staff change '" + text + "': expected a line, + or - and a"
                    + " number, e.g. consultants-1 or programmers+2, with the line one of " + Staffing.GROUPS);
        }
        return new StaffChange(m.group(1), Integer.parseInt(m.group(2).replace(" ", "")));
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

    /** Returns the form {@link #parse} reads, e.g. {@code consultants-1}. */
    @Override
    public String toString() {
        return group + (delta > 0 ? "+" : "") + delta;
    }
}
