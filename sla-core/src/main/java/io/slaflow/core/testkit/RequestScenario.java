package io.slaflow.core.testkit;

import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.CountdownEvent;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.ServiceRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request filed under a policy, and what happens to it: steps (pauses, a response, the
 * resolution) move the scenario forward in time; expectations check the request's countdowns at the
 * scenario's current instant, {@link #now()}, and throw an {@link AssertionError} whose first line is
 * {@code expected: <...> but was: <...>} (which IDEs show as a diff) followed by the policy, the
 * targets and each countdown's history. Times are ISO local date-times ({@code 2026-03-07T09:30}) in
 * the scenario's zone. Each step returns a new scenario.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestScenario {

    private static final String WAITING = "waiting for the customer";

    private final SlaPolicy policy;
    private final ServiceRequest request;
    private final SlaTargets targets;
    private final ZoneId zone;
    /** The request's clock: the library's own rules for pausing, resuming and meeting its countdowns. */
    private final RequestClock clock;
    private final Instant now;

    private RequestScenario(SlaPolicy policy, ServiceRequest request, SlaTargets targets, ZoneId zone,
            RequestClock clock, Instant now) {
        this.policy = policy;
        this.request = request;
        this.targets = targets;
        this.zone = zone;
        this.clock = clock;
        this.now = now;
    }

    static RequestScenario file(SlaPolicy policy, ServiceRequest request, Instant at, ZoneId zone) {
        SlaTargets targets = targetsOf(policy, request);
        return new RequestScenario(policy, request, targets, zone, RequestClock.of(List.of(
                Countdown.start(SlaMetric.RESPONSE, targets.response(), targets.warnAt(), at),
                Countdown.start(SlaMetric.RESOLUTION, targets.resolution(), targets.warnAt(), at))), at);
    }

    static SlaTargets targetsOf(SlaPolicy policy, ServiceRequest request) {
        SlaTargets targets;
        try {
            targets = policy.targetsFor(request);
        } catch (RuntimeException e) {
            throw new AssertionError("policy " + policy.name() + " failed to give targets for " + request + ": " + e, e);
        }
        if (targets == null) {
            throw new AssertionError("policy " + policy.name() + " gave no targets for " + request
                    + " (a policy must cover every request)");
        }
        return targets;
    }

    // ---- steps ---------------------------------------------------------------------------------

    /**
     * Moves the scenario's clock to {@code time}.
     *
     * @param time a local date-time, not before {@link #now()}
     * @return the scenario at that time
     * @throws IllegalArgumentException if the time cannot be read or is before {@link #now()}
     */
    public RequestScenario advanceTo(String time) {
        return with(clock, forward("advanceTo", time));
    }

    /**
     * Moves the scenario's clock forward by {@code amount} of wall-clock time.
     *
     * @param amount how far, zero or more
     * @return the scenario at that time
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public RequestScenario advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance(" + amount + "): a scenario only moves forward");
        }
        return with(clock, now.plus(amount));
    }

    /**
     * The request waits on the customer from {@code from} until {@code to}: both countdowns that are
     * not met pause and then resume. The scenario moves to {@code to}.
     *
     * @param from when the wait starts, not before {@link #now()}
     * @param to when the customer answers, not before {@code from}
     * @return the scenario at {@code to}
     * @throws IllegalArgumentException if a time cannot be read or is out of order
     * @throws IllegalStateException if nothing is counting (both met, or already paused)
     */
    public RequestScenario pause(String from, String to) {
        return pauseAt(from).resumeAt(to);
    }

    /**
     * The request starts waiting on the customer at {@code time}: the countdowns not met pause.
     *
     * @param time a local date-time, not before {@link #now()}
     * @return the scenario at that time
     * @throws IllegalArgumentException if the time cannot be read or is before {@link #now()}
     * @throws IllegalStateException if nothing is counting (both met, or already paused)
     */
    public RequestScenario pauseAt(String time) {
        Instant at = forward("pauseAt", time);
        RequestClock.Change change = clock.pause(at, WAITING, targets.calendar());
        if (change.transitions().stream().noneMatch(t -> t.kind() == RequestClock.Transition.Kind.PAUSED)) {
            throw new IllegalStateException("pauseAt(" + time + "): nothing is counting (" + state() + ")");
        }
        return with(change.clock(), at);
    }

    /**
     * The customer answers at {@code time}: the paused countdowns resume.
     *
     * @param time a local date-time, not before {@link #now()}
     * @return the scenario at that time
     * @throws IllegalArgumentException if the time cannot be read or is before {@link #now()}
     * @throws IllegalStateException if nothing is paused
     */
    public RequestScenario resumeAt(String time) {
        Instant at = forward("resumeAt", time);
        if (!clock.paused()) {
            throw new IllegalStateException("resumeAt(" + time + "): nothing is paused (" + state() + ")");
        }
        return with(clock.resume(at, targets.calendar()).clock(), at);
    }

    /**
     * The team responds (a diagnosis or an answer) at {@code time}: the response countdown is met.
     *
     * @param time a local date-time, not before {@link #now()}
     * @return the scenario at that time
     * @throws IllegalArgumentException if the time cannot be read or is before {@link #now()}
     * @throws IllegalStateException if the response was met already
     */
    public RequestScenario respondAt(String time) {
        Instant at = forward("respondAt", time);
        if (clock.countdown(SlaMetric.RESPONSE).isMet()) {
            throw new IllegalStateException("respondAt(" + time + "): the response was met already (" + state() + ")");
        }
        return with(clock.meet(SlaMetric.RESPONSE, at, targets.calendar()).clock(), at);
    }

    /**
     * The request is resolved at {@code time}: the resolution countdown is met, and the response
     * countdown too if it was not (the resolution answers the request).
     *
     * @param time a local date-time, not before {@link #now()}
     * @return the scenario at that time
     * @throws IllegalArgumentException if the time cannot be read or is before {@link #now()}
     * @throws IllegalStateException if the request was resolved already
     */
    public RequestScenario resolveAt(String time) {
        Instant at = forward("resolveAt", time);
        if (clock.countdown(SlaMetric.RESOLUTION).isMet()) {
            throw new IllegalStateException("resolveAt(" + time + "): resolved already (" + state() + ")");
        }
        return with(clock.meetAll(at, targets.calendar()).clock(), at);
    }

    private Instant forward(String step, String time) {
        Instant at = ScenarioTime.parse(time, zone);
        if (at.isBefore(now)) {
            throw new IllegalArgumentException(step + "(" + time + ") is before the scenario's now, "
                    + ScenarioTime.format(now, zone) + ": steps go forward in time");
        }
        return at;
    }

    private RequestScenario with(RequestClock clock, Instant now) {
        return new RequestScenario(policy, request, targets, zone, clock, now);
    }

    // ---- expectations --------------------------------------------------------------------------

    /**
     * Expects the policy's targets for the request.
     *
     * @param response the expected response target
     * @param resolution the expected resolution target
     * @return this scenario
     * @throws AssertionError if either differs
     */
    public RequestScenario expectTargets(Duration response, Duration resolution) {
        check("targets", "response " + response + ", resolution " + resolution,
                "response " + targets.response() + ", resolution " + targets.resolution());
        return this;
    }

    /**
     * Expects the response to be due at {@code time} (see {@link CountdownStatus#due()}).
     *
     * @param time the expected due time, a local date-time
     * @return this scenario
     * @throws AssertionError if it is due at another time
     */
    public RequestScenario expectResponseDue(String time) {
        return expectDue(SlaMetric.RESPONSE, time);
    }

    /**
     * Expects the resolution to be due at {@code time} (see {@link CountdownStatus#due()}).
     *
     * @param time the expected due time, a local date-time
     * @return this scenario
     * @throws AssertionError if it is due at another time
     */
    public RequestScenario expectResolutionDue(String time) {
        return expectDue(SlaMetric.RESOLUTION, time);
    }

    /**
     * Expects {@code metric} to be due at {@code time}.
     *
     * @param metric which countdown
     * @param time the expected due time, a local date-time
     * @return this scenario
     * @throws AssertionError if it is due at another time
     */
    public RequestScenario expectDue(SlaMetric metric, String time) {
        Instant expected = ScenarioTime.parse(time, zone);
        check(name(metric) + " due", ScenarioTime.format(expected, zone),
                ScenarioTime.format(status(metric).due(), zone));
        return this;
    }

    /**
     * Expects the response countdown to be in {@code state} now.
     *
     * @param state the expected state
     * @return this scenario
     * @throws AssertionError if it is in another state
     */
    public RequestScenario expectResponse(CountdownState state) {
        return expectState(SlaMetric.RESPONSE, state);
    }

    /**
     * Expects the resolution countdown to be in {@code state} now.
     *
     * @param state the expected state
     * @return this scenario
     * @throws AssertionError if it is in another state
     */
    public RequestScenario expectResolution(CountdownState state) {
        return expectState(SlaMetric.RESOLUTION, state);
    }

    /**
     * Expects {@code metric}'s countdown to be in {@code state} now.
     *
     * @param metric which countdown
     * @param state the expected state
     * @return this scenario
     * @throws AssertionError if it is in another state
     */
    public RequestScenario expectState(SlaMetric metric, CountdownState state) {
        check(name(metric) + " state", String.valueOf(state), String.valueOf(status(metric).state()));
        return this;
    }

    /**
     * Expects {@code metric}'s countdown to have {@code remaining} working time left now.
     *
     * @param metric which countdown
     * @param remaining the expected working time left
     * @return this scenario
     * @throws AssertionError if another amount is left
     */
    public RequestScenario expectRemaining(SlaMetric metric, Duration remaining) {
        check(name(metric) + " remaining", String.valueOf(remaining), String.valueOf(status(metric).remaining()));
        return this;
    }

    /**
     * Expects {@code metric}'s countdown to have breached at {@code time}.
     *
     * @param metric which countdown
     * @param time the expected breach time, a local date-time
     * @return this scenario
     * @throws AssertionError if it breached at another time or not at all
     */
    public RequestScenario expectBreachedAt(SlaMetric metric, String time) {
        Instant expected = ScenarioTime.parse(time, zone);
        check(name(metric) + " breached at", ScenarioTime.format(expected, zone), breach(metric));
        return this;
    }

    /**
     * Expects {@code metric}'s countdown not to have breached (so far).
     *
     * @param metric which countdown
     * @return this scenario
     * @throws AssertionError if it breached
     */
    public RequestScenario expectNotBreached(SlaMetric metric) {
        check(name(metric) + " breached at", "never", breach(metric));
        return this;
    }

    private String breach(SlaMetric metric) {
        return status(metric).breachedAt().map(t -> ScenarioTime.format(t, zone)).orElse("never");
    }

    private void check(String what, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected: <" + expected + "> but was: <" + actual + ">\n" + context());
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * Returns the status of {@code metric}'s countdown at {@link #now()}, for checks of your own.
     *
     * @param metric which countdown
     * @return its status
     */
    public CountdownStatus status(SlaMetric metric) {
        return countdown(metric).statusAt(now, targets.calendar());
    }

    /** Returns {@code metric}'s countdown, with its history. */
    public Countdown countdown(SlaMetric metric) {
        return clock.countdown(metric);
    }

    /** Returns the scenario's current instant: the time of the last step. */
    public Instant now() {
        return now;
    }

    /** Returns the targets the policy gave the request. */
    public SlaTargets targets() {
        return targets;
    }

    private static String name(SlaMetric metric) {
        return switch (metric) {
            case RESPONSE -> "response";
            case RESOLUTION -> "resolution";
            case START -> "start";
            case NEXT_REPLY -> "next reply";
        };
    }

    private String state() {
        return "response " + status(SlaMetric.RESPONSE).state() + ", resolution " + status(SlaMetric.RESOLUTION).state();
    }

    /** The scenario as the lines under an assertion message. */
    private String context() {
        StringBuilder sb = new StringBuilder();
        sb.append("  policy:     ").append(policy.name()).append('\n');
        sb.append("  request:    ").append(request).append('\n');
        sb.append("  targets:    response ").append(targets.response()).append(", resolution ")
                .append(targets.resolution()).append(", calendar in ").append(targets.calendar().zone()).append('\n');
        sb.append("  now:        ").append(ScenarioTime.format(now, zone)).append(", ").append(zone);
        for (SlaMetric metric : clock.metrics()) {
            sb.append('\n').append(describe(metric));
        }
        return sb.toString();
    }

    private String describe(SlaMetric metric) {
        CountdownStatus s = status(metric);
        StringBuilder sb = new StringBuilder(String.format("  %-11s ", name(metric) + ":"));
        sb.append(s.state()).append(", elapsed ").append(s.elapsed()).append(" of ").append(s.target())
                .append(", due ").append(ScenarioTime.format(s.due(), zone));
        Optional<Instant> breachedAt = s.breachedAt();
        breachedAt.ifPresent(t -> sb.append(", breached at ").append(ScenarioTime.format(t, zone)));
        sb.append("\n              history:");
        for (CountdownEvent e : countdown(metric).events()) {
            sb.append(' ').append(e.type()).append(' ').append(ScenarioTime.format(e.at(), zone)).append(';');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    @Override
    public String toString() {
        return "RequestScenario[" + policy.name() + ", " + request + ", now " + ScenarioTime.format(now, zone) + "]";
    }
}
