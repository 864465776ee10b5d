package io.slaflow.bpmn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockPlanTest {

    private static final WorkingCalendar ALWAYS = WorkingCalendar.alwaysOpen(ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-03-09T08:00:00Z");
    private static final CountdownRecord TWO_HOURS = CountdownRecord.of(
            Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(0.5, 0.75), T0));

    private static Optional<Instant> next(CountdownRecord r, Instant now) {
        return ClockPlan.next(r, r.countdown().statusAt(now, ALWAYS), now);
    }

    @Test
    void theTimerSitsAtTheFirstThresholdNotYetAnnounced() {
        assertEquals(Optional.of(T0.plus(Duration.ofHours(1))), next(TWO_HOURS, T0));
        CountdownRecord warned = TWO_HOURS.announce(0.5);
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(90))), next(warned, T0.plus(Duration.ofMinutes(70))));
        assertEquals(Optional.of(T0.plus(Duration.ofHours(2))), next(warned.announce(0.75), T0.plus(Duration.ofMinutes(95))));
    }

    @Test
    void crossedThresholdsAreDueAtOnceEarliestFirst() {
        Instant late = T0.plus(Duration.ofMinutes(150));
        List<ClockPlan.Crossing> due = ClockPlan.unannounced(TWO_HOURS, TWO_HOURS.countdown().statusAt(late, ALWAYS));
        assertEquals(List.of(new ClockPlan.Crossing(0.5, T0.plus(Duration.ofHours(1))),
                new ClockPlan.Crossing(0.75, T0.plus(Duration.ofMinutes(90))),
                new ClockPlan.Crossing(1.0, T0.plus(Duration.ofHours(2)))), due);
        assertTrue(due.get(2).isBreach());
        assertEquals(Optional.of(late), next(TWO_HOURS, late));
    }

    @Test
    void nothingIsAheadOnceAllIsAnnouncedOrTheCountdownStops() {
        Instant late = T0.plus(Duration.ofHours(3));
        CountdownRecord all = TWO_HOURS.announce(0.5).announce(0.75).announce(CountdownRecord.BREACH);
        assertEquals(Optional.empty(), next(all, late));
        CountdownRecord paused = TWO_HOURS.with(TWO_HOURS.countdown().pause(T0.plusSeconds(60), "waiting"));
        assertEquals(Optional.empty(), next(paused, T0.plusSeconds(120)));
        CountdownRecord met = TWO_HOURS.with(TWO_HOURS.countdown().meet(T0.plusSeconds(60)));
        assertEquals(Optional.empty(), next(met, T0.plusSeconds(120)));
        assertTrue(ClockPlan.unannounced(met, met.countdown().statusAt(late, ALWAYS)).isEmpty());
    }

    @Test
    void timerDatesAreRoundedUpToTheMillisecondTheJobTableKeeps() {
        assertEquals(Instant.parse("2026-03-09T08:00:00.001Z"), ClockPlan.ceilMillis(Instant.parse("2026-03-09T08:00:00.000000001Z")));
        assertEquals(T0, ClockPlan.ceilMillis(T0));
        assertEquals("", ClockPlan.format(Optional.empty()));
        assertEquals("2026-03-09T08:00:00Z", ClockPlan.format(Optional.of(T0)));
    }
}
