package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Over random rosters (one to five duty members, each with no shifts, the early or the late shift, and
 * up to two absences in the week) and random emergencies and declines: an emergency is offered only to a
 * member on shift and present at that instant who has not declined it; it goes to all of duty only when
 * nobody is, or every member on duty declined it.
 */
class RosterPropertyTest {

    static final Instant MONDAY = kyiv("2026-03-09T00:00");
    static final WorkingCalendar EARLY = shift(6, 15);
    static final WorkingCalendar LATE = shift(14, 23);

    static WorkingCalendar shift(int from, int to) {
        return WorkingCalendar.builder(Desk.KYIV).shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(from, 0),
                LocalTime.of(to, 0)).build();
    }

    /** One member: shifts (0 none, 1 early, 2 late) and absences as hour offsets from Monday 00:00. */
    record Member(int shifts, List<int[]> absences) {
    }

    /** One emergency: filed at an hour offset, declined by up to that many members in turn. */
    record Emergency(int hour, int declines) {
    }

    @Property(tries = 25)
    void offersGoOnlyToMembersOnDuty(@ForAll("rosters") List<Member> roster, @ForAll("emergencies") List<Emergency> work) {
        TestClock clock = TestClock.at(MONDAY);
        try (SlaEngine desk = SlaEngine.builder().policy(Desk.POLICY).clock(clock).asyncExecutor(false)
                .member("lena", "leads").build()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < roster.size(); i++) {
                String name = "m" + i;
                names.add(name);
                desk.staff().join(name, "duty");
                Member m = roster.get(i);
                if (m.shifts() > 0) {
                    desk.staff().setShifts(name, m.shifts() == 1 ? EARLY : LATE);
                }
                int[] a = m.absences().get(0);
                int[] b = m.absences().size() > 1 ? m.absences().get(1) : null;
                List<Absence> away = new ArrayList<>();
                away.add(new Absence(MONDAY.plus(Duration.ofHours(a[0])), MONDAY.plus(Duration.ofHours(a[0] + a[1])), "a"));
                if (b != null && (b[0] >= a[0] + a[1] || b[0] + b[1] <= a[0])) {
                    away.add(new Absence(MONDAY.plus(Duration.ofHours(b[0])), MONDAY.plus(Duration.ofHours(b[0] + b[1])), "b"));
                }
                desk.staff().absent(name, away.toArray(Absence[]::new));
            }
            List<Emergency> sorted = work.stream().sorted(java.util.Comparator.comparingInt(Emergency::hour)).toList();
            for (Emergency e : sorted) {
                clock.set(MONDAY.plus(Duration.ofHours(e.hour())).plusSeconds(1));
                Instant now = clock.instant();
                List<String> available = desk.staff().available("duty", now);
                String id = desk.submit(Desk.request("acme", RequesterTier.KEY_USER, RequestKind.EMERGENCY,
                        Severity.CRITICAL, "Down at " + e.hour()));
                List<String> declined = new ArrayList<>();
                String offered = offeredTo(desk, id);
                for (int d = 0; ; d++) {
                    if (offered == null) {
                        assertTrue(available.stream().allMatch(declined::contains), "nobody left, yet " + available
                                + " were on duty and only " + declined + " declined");
                        Statistics.collect(d == 0 ? "nobody on duty" : "declined by all");
                        break;
                    }
                    assertTrue(available.contains(offered), offered + " was offered at " + now + " but on duty were "
                            + available);
                    assertTrue(!declined.contains(offered), offered + " declined before");
                    if (d == e.declines()) {
                        Statistics.collect("taken after " + d + " declines");
                        break;
                    }
                    desk.decline(id, offered, "busy");
                    declined.add(offered);
                    offered = offeredTo(desk, id);
                }
            }
            assertEquals(names.size(), desk.staff().members("duty").size());
        }
    }

    /** The member the request's last OFFERED entry names, or null for "all of duty". */
    private static String offeredTo(SlaEngine desk, String id) {
        Optional<TimelineEntry> last = desk.timeline("acme", id).entries().stream()
                .filter(t -> t.kind() == TimelineEntry.Kind.OFFERED).reduce((a, b) -> b);
        String text = last.orElseThrow().text();
        return text.startsWith("offered to ") ? text.substring("offered to ".length(), text.indexOf(',')) : null;
    }

    @Provide
    Arbitrary<List<Member>> rosters() {
        Arbitrary<int[]> absence = Combinators.combine(Arbitraries.integers().between(0, 160),
                Arbitraries.integers().between(1, 30)).as((from, hours) -> new int[] {from, hours});
        return Combinators.combine(Arbitraries.integers().between(0, 2), absence.list().ofMinSize(1).ofMaxSize(2))
                .as(Member::new).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Emergency>> emergencies() {
        return Combinators.combine(Arbitraries.integers().between(0, 167), Arbitraries.integers().between(0, 3))
                .as(Emergency::new).list().ofMinSize(1).ofMaxSize(6);
    }
}
