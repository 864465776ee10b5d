package io.slaflow.core.routing;

import static io.slaflow.core.request.RequestKind.CONSULTATION;
import static io.slaflow.core.request.RequestKind.DEVELOPMENT;
import static io.slaflow.core.request.RequestKind.EMERGENCY;
import static io.slaflow.core.request.RequestKind.SPECIFICATION;
import static io.slaflow.core.request.RequestKind.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkOrderTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)).build();

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 3, 10, hour, minute, 0, 0, KYIV).toInstant();
    }

    private static WorkItem item(String id, RequestKind kind, Instant arrived, Instant due) {
        return WorkItem.request(id, kind, arrived, due);
    }

    private static List<String> ids(List<WorkItem> items) {
        return items.stream().map(WorkItem::id).toList();
    }

    @Test
    void emergencyThenConsultationThenSpecificationThenDevelopmentAndUpdate() {
        List<WorkItem> items = new ArrayList<>(List.of(
                item("dev", DEVELOPMENT, at(9, 0), at(18, 0)),
                item("upd", UPDATE, at(9, 5), at(12, 0)),
                item("spec", SPECIFICATION, at(9, 10), at(18, 0)),
                item("ask", CONSULTATION, at(9, 20), at(13, 0)),
                item("down", EMERGENCY, at(9, 30), at(10, 0))));
        Collections.shuffle(items, new Random(7));
        items.sort(WorkOrder.standard());
        assertEquals(List.of("down", "ask", "spec", "dev", "upd"), ids(items));
    }

    @Test
    void withinAClassFirstComeFirstServedEvenIfALaterOneIsDueSooner() {
        List<WorkItem> items = new ArrayList<>(List.of(
                item("late", CONSULTATION, at(9, 30), at(10, 0)),
                item("early", CONSULTATION, at(9, 0), at(13, 0))));
        items.sort(WorkOrder.standard());
        assertEquals(List.of("early", "late"), ids(items));
    }

    @Test
    void developmentAndUpdatesShareOneClass() {
        List<WorkItem> items = new ArrayList<>(List.of(
                item("upd", UPDATE, at(9, 5), at(12, 0)),
                item("dev", DEVELOPMENT, at(9, 0), at(18, 0))));
        items.sort(WorkOrder.standard());
        assertEquals(List.of("dev", "upd"), ids(items));
        assertEquals(WorkOrder.standard().classOf(UPDATE), WorkOrder.standard().classOf(DEVELOPMENT));
    }

    @Test
    void itemsThatArrivedTogetherGoByNearestDeadlineThenId() {
        List<WorkItem> items = new ArrayList<>(List.of(
                item("b", SPECIFICATION, at(9, 0), at(17, 0)),
                item("c", SPECIFICATION, at(9, 0), at(12, 0)),
                item("a", SPECIFICATION, at(9, 0), at(17, 0))));
        items.sort(WorkOrder.standard());
        assertEquals(List.of("c", "a", "b"), ids(items));
    }

    @Test
    void aHostCanRankClassesItsOwnWay() {
        WorkOrder own = WorkOrder.of(List.of(
                EnumSet.of(EMERGENCY, CONSULTATION), EnumSet.of(UPDATE), EnumSet.of(SPECIFICATION, DEVELOPMENT)));
        List<WorkItem> items = new ArrayList<>(List.of(
                item("dev", DEVELOPMENT, at(9, 0), at(18, 0)),
                item("upd", UPDATE, at(9, 5), at(12, 0)),
                item("ask", CONSULTATION, at(9, 1), at(13, 0)),
                item("down", EMERGENCY, at(9, 30), at(10, 0))));
        items.sort(own);
        assertEquals(List.of("ask", "down", "upd", "dev"), ids(items));
    }

    @Test
    void aWorkOrderMustNameEveryKindOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkOrder.of(List.of(
                EnumSet.of(EMERGENCY), EnumSet.noneOf(RequestKind.class), EnumSet.of(EMERGENCY, CONSULTATION))));
        assertEquals("Invalid work order [[EMERGENCY], [], [CONSULTATION, EMERGENCY]]: "
                + "classes[1]: must name at least one kind; classes[2]: EMERGENCY is already in classes[0]; "
                + "SPECIFICATION: must be in one class; DEVELOPMENT: must be in one class; UPDATE: must be in one class",
                e.getMessage());
    }

    @Test
    void theQueueHandsOutWorkInOrder() {
        WorkQueue queue = WorkQueue.empty()
                .with(item("dev", DEVELOPMENT, at(9, 0), at(18, 0)))
                .with(item("ask", CONSULTATION, at(9, 20), at(13, 0)))
                .with(item("down", EMERGENCY, at(9, 30), at(10, 0)));
        assertEquals(Optional.of("down"), queue.next().map(WorkItem::id));
        WorkQueue after = queue.without("down");
        assertEquals(List.of("ask", "dev"), ids(after.items()));
        assertEquals(3, queue.size());
        assertTrue(queue.contains("down"));
        assertFalse(after.contains("down"));
        assertEquals(after, after.without("unknown"));
        assertEquals(Optional.empty(), WorkQueue.empty().next());
        assertTrue(after.without("ask").without("dev").isEmpty());
        assertEquals(WorkQueue.empty(), after.without("ask").without("dev"));
    }

    @Test
    void theQueueKeepsTheSameOrderAsSortingWhateverTheInsertionOrder() {
        Random random = new Random(11);
        List<WorkItem> items = new ArrayList<>();
        RequestKind[] kinds = RequestKind.values();
        for (int i = 0; i < 60; i++) {
            Instant arrived = at(8, 0).plus(Duration.ofMinutes(random.nextInt(20)));
            items.add(item("w" + i, kinds[random.nextInt(kinds.length)], arrived,
                    arrived.plus(Duration.ofMinutes(random.nextInt(5) * 30L))));
        }
        WorkQueue queue = WorkQueue.empty();
        for (WorkItem item : items) {
            queue = queue.with(item);
        }
        items.sort(WorkOrder.standard());
        assertEquals(items, queue.items());
    }

    @Test
    void anItemCannotBeQueuedTwice() {
        WorkQueue queue = WorkQueue.empty().with(item("a", CONSULTATION, at(9, 0), at(10, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> queue.with(item("a", EMERGENCY, at(9, 5), at(9, 30))));
        assertEquals("work item a is queued already", e.getMessage());
    }

    @Test
    void aMissedCallOwesACallBackWithinFifteenWorkingMinutes() {
        WorkItem callBack = CallBackPolicy.defaults().callBack("call-1", at(10, 0), OFFICE);
        assertEquals(new WorkItem("call-1", CONSULTATION, at(10, 0), at(10, 15), true), callBack);
        assertEquals(Duration.ofMinutes(15), CallBackPolicy.DEFAULT_TARGET);
    }

    @Test
    void aCallMissedJustBeforeClosingIsCalledBackAfterOpening() {
        WorkItem callBack = CallBackPolicy.defaults().callBack("call-2", at(21, 55), OFFICE);
        assertEquals(ZonedDateTime.of(2026, 3, 11, 8, 10, 0, 0, KYIV).toInstant(), callBack.due());
    }

    @Test
    void theCallBackTargetIsConfigurable() {
        CallBackPolicy tenMinutes = CallBackPolicy.of(Duration.ofMinutes(10));
        assertEquals(at(10, 10), tenMinutes.callBack("call-3", at(10, 0), OFFICE).due());
        assertEquals(EMERGENCY, tenMinutes.callBack("call-4", EMERGENCY, at(10, 0), OFFICE).kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallBackPolicy.of(Duration.ZERO));
        assertEquals("call-back target must be positive (was PT0S); the default is PT15M", e.getMessage());
    }

    @Test
    void aCallBackHasItsOwnCountdown() {
        var countdown = CallBackPolicy.defaults().countdown(at(10, 0));
        assertEquals(SlaMetric.RESPONSE, countdown.metric());
        assertEquals(CountdownState.BREACHED, countdown.statusAt(at(10, 15), OFFICE).state());
        assertEquals(CountdownState.MET, countdown.meet(at(10, 12)).statusAt(at(10, 15), OFFICE).state());
    }

    @Test
    void aCallBackQueuesAheadOfPlannedWorkButBehindEmergencies() {
        WorkQueue queue = WorkQueue.empty()
                .with(item("report", DEVELOPMENT, at(9, 0), at(13, 30)))
                .with(item("down", EMERGENCY, at(10, 5), at(10, 35)))
                .with(CallBackPolicy.defaults().callBack("call-1", at(10, 0), OFFICE));
        assertEquals(List.of("down", "call-1", "report"), ids(queue.items()));
    }

    @Test
    void workItemsRefuseBlankIds() {
        assertThrows(IllegalArgumentException.class, () -> item(" ", CONSULTATION, at(9, 0), at(10, 0)));
        assertThrows(NullPointerException.class, () -> item("a", null, at(9, 0), at(10, 0)));
        Set<RequestKind> standardFirst = WorkOrder.standard().classes().get(0);
        assertEquals(Set.of(EMERGENCY), standardFirst);
    }
}
