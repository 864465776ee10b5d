package io.slaflow.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that tests move by hand, so time-dependent behaviour runs deterministically and
 * without sleeping. Thread-safe: its instant is held in a volatile field, and clocks made by
 * {@link #withZone(ZoneId)} share it.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-03-06T19:30:00Z"));
 * clock.advance(Duration.ofHours(2));
 * }</pre>
 */
public final class TestClock extends Clock {

    private final Shared state;
    private final ZoneId zone;

    private static final class Shared {
        private volatile Instant now;

        Shared(Instant now) {
            this.now = now;
        }
    }

    private TestClock(Shared state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    /**
     * Creates a clock standing at {@code instant}, in UTC.
     *
     * @param instant where the clock starts
     * @return a new clock
     * @throws NullPointerException if {@code instant} is null
     */
    public static TestClock at(Instant instant) {
        return new TestClock(new Shared(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward (or, with a negative amount, back).
     *
     * @param amount how far to move
     * @return this clock, for chaining
     * @throws NullPointerException if {@code amount} is null
     */
    public TestClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        synchronized (state) {
            state.now = state.now.plus(amount);
        }
        return this;
    }

    /**
     * Sets the clock to {@code instant}.
     *
     * @param instant the new time
     * @return this clock, for chaining
     * @throws NullPointerException if {@code instant} is null
     */
    public TestClock set(Instant instant) {
        state.now = Objects.requireNonNull(instant, "instant");
        return this;
    }

    @Override
    public Instant instant() {
        return state.now;
    }

    @Override
    public long millis() {
        return state.now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** Returns a clock in {@code zone} that shares (and moves with) this clock's instant. */
    @Override
    public TestClock withZone(ZoneId zone) {
        return new TestClock(state, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "TestClock[" + state.now + "," + zone + "]";
    }
}
