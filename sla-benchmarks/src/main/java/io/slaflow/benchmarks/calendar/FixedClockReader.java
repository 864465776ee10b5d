package io.slaflow.benchmarks.calendar;

import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.flowable.common.engine.impl.runtime.ClockReader;

/**
 * The cheapest clock Flowable's business calendars can be given: it hands back a {@link Date} set
 * beforehand, so the benchmark measures the calendar and not the clock.
 */
final class FixedClockReader implements ClockReader {

    private final TimeZone zone;
    private Date now;

    FixedClockReader(TimeZone zone) {
        this.zone = zone;
    }

    void set(Date now) {
        this.now = now;
    }

    @Override
    public Date getCurrentTime() {
        return now;
    }

    @Override
    public Calendar getCurrentCalendar() {
        return getCurrentCalendar(zone);
    }

    @Override
    public Calendar getCurrentCalendar(TimeZone timeZone) {
        GregorianCalendar calendar = new GregorianCalendar(timeZone);
        calendar.setTime(now);
        return calendar;
    }

    @Override
    public TimeZone getCurrentTimeZone() {
        return zone;
    }
}
