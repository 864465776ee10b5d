package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.Segment;
import io.slaflow.core.countdown.SegmentKind;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request's timeline and the explanation of its countdowns, worked out by hand. The desk works every
 * day 08:00-22:00 in Kyiv (UTC+2 in March 2026).
 */
class TimelineTest {

    static final String DESK = """
            calendars:
              desk: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" } ] }
            """;
    static final PolicyFile V1 = SlaPolicies.parseFile("name: desk\n" + DESK + """
            targets:
              - { when: { severity: CRITICAL }, calendar: desk, response: PT1H, resolution: PT4H }
              - { when: {}, calendar: desk, response: PT2H, resolution: PT8H }
            """);
    static final PolicyFile V2 = SlaPolicies.parseFile("name: desk\n" + DESK + """
            targets:
              - { when: { severity: CRITICAL }, calendar: desk, response: PT30M, resolution: PT2H }
              - { when: {}, calendar: desk, response: PT2H, resolution: PT8H }
            """);

    private final TestClock clock = TestClock.at(kyiv("2026-03-06T21:30"));          // a Friday
    private SlaEngine desk;

    @BeforeEach
    void start() {
        desk = SlaEngine.builder().policyFile(V1).clock(clock).asyncExecutor(false)
                .member("olga", "consultants").member("lena", "leads").build();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void fridayNightThenAWaitOnTheCustomerOnSaturday() {
        String id = desk.submit(request(Severity.NON_CRITICAL, "Invoice ${amount} is missing"));
        // response 2h: 21:30-22:00 and Saturday 08:00-09:30; resolution 8h: 30m and Saturday 08:00-15:30
        clock.set(kyiv("2026-03-07T09:00"));
        desk.waitForCustomer(id, "olga", "Which ${invoice}?");               // 1h30m of each counted
        clock.set(kyiv("2026-03-07T11:00"));
        desk.forCustomer("acme").customerReplied(id, "Number 1042");         // response: 30m left, 11:30
        clock.set(kyiv("2026-03-07T11:20"));
        desk.respond(id, "olga", "Re-post it from the journal");

        RequestTimeline t = desk.forCustomer("acme").timeline(id);
        assertEquals(List.of(
                entry("2026-03-06T21:30", TimelineEntry.Kind.FILED, "acme-user", "Details of: Invoice ${amount} is missing", null),
                entry("2026-03-06T21:30", TimelineEntry.Kind.STARTED, null, null, SlaMetric.RESPONSE),
                entry("2026-03-06T21:30", TimelineEntry.Kind.STARTED, null, null, SlaMetric.RESOLUTION),
                entry("2026-03-07T09:00", TimelineEntry.Kind.CLAIMED, "olga", null, null),
                entry("2026-03-07T09:00", TimelineEntry.Kind.WAITING, "olga", "Which ${invoice}?", null),
                entry("2026-03-07T09:00", TimelineEntry.Kind.PAUSED, null, null, SlaMetric.RESPONSE),
                entry("2026-03-07T09:00", TimelineEntry.Kind.PAUSED, null, null, SlaMetric.RESOLUTION),
                entry("2026-03-07T11:00", TimelineEntry.Kind.REPLIED, "acme", "Number 1042", null),
                entry("2026-03-07T11:00", TimelineEntry.Kind.RESUMED, null, null, SlaMetric.RESPONSE),
                entry("2026-03-07T11:00", TimelineEntry.Kind.RESUMED, null, null, SlaMetric.RESOLUTION),
                entry("2026-03-07T11:20", TimelineEntry.Kind.RESPONDED, "olga", "Re-post it from the journal", null),
                entry("2026-03-07T11:20", TimelineEntry.Kind.MET, null, null, SlaMetric.RESPONSE)), t.entries());

        Explanation response = t.explain(SlaMetric.RESPONSE);
        assertEquals(Duration.ofHours(2), response.target());
        assertEquals("targets[1]", response.rule());
        assertEquals(1, response.configVersion());
        assertEquals(kyiv("2026-03-07T11:30"), response.due());
        assertEquals(desk.status(id).response().due(), response.due(), "the status's own due instant");
        assertEquals(List.of(
                segment("2026-03-06T21:30", "2026-03-06T22:00", SegmentKind.COUNTED),
                segment("2026-03-06T22:00", "2026-03-07T08:00", SegmentKind.OUTSIDE_HOURS),
                segment("2026-03-07T08:00", "2026-03-07T09:00", SegmentKind.COUNTED),
                segment("2026-03-07T09:00", "2026-03-07T11:00", SegmentKind.PAUSED),
                segment("2026-03-07T11:00", "2026-03-07T11:20", SegmentKind.COUNTED)), response.segments(),
                "met at 11:20 after 1h50m counted");
        Explanation resolution = t.explain(SlaMetric.RESOLUTION);
        assertEquals(kyiv("2026-03-07T17:30"), resolution.due(), "6h30m left from 11:00");
        assertEquals(segment("2026-03-07T11:00", "2026-03-07T17:30", SegmentKind.COUNTED),
                resolution.segments().get(resolution.segments().size() - 1), "the working time ahead counts to the due instant");
        assertEquals(Duration.ofHours(8), resolution.counted());

        String printed = print(t);
        System.out.print(printed);
        String readme = readme();
        assertTrue(readme.contains("```\n" + printed + "```\n"),
                "README.md, section 'Timelines, explanations and the event feed', must show this output verbatim");

        String other = desk.submit(ServiceRequest.builder().customer("globex").requester("ivan")
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                .subject("Theirs").description("Theirs").build());
        assertThrows(UnknownRequestException.class, () -> desk.timeline("acme", other));
        assertThrows(UnknownRequestException.class, () -> desk.timeline("acme", "no-such-request"));
    }

    @Test
    void aReclassificationAndAReconfigurationWithMoveAreOnTheTimelineAndInTheExplanation() {
        clock.set(kyiv("2026-03-09T10:00"));                                     // Monday
        String id = desk.submit(request(Severity.NON_CRITICAL, "Reports are slow"));   // 2h / 8h
        clock.set(kyiv("2026-03-09T10:20"));
        desk.reclassify(id, "olga", Severity.CRITICAL, RequestKind.CONSULTATION, "Nobody can close the month");
        // critical 1h: due 11:00; at 10:45 version 2 gives 30m, reached at 10:30: breached by the change
        clock.set(kyiv("2026-03-09T10:45"));
        desk.reconfigure(V2, clock.instant(), RunningClocks.MOVE);

        RequestTimeline t = desk.timeline("acme", id);
        assertEquals(List.of("FILED acme-user", "STARTED RESPONSE", "STARTED RESOLUTION",
                "RECLASSIFIED olga: Nobody can close the month", "BREACHED RESPONSE",
                "RECONFIGURED: configuration version 2", "ESCALATED RESPONSE: offered to leads"),
                t.entries().stream().map(TimelineTest::show).toList(), "a step before what it caused at its instant");
        assertEquals(kyiv("2026-03-09T10:30"), t.entries().get(4).at(), "the breach is dated when the target was reached");

        Explanation response = t.explain(SlaMetric.RESPONSE);
        assertEquals(Duration.ofMinutes(30), response.target());
        assertEquals("targets[0]", response.rule());
        assertEquals(2, response.configVersion());
        assertEquals(kyiv("2026-03-09T10:30"), response.due());
        assertEquals(List.of(segment("2026-03-09T10:00", "2026-03-09T10:45", SegmentKind.COUNTED)), response.segments(),
                "breached and open: counted up to now, beyond the target");
        Explanation resolution = t.explain(SlaMetric.RESOLUTION);
        assertEquals(Duration.ofHours(2), resolution.target());
        assertEquals(kyiv("2026-03-09T12:00"), resolution.due());
    }

    /** Prints a timeline as the README's example does. */
    static String print(RequestTimeline t) {
        StringBuilder out = new StringBuilder();
        for (TimelineEntry e : t.entries()) {
            out.append(String.format("%s %-10s %-9s %s%n", e.at(), e.kind(), Objects.toString(e.actor(), ""),
                    Objects.toString(e.text() != null ? e.text() : e.metric(), "-")));
        }
        Explanation why = t.explain(SlaMetric.RESPONSE);
        out.append(String.format("%s by %s (version %d), due %s%n", why.target(), why.rule(), why.configVersion(),
                why.due()));
        why.segments().forEach(s -> out.append(String.format("  %-13s %s - %s%n", s.kind(), s.from(), s.to())));
        return out.toString();
    }

    private static String readme() {
        try {
            return Files.readString(Path.of("").toAbsolutePath().resolveSibling("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String show(TimelineEntry e) {
        return e.kind() + (e.metric() != null ? " " + e.metric() : "") + (e.actor() != null ? " " + e.actor() : "")
                + (e.text() != null && e.kind() != TimelineEntry.Kind.FILED ? ": " + e.text() : "");
    }

    private static ServiceRequest request(Severity severity, String subject) {
        return Desk.request("acme", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, severity, subject);
    }

    private static TimelineEntry entry(String at, TimelineEntry.Kind kind, String actor, String text, SlaMetric metric) {
        return new TimelineEntry(kyiv(at), kind, actor, text, metric);
    }

    private static Segment segment(String from, String to, SegmentKind kind) {
        return new Segment(kyiv(from), kyiv(to), kind);
    }
}
