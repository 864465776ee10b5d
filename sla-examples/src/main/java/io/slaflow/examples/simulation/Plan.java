package io.slaflow.examples.simulation;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the desk will do with one request, drawn from the arrival's seed: the steps in order, each done
 * by whoever holds the request at the time, with the working time it takes. A step ends in an
 * operation of the engine: the first response (or, for a missed call, the call-back), a question to
 * the customer, a hand-over to the next line, or the resolution. After each step the person goes back
 * to their work list, where a request they responded to stays theirs and takes its place in the work
 * order.
 *
 * <p>Development ends with the programmer's resolution, or, for a share of it, goes through the
 * acceptance workflow (D9-D11): a programmer proposes a solution, writes the specification with
 * {@code scenarios} acceptance scenarios, and does the work and demonstrates it; after each of these
 * steps the customer decides ({@link Step#replyAfter}), and the next step goes to whichever programmer
 * takes it from their work list. When a plan has a second demonstration (a
 * rework), the first one fails a scenario; the last one passes and the work is accepted.
 *
 * @param steps the steps, at least one, the last a resolution or a demonstration
 * @param onCallCannot whether a duty specialist called in off shift cannot take it (no computer or
 *     network at hand, D7), so that another must be found
 * @param onCallDelay how long a duty specialist called in off shift needs to get to a computer
 */
record Plan(List<Step> steps, boolean onCallCannot, Duration onCallDelay, int scenarios) {

    /** The share of development that goes through the acceptance workflow. */
    static final double ACCEPTANCE_SHARE = 0.6;
    /** The share of the work through acceptance whose first demonstration fails a scenario. */
    static final double REWORK_SHARE = 0.5;

    /** The operation a step ends in. */
    enum Action {
        /** The first response; a call-back when the request is a missed call. */
        RESPOND,
        /** A question to the customer: the request waits, its countdowns paused, until the reply. */
        WAIT,
        /** The request goes to the line that handles the kind of work found. */
        HAND_OVER,
        /** Resolved. */
        RESOLVE,
        /** A solution proposed; the customer agrees to it. */
        PROPOSE,
        /** The specification submitted; the customer approves it and pays what falls due before work. */
        SPECIFY,
        /** The work (or rework) completed and demonstrated; the customer records the results. */
        DEMONSTRATE;

        /** Tells whether the customer acts after this step, {@link Step#replyAfter} later. */
        boolean customerReplies() {
            return this == WAIT || this == PROPOSE || this == SPECIFY || this == DEMONSTRATE;
        }
    }

    /**
     * One step.
     *
     * @param action the operation it ends in
     * @param effort the working time it takes
     * @param found for a hand-over, the kind of work found
     * @param replyAfter for a wait or an acceptance step, how long the customer takes to reply or decide
     *     (wall time)
     */
    record Step(Action action, Duration effort, RequestKind found, Duration replyAfter) {
    }

    Plan {
        steps = List.copyOf(steps);
    }

    /** Draws the plan of an arrival from its seed. */
    static Plan of(Arrival arrival) {
        SplittableRandom random = new SplittableRandom(arrival.seed());
        Builder b = new Builder(random);
        ServiceRequest r = arrival.request();
        if (r.kind() == RequestKind.EMERGENCY) {
            emergency(b);
        } else if (r.tier() == RequesterTier.KEY_USER) {
            keyUser(b, r);
        } else {
            ordinaryUser(b, r);
        }
        return new Plan(b.steps, random.nextDouble() < 0.2, Duration.ofMinutes(10 + random.nextInt(31)), b.scenarios);
    }

    private static void emergency(Builder b) {
        b.step(Action.RESPOND, 10);
        if (b.chance(0.12)) {
            b.waitFor(3, 40);
        }
        b.step(Action.RESOLVE, 80);
    }

    private static void keyUser(Builder b, ServiceRequest r) {
        switch (r.kind()) {
            case CONSULTATION -> {
                if (b.chance(0.85)) {
                    b.step(Action.RESOLVE, 20);
                } else {
                    b.step(Action.RESPOND, 15).waitFor(5, 180).step(Action.RESOLVE, 15);
                }
            }
            case SPECIFICATION -> {
                b.step(Action.RESPOND, 20);
                if (b.chance(0.3)) {
                    b.waitFor(10, 360);
                }
                b.step(Action.RESOLVE, 150);
            }
            case DEVELOPMENT -> {
                b.step(Action.RESPOND, 30);
                if (b.chance(0.2)) {
                    b.waitFor(10, 360);
                }
                b.handOver(RequestKind.DEVELOPMENT, 20);
                programmer(b, r);
            }
            default -> b.step(Action.RESPOND, 15).step(Action.RESOLVE, 120);
        }
    }

    private static void ordinaryUser(Builder b, ServiceRequest r) {
        if (r.kind() == RequestKind.CONSULTATION) {
            double x = b.random.nextDouble();
            if (x < 0.86) {
                b.step(Action.RESOLVE, 12);
            } else if (x < 0.93) {
                b.step(Action.RESPOND, 8).waitFor(5, 90).step(Action.RESOLVE, 10);
            } else if (x < 0.97) {
                b.step(Action.RESPOND, 10).handOver(RequestKind.DEVELOPMENT, 5).handOver(RequestKind.DEVELOPMENT, 40);
                programmer(b, r);
            } else {
                b.step(Action.RESPOND, 10).handOver(RequestKind.UPDATE, 5).step(Action.RESOLVE, 90);
            }
            return;
        }
        b.step(Action.RESPOND, 10).handOver(r.kind(), 5);
        switch (r.kind()) {
            case DEVELOPMENT -> {
                b.handOver(RequestKind.DEVELOPMENT, 40);
                programmer(b, r);
            }
            case SPECIFICATION -> {
                if (b.chance(0.25)) {
                    b.waitFor(10, 360);
                }
                b.step(Action.RESOLVE, 150);
            }
            default -> b.step(Action.RESOLVE, 90);
        }
    }

    /**
     * The programmer's part of development: sometimes a question about test data, then the work, either
     * resolved at once or through acceptance.
     */
    private static void programmer(Builder b, ServiceRequest r) {
        if (b.chance(0.1)) {
            b.waitFor(10, 240);
        }
        int work = r.severity() == Severity.CRITICAL ? 90 : 180;
        if (!b.chance(ACCEPTANCE_SHARE)) {
            b.step(Action.RESOLVE, work);
            return;
        }
        b.scenarios = 1 + b.random.nextInt(3);
        b.decided(Action.PROPOSE, 15, 30).decided(Action.SPECIFY, 30, 30).decided(Action.DEMONSTRATE, work * 2 / 3, 30);
        if (b.chance(REWORK_SHARE)) {
            b.decided(Action.DEMONSTRATE, work / 4, 30);
        }
    }

    /** Collects steps with log-normal working times around their medians. */
    private static final class Builder {
        private final SplittableRandom random;
        private final List<Step> steps = new ArrayList<>();
        private int scenarios;

        Builder(SplittableRandom random) {
            this.random = random;
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        Builder step(Action action, int medianMinutes) {
            steps.add(new Step(action, around(medianMinutes, 0.5), null, null));
            return this;
        }

        Builder handOver(RequestKind found, int medianMinutes) {
            steps.add(new Step(Action.HAND_OVER, around(medianMinutes, 0.5), found, null));
            return this;
        }

        Builder waitFor(int askMinutes, int replyMedianMinutes) {
            steps.add(new Step(Action.WAIT, around(askMinutes, 0.3), null, around(replyMedianMinutes, 0.7)));
            return this;
        }

        Builder decided(Action action, int medianMinutes, int decisionMedianMinutes) {
            steps.add(new Step(action, around(medianMinutes, 0.5), null, around(decisionMedianMinutes, 0.7)));
            return this;
        }

        /** A log-normal duration with the given median, at least a minute and at most four medians, in whole seconds. */
        private Duration around(int medianMinutes, double sigma) {
            double minutes = medianMinutes * Math.exp(sigma * random.nextGaussian());
            minutes = Math.max(1, Math.min(4.0 * medianMinutes, minutes));
            return Duration.ofSeconds(Math.round(minutes * 60));
        }
    }
}
