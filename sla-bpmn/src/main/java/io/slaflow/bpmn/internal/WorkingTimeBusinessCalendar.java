package io.slaflow.bpmn.internal;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Objects;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.impl.calendar.BusinessCalendar;
import org.flowable.common.engine.impl.runtime.ClockReader;

/**
 * A Flowable business calendar that counts timer durations in the working time of a
 * {@link WorkingCalendar}: a BPMN timer with {@code flowable:businessCalendarName} naming it and a
 * {@code timeDuration} of {@code PT2H} fires after two working hours. "Now" is the engine clock's.
 * Durations only (ISO-8601, days counted as 24 working hours); cycles are not supported.
 */
public final class WorkingTimeBusinessCalendar implements BusinessCalendar {

    private final String name;
    private final WorkingCalendar calendar;
    private final ClockReader clock;

    /**
     * Creates the calendar.
     *
     * @param name its name, for messages
     * @param calendar the working time
     * @param clock the engine clock
     */
    public WorkingTimeBusinessCalendar(String name, WorkingCalendar calendar, ClockReader clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Date resolveDuedate(String duedateDescription) {
        return resolveDuedate(duedateDescription, -1);
    }

    @Override
    public Date resolveDuedate(String duedateDescription, int maxIterations) {
        Duration workingTime = parse(duedateDescription);
        Instant now = clock.getCurrentTime().toInstant();
        return Date.from(calendar.addWorkingTime(now, workingTime));
    }

    @Override
    public Boolean validateDuedate(String duedateDescription, int maxIterations, Date endDate, Date newTimer) {
        return endDate == null || !newTimer.after(endDate);
    }

    @Override
    public Date resolveEndDate(String endDateString) {
        try {
            return Date.from(Instant.parse(endDateString));
        } catch (DateTimeParseException e) {
            throw new FlowableIllegalArgumentException("business calendar '" + name
                    + "' reads end dates as ISO instants such as 2026-03-07T07:30:00Z (was '" + endDateString + "')", e);
        }
    }

    private Duration parse(String text) {
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative()) {
                throw new FlowableIllegalArgumentException("business calendar '" + name
                        + "' needs a duration of zero or more (was '" + text + "')");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new FlowableIllegalArgumentException("business calendar '" + name
                    + "' counts working time from ISO-8601 durations such as PT2H or P1DT4H (was '" + text
                    + "'); cycles and dates are not supported", e);
        }
    }
}
