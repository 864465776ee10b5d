package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.slaflow.core.NotAllowedException;
import io.slaflow.core.ValidationException;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff directory: who is on duty decides offers, the emergency rotation, work lists and
 * declines (D7). Monday 9 March 2026 in Kyiv (UTC+2, before the DST change of 29 March). Duty joined in
 * the order dmytro, daria, denys (the builder's order), which is the rotation's order. Daria works the
 * late shift, 14:00-22:00 Kyiv (12:00Z-20:00Z); denys is off sick on Monday (00:00 Monday to 00:00
 * Tuesday Kyiv: 2026-03-08T22:00Z to 2026-03-09T22:00Z).
 */
class StaffDirectoryTest {

    static final WorkingCalendar LATE = WorkingCalendar.builder(Desk.KYIV)
            .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(14, 0), LocalTime.of(22, 0)).build();
    static final Absence SICK = new Absence(kyiv("2026-03-09T00:00"), kyiv("2026-03-10T00:00"), "sick");

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));
    private SlaEventListener listener;
    private SlaEngine desk;

    @BeforeEach
    void start() {
        listener = mock(SlaEventListener.class);
        desk = Desk.engine(clock).listener(listener).build();
        desk.staff().setShifts("daria", LATE);
        desk.staff().absent("denys", SICK);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    static io.slaflow.core.request.ServiceRequest emergency(String subject) {
        return Desk.request("acme", RequesterTier.KEY_USER, RequestKind.EMERGENCY, Severity.CRITICAL, subject);
    }

    private List<String> offers(String id) {
        return desk.timeline("acme", id).entries().stream().filter(e -> e.kind() == TimelineEntry.Kind.OFFERED
                || e.kind() == TimelineEntry.Kind.DECLINED).map(e -> e.kind() + " " + (e.actor() == null ? "" : e.actor()
                        + ": ") + e.text()).toList();
    }

    @Test
    void theDirectoryHoldsGroupsShiftsAndAbsences() {
        assertEquals(List.of("dmytro", "daria", "denys"), desk.staff().members("duty").stream().map(StaffMember::user).toList());
        StaffMember daria = desk.staff().member("daria").orElseThrow();
        assertEquals(Optional.of(LATE), daria.shifts());
        assertEquals(Optional.of("off shift until 2026-03-09T12:00:00Z"), daria.unavailableBecause(clock.instant()));
        assertEquals(List.of(SICK), desk.staff().member("denys").orElseThrow().absences());
        assertEquals(List.of("dmytro"), desk.staff().available("duty", clock.instant()));
        assertEquals(List.of("dmytro", "daria"), desk.staff().available("duty", kyiv("2026-03-09T14:00")));
        assertEquals(List.of("dmytro", "daria", "denys"), desk.staff().available("duty", kyiv("2026-03-10T14:00")));

        desk.staff().join("oksana", "duty");
        desk.staff().join("oksana", "duty");                                        // a member already: nothing
        desk.staff().join("oksana", "leads");
        assertEquals(java.util.Set.of("duty", "leads"), desk.staff().member("oksana").orElseThrow().groups());
        desk.staff().leave("oksana", "duty");
        desk.staff().leave("oksana", "leads");
        assertEquals(Optional.empty(), desk.staff().member("oksana"), "a member of no group is forgotten");
        desk.staff().clearShifts("daria");
        desk.staff().cancelAbsence("denys", SICK.from());
        assertEquals(List.of("dmytro", "daria", "denys"), desk.staff().available("duty", clock.instant()));
    }

    @Test
    void emergenciesGoToTheNextOnRotationWhoIsOnShiftAndPresent() {
        String first = desk.submit(emergency("Server down"));                       // 09:00: only dmytro
        String second = desk.submit(emergency("Printer down"));                     // wraps round to dmytro
        assertEquals(List.of("OFFERED offered to dmytro, next on duty's rotation (daria off shift until"
                + " 2026-03-09T12:00:00Z; denys away until 2026-03-09T22:00:00Z: sick)"), offers(first));
        assertEquals(offers(first), offers(second));
        clock.set(kyiv("2026-03-09T14:00"));
        String third = desk.submit(emergency("Backup failed"));                     // after dmytro: daria is on
        String fourth = desk.submit(emergency("Mail down"));                        // denys away: back to dmytro
        assertEquals(List.of("OFFERED offered to daria, next on duty's rotation (denys away until"
                + " 2026-03-09T22:00:00Z: sick)"), offers(third));
        assertTrue(offers(fourth).get(0).startsWith("OFFERED offered to dmytro,"), offers(fourth).toString());
        assertEquals(List.of(third), ids(desk.workList("daria")));
        assertEquals(List.of(first, second, fourth), ids(desk.workList("dmytro")));
    }

    @Test
    void nobodyOnDutyOffersTheEmergencyToTheWholeGroup() {
        desk.staff().absent("dmytro", new Absence(kyiv("2026-03-09T08:00"), kyiv("2026-03-09T12:00"), "dentist"));
        String id = desk.submit(emergency("Server down"));
        assertEquals(List.of("OFFERED nobody of duty can take it now (dmytro away until 2026-03-09T10:00:00Z: dentist;"
                + " daria off shift until 2026-03-09T12:00:00Z; denys away until 2026-03-09T22:00:00Z: sick): offered to"
                + " all of duty"), offers(id));
        clock.set(kyiv("2026-03-09T12:00"));
        assertEquals(List.of(id), ids(desk.workList("dmytro")), "back from the dentist: the group's work is his to take");
        assertEquals(List.of(), ids(desk.workList("denys")), "away: nothing to take");
    }

    @Test
    void aDeclinedEmergencyGoesToTheNextMemberAndWhenNobodyIsLeftToLeads() {
        clock.set(kyiv("2026-03-10T15:00"));                                         // Tuesday: all three on duty
        String id = desk.submit(emergency("Server down"));                           // dmytro
        NotAllowedException notHis = assertThrows(NotAllowedException.class,
                () -> desk.decline(id, "daria", "busy"));
        assertEquals("User 'daria' may not decline: request '" + id + "' is neither claimed by them nor offered to them"
                + " alone (it is offered to dmytro); claim it first to decline it", notHis.getMessage());
        desk.decline(id, "dmytro", "No laptop with me");
        assertEquals(List.of(id), ids(desk.workList("daria")));
        assertEquals(List.of(), ids(desk.workList("dmytro")));
        desk.claim(id, "daria");
        desk.decline(id, "daria", "Out of network");                                 // claimed, then declined
        assertEquals(Optional.empty(), desk.status(id).assignee());
        desk.decline(id, "denys", "In another call");
        assertEquals(List.of(
                "OFFERED offered to dmytro, next on duty's rotation",
                "DECLINED dmytro: No laptop with me",
                "OFFERED offered to daria, next on duty's rotation (dmytro declined)",
                "DECLINED daria: Out of network",
                "OFFERED offered to denys, next on duty's rotation (dmytro declined; daria declined)",
                "DECLINED denys: In another call",
                "OFFERED nobody of duty can take it now (dmytro declined; daria declined; denys declined): offered"
                        + " to all of duty"), offers(id));
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "ESCALATED RESPONSE"), Events.names(listener, id));
        SlaEvent escalated = Events.of(listener, id).get(2);
        assertEquals("leads", escalated.group());
        assertEquals(kyiv("2026-03-10T15:00"), escalated.at());
        assertEquals(List.of(id), ids(desk.workList("lena")));
        assertEquals(List.of(id), ids(desk.openWork("duty")));
    }

    @Test
    void aMemberOffShiftOrAwayTakesNoNewWork() {
        desk.staff().setShifts("olga", LATE);
        String id = desk.submit(Desk.consultation("acme", "Report"));
        assertEquals(List.of(), ids(desk.workList("olga")));
        assertEquals(List.of(id), ids(desk.workList("petro")));
        NotAllowedException off = assertThrows(NotAllowedException.class, () -> desk.claim(id, "olga"));
        assertEquals("User 'olga' may not claim: request '" + id + "' is not theirs and they are off shift until"
                + " 2026-03-09T12:00:00Z; it stays offered to consultants", off.getMessage());
        assertThrows(NotAllowedException.class, () -> desk.respond(id, "olga", "Here"));
        clock.set(kyiv("2026-03-09T14:00"));
        desk.claim(id, "olga");
        clock.set(kyiv("2026-03-09T23:00"));                                        // her shift ended: hers still
        assertEquals(List.of(id), ids(desk.workList("olga")));
        desk.respond(id, "olga", "Here it is");
    }

    @Test
    void badChangesAreRefusedWholeWithEveryProblem() {
        ValidationException join = assertThrows(ValidationException.class, () -> desk.staff().join(" ", "bad group!"));
        assertEquals(2, join.violations().size(), join.getMessage());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> desk.staff().absent("nobody", SICK));
        assertEquals(List.of("unknown member 'nobody': join them to a group first"), unknown.violations());
        assertThrows(ValidationException.class, () -> desk.staff().setShifts("nobody", LATE));
        Absence monday = new Absence(kyiv("2026-03-09T12:00"), kyiv("2026-03-09T18:00"), "course");
        Absence friday = new Absence(kyiv("2026-03-13T09:00"), kyiv("2026-03-13T18:00"), "leave");
        Absence fridayToo = new Absence(kyiv("2026-03-13T17:00"), kyiv("2026-03-14T09:00"), "trip");
        ValidationException overlaps = assertThrows(ValidationException.class,
                () -> desk.staff().absent("denys", friday, monday, fridayToo));
        assertEquals(List.of("absences[1] (2026-03-09T10:00:00Z to 2026-03-09T16:00:00Z) overlaps the stored absence"
                + " 2026-03-08T22:00:00Z to 2026-03-09T22:00:00Z (sick)",
                "absences[2] (2026-03-13T15:00:00Z to 2026-03-14T07:00:00Z) overlaps absences[0] (2026-03-13T07:00:00Z"
                        + " to 2026-03-13T16:00:00Z)"), overlaps.violations());
        assertEquals(List.of(SICK), desk.staff().member("denys").orElseThrow().absences(), "nothing stored");
        ValidationException leave = assertThrows(ValidationException.class, () -> desk.staff().leave("olga", "duty"));
        assertEquals(List.of("olga is not a member of duty (their groups are [consultants])"), leave.violations());
        assertThrows(ValidationException.class, () -> desk.staff().cancelAbsence("denys", friday.from()));
        assertThrows(IllegalArgumentException.class, () -> new Absence(friday.to(), friday.from(), " "));
    }

    private static List<String> ids(List<RequestStatus> statuses) {
        return statuses.stream().map(RequestStatus::id).toList();
    }
}
