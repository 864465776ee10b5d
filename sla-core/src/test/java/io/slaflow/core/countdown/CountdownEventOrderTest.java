package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.CountdownEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which event may follow which, and what {@code Countdown.of} refuses. */
class CountdownEventOrderTest {

    private static final Instant T0 = Instant.parse("2026-03-06T19:30:00Z");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private static CountdownEvent event(Type type, int minutes) {
        return new CountdownEvent(type, T0.plus(Duration.ofMinutes(minutes)), "");
    }

    /** A countdown whose last event is {@code last}, reached by the shortest legal history. */
    private static Countdown endingWith(Type last) {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, TWO_HOURS, List.of(), T0);
        Instant t = T0.plus(Duration.ofMinutes(10));
        return switch (last) {
            case STARTED -> c;
            case PAUSED -> c.pause(t, "customer");
            case RESUMED -> c.pause(t, "customer").resume(t);
            case MET -> c.meet(t);
            case RESET -> c.reset(t, "rework");
        };
    }

    private static Countdown record(Countdown c, Type type, Instant at) {
        return switch (type) {
            case STARTED -> Countdown.of(c.metric(), c.target(), c.warnAt(), append(c, new CountdownEvent(type, at, "")));
            case PAUSED -> c.pause(at, "customer");
            case RESUMED -> c.resume(at);
            case MET -> c.meet(at);
            case RESET -> c.reset(at, "rework");
        };
    }

    private static List<CountdownEvent> append(Countdown c, CountdownEvent e) {
        List<CountdownEvent> list = new ArrayList<>(c.events());
        list.add(e);
        return list;
    }

    @ParameterizedTest(name = "{1} after {0}: allowed={2}")
    @CsvSource({
        "STARTED, STARTED, false", "STARTED, PAUSED, true", "STARTED, RESUMED, false",
        "STARTED, MET, true", "STARTED, RESET, true",
        "PAUSED, STARTED, false", "PAUSED, PAUSED, false", "PAUSED, RESUMED, true",
        "PAUSED, MET, true", "PAUSED, RESET, true",
        "RESUMED, STARTED, false", "RESUMED, PAUSED, true", "RESUMED, RESUMED, false",
        "RESUMED, MET, true", "RESUMED, RESET, true",
        "MET, STARTED, false", "MET, PAUSED, false", "MET, RESUMED, false",
        "MET, MET, false", "MET, RESET, true",
        "RESET, STARTED, false", "RESET, PAUSED, true", "RESET, RESUMED, false",
        "RESET, MET, true", "RESET, RESET, true",
    })
    void eventOrder(Type last, Type next, boolean allowed) {
        Countdown c = endingWith(last);
        Instant at = c.events().get(c.events().size() - 1).at().plus(Duration.ofMinutes(5));
        if (allowed) {
            Countdown after = record(c, next, at);
            assertEquals(next, after.events().get(after.events().size() - 1).type());
            assertEquals(c.events().size() + 1, after.events().size());
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> record(c, next, at));
            assertEquals("cannot record " + next + " on a RESPONSE countdown whose last event is " + last
                    + " at " + c.events().get(c.events().size() - 1).at(), e.getMessage());
        }
    }

    @Test
    void anEventBeforeTheLastIsRefused() {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, TWO_HOURS, List.of(), T0);
        Instant earlier = T0.minusNanos(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.pause(earlier, ""));
        assertEquals("PAUSED at " + earlier + " is before the last event, STARTED at " + T0, e.getMessage());
    }

    @Test
    void anEventAtTheSameInstantAsTheLastIsAllowed() {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, TWO_HOURS, List.of(), T0).pause(T0, "").resume(T0).meet(T0);
        assertEquals(4, c.events().size());
        assertTrue(c.isMet());
    }

    @Test
    void eachChangeReturnsANewCountdownAndLeavesTheOldOneAsItWas() {
        Countdown started = Countdown.start(SlaMetric.RESPONSE, TWO_HOURS, List.of(), T0);
        Countdown paused = started.pause(T0.plusSeconds(60), "log files");
        assertEquals(1, started.events().size());
        assertTrue(paused.isPaused());
        assertEquals("log files", paused.events().get(1).note());
    }

    @Test
    void ofRebuildsTheSameCountdownAsTheStepsThatMadeIt() {
        Countdown built = Countdown.start(SlaMetric.RESOLUTION, TWO_HOURS, List.of(0.5), T0)
                .pause(T0.plusSeconds(600), "customer").resume(T0.plusSeconds(1200)).meet(T0.plusSeconds(1800))
                .reset(T0.plusSeconds(2400), "rework");
        Countdown rebuilt = Countdown.of(SlaMetric.RESOLUTION, TWO_HOURS, List.of(0.5), built.events());
        assertEquals(built, rebuilt);
        assertEquals(built.hashCode(), rebuilt.hashCode());
        assertEquals(T0, rebuilt.startedAt());
    }

    @Test
    void ofCopiesTheHistory() {
        List<CountdownEvent> history = new ArrayList<>(List.of(event(Type.STARTED, 0)));
        Countdown c = Countdown.of(SlaMetric.RESPONSE, TWO_HOURS, List.of(), history);
        history.add(event(Type.PAUSED, 5));
        assertEquals(1, c.events().size());
        assertThrows(UnsupportedOperationException.class, () -> c.events().add(event(Type.MET, 9)));
    }

    @Test
    void ofRefusesAHistoryThatDoesNotBeginWithStarted() {
        assertThrows(IllegalArgumentException.class,
                () -> Countdown.of(SlaMetric.RESPONSE, TWO_HOURS, List.of(), List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Countdown.of(SlaMetric.RESPONSE, TWO_HOURS, List.of(), List.of(event(Type.PAUSED, 0))));
        assertTrue(e.getMessage().startsWith("history must begin with STARTED"), e.getMessage());
    }

    @Test
    void ofNamesTheFirstBadEvent() {
        List<CountdownEvent> history = List.of(event(Type.STARTED, 0), event(Type.MET, 10), event(Type.PAUSED, 20));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Countdown.of(SlaMetric.RESPONSE, TWO_HOURS, List.of(), history));
        assertTrue(e.getMessage().startsWith("cannot record PAUSED on a RESPONSE countdown whose last event is MET"),
                e.getMessage());
        List<CountdownEvent> unordered = List.of(event(Type.STARTED, 10), event(Type.PAUSED, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Countdown.of(SlaMetric.RESPONSE, TWO_HOURS, List.of(), unordered));
    }

    @Test
    void theTargetMustBePositive() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Countdown.start(SlaMetric.RESPONSE, Duration.ZERO, List.of(), T0));
        assertEquals("target must be positive (was PT0S)", zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Countdown.start(SlaMetric.RESPONSE, Duration.ofMinutes(-30), List.of(), T0));
    }

    @Test
    void warningFractionsMustRiseStrictlyInsideZeroToOne() {
        for (List<Double> bad : List.of(List.of(0.0), List.of(1.0), List.of(-0.5), List.of(0.5, 0.5),
                List.of(0.75, 0.5), List.of(0.5, 1.2))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Countdown.start(SlaMetric.RESPONSE, TWO_HOURS, bad, T0), bad::toString);
            assertEquals("warnAt must rise strictly within (0, 1) (was " + bad + ")", e.getMessage());
        }
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> Countdown.start(null, TWO_HOURS, List.of(), T0));
        assertThrows(NullPointerException.class, () -> Countdown.start(SlaMetric.RESPONSE, null, List.of(), T0));
        assertThrows(NullPointerException.class, () -> Countdown.start(SlaMetric.RESPONSE, TWO_HOURS, List.of(), null));
        assertThrows(NullPointerException.class, () -> new CountdownEvent(Type.PAUSED, T0, null));
    }
}
