package io.slaflow.bpmn.internal;

import java.util.Calendar;
import java.util.Date;
import java.util.Objects;
import java.util.TimeZone;
import org.flowable.common.engine.impl.runtime.Clock;

/**
 * The Flowable engine clock of one engine, reading a {@link java.time.Clock}. Unlike Flowable's
 * {@code DefaultClockImpl}, whose time is a static field shared by every engine in the JVM, each
 * instance has its own source; it is moved by moving that source, never through the setters.
 */
public final class JavaTimeClock implements Clock {

    private final java.time.Clock source;

    /**
     * Creates a clock reading {@code source}.
     *
     * @param source where the time comes from
     */
    public JavaTimeClock(java.time.Clock source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Date getCurrentTime() {
        return new Date(source.millis());
    }

    @Override
    public Calendar getCurrentCalendar() {
        return getCurrentCalendar(getCurrentTimeZone());
    }

    @Override
    public Calendar getCurrentCalendar(TimeZone timeZone) {
        Calendar calendar = Calendar.getInstance(timeZone);
        calendar.setTimeInMillis(source.millis());
        return calendar;
    }

    @Override
    public TimeZone getCurrentTimeZone() {
        return TimeZone.getTimeZone(source.getZone());
    }

    @Override
    public void setCurrentTime(Date currentTime) {
        throw unsupported();
    }

    @Override
    public void setCurrentCalendar(Calendar currentTime) {
        throw unsupported();
    }

    @Override
    public void reset() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException(
                "the engine clock reads the java.time.Clock given to SlaEngine.builder().clock(..): move that clock instead");
    }
}
