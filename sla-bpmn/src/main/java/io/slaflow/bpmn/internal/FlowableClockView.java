package io.slaflow.bpmn.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.flowable.common.engine.impl.runtime.ClockReader;

/** A {@link java.time.Clock} reading a Flowable engine's clock: the time of a host's process engine. */
public final class FlowableClockView extends Clock {

    private final ClockReader reader;
    private final ZoneId zone;

    /**
     * Creates a view of {@code reader} in {@code zone}.
     *
     * @param reader the engine clock
     * @param zone the zone this clock reports
     */
    public FlowableClockView(ClockReader reader, ZoneId zone) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new FlowableClockView(reader, zone);
    }

    @Override
    public Instant instant() {
        return reader.getCurrentTime().toInstant();
    }
}
