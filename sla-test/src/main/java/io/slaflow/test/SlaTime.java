package io.slaflow.test;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Moves a test's time: the clock, then the timers that came due, on every engine of the test. */
public final class SlaTime {

    private final TestClock clock;
    private final List<SlaEngine> engines;

    SlaTime(TestClock clock, List<SlaEngine> engines) {
        this.clock = clock;
        this.engines = List.copyOf(engines);
    }

    /** Returns the clock. */
    public TestClock clock() {
        return clock;
    }

    /** Returns the clock's instant. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Moves the clock forward by {@code amount} and runs the timers that came due.
     *
     * @return how many timers ran
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public int advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative (was " + amount + ")");
        }
        clock.advance(amount);
        return fireDueTimers();
    }

    /**
     * Sets the clock to {@code instant}, not before now, and runs the timers that came due.
     *
     * @return how many timers ran
     * @throws IllegalArgumentException if {@code instant} is before the clock's instant
     */
    public int advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (instant.isBefore(clock.instant())) {
            throw new IllegalArgumentException("time only moves forward: " + instant + " is before " + clock.instant());
        }
        clock.set(instant);
        return fireDueTimers();
    }

    /** Runs the due timers on each engine in turn, until none is due; returns how many ran. */
    public int fireDueTimers() {
        int fired = 0;
        for (SlaEngine engine : engines) {
            fired += engine.fireDueTimers();
        }
        return fired;
    }
}
