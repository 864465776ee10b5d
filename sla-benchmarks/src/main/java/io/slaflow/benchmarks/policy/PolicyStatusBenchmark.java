package io.slaflow.benchmarks.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.countdown.Warning;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of what a status page or a timer does for one request: look up its targets on a
 * 20-rule policy ({@code targetsFor}) and compute its countdown status on that policy's calendar
 * ({@code statusAt}). {@code policy=rules} is the library's rule policy read from a 20-rule policy
 * file by {@code SlaPolicies.parse}; {@code policy=scan} is the same 20 rules as a hand-written
 * first-match {@code SlaPolicy}, what a host would write without the library. 1,024 requests of
 * every severity, kind and tier, filed across March 2026, with histories of 1 to 8 events (pauses,
 * resumes, one in four met), looked at up to three days after filing; the benchmark walks them in
 * turn. Goal: 1,000,000 statuses per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyStatusBenchmark {

    private static final int SIZE = 1024;

    /** Which implementation of the 20 rules: the library's rule policy, or a first-match scan. */
    @Param({"rules", "scan"})
    public String policyKind;

    private SlaPolicy policy;
    private ServiceRequest[] requests;
    private Countdown[] countdowns;
    private Instant[] instants;
    private WorkingCalendar[] calendars;
    private int next;

    /** Builds the requests, their countdowns and the status instants, with a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        TwentyRulePolicy twenty = new TwentyRulePolicy();
        if (twenty.size() != 20) {
            throw new IllegalStateException("expected 20 rules, got " + twenty.size());
        }
        policy = policyKind.equals("rules") ? SlaPolicies.parse(twenty.yaml()) : twenty;
        requests = new ServiceRequest[SIZE];
        countdowns = new Countdown[SIZE];
        instants = new Instant[SIZE];
        calendars = new WorkingCalendar[SIZE];
        SplittableRandom random = new SplittableRandom(42);
        Instant march = ZonedDateTime.of(2026, 3, 1, 0, 0, 0, 0, TwentyRulePolicy.KYIV).toInstant();
        for (int i = 0; i < SIZE; i++) {
            ServiceRequest request = request(random);
            SlaTargets targets = policy.targetsFor(request);
            if (!targets.equals(twenty.targetsFor(request))) {
                throw new IllegalStateException("the policy file and the scan disagree on " + request);
            }
            Instant filed = march.plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
            requests[i] = request;
            countdowns[i] = history(random, targets, filed);
            calendars[i] = targets.calendar();
            instants[i] = filed.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        }
    }

    private static ServiceRequest request(SplittableRandom random) {
        return ServiceRequest.builder()
                .customer("acme").requester("user-" + random.nextInt(100))
                .tier(pick(random, RequesterTier.values()))
                .kind(pick(random, RequestKind.values()))
                .severity(pick(random, Severity.values()))
                .subject("Benchmark request").description("")
                .build();
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A response countdown with up to three pause/resume pairs, met in one case out of four. */
    private static Countdown history(SplittableRandom random, SlaTargets targets, Instant filed) {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, targets.response(), targets.warnAt(), filed);
        Instant t = filed;
        int pauses = random.nextInt(4);
        for (int p = 0; p < pauses; p++) {
            t = t.plus(Duration.ofMinutes(10 + random.nextInt(240)));
            c = c.pause(t, "waiting for the customer");
            t = t.plus(Duration.ofMinutes(10 + random.nextInt(600)));
            c = c.resume(t);
        }
        if (random.nextInt(4) == 0) {
            c = c.meet(t.plus(Duration.ofMinutes(random.nextInt(300))));
        }
        return c;
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (SIZE - 1);
        return i;
    }

    /** Target lookup alone: first match over 20 rules. */
    @Benchmark
    public SlaTargets targetsFor() {
        return policy.targetsFor(requests[nextIndex()]);
    }

    /** Countdown status alone, on a calendar looked up beforehand. */
    @Benchmark
    public CountdownStatus statusAt() {
        int i = nextIndex();
        return countdowns[i].statusAt(instants[i], calendars[i]);
    }

    /** What the goal is about: targets lookup and then the status (state, due, elapsed), per request. */
    @Benchmark
    public CountdownStatus targetsForAndStatus() {
        int i = nextIndex();
        SlaTargets targets = policy.targetsFor(requests[i]);
        return countdowns[i].statusAt(instants[i], targets.calendar());
    }

    /** As {@link #targetsForAndStatus}, and the warnings too (computed on demand by the status). */
    @Benchmark
    public List<Warning> targetsForStatusAndWarnings() {
        int i = nextIndex();
        SlaTargets targets = policy.targetsFor(requests[i]);
        return countdowns[i].statusAt(instants[i], targets.calendar()).warnings();
    }
}
