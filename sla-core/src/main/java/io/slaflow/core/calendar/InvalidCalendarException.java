package io.slaflow.core.calendar;

import io.slaflow.core.ValidationException;
import java.util.List;

/**
 * Thrown by {@link WorkingCalendar.Builder#build()} when the calendar breaks one or more rules; the
 * message and {@link #violations()} list every problem, naming the day, date or shift.
 */
public final class InvalidCalendarException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every problem found, at least one
     */
    public InvalidCalendarException(List<String> violations) {
        super("calendar", violations);
    }
}
