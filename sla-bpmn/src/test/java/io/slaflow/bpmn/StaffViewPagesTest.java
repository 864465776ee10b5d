package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff views return a page of the work order (50 items unless asked otherwise), ordered from the
 * requests' clock rows without loading the requests off the page: the pages of a view, joined, are the
 * whole work order, and each item stands as {@code status()} tells.
 */
class StaffViewPagesTest {

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));
    private SlaEngine desk;
    private final List<String> filed = new ArrayList<>();

    @BeforeEach
    void fileSixtyRequests() {
        desk = Desk.engine(clock).build();
        for (int i = 0; i < 60; i++) {
            // every fifth a specification (after the consultations in the work order); a minute apart
            RequestKind kind = i % 5 == 0 ? RequestKind.SPECIFICATION : RequestKind.CONSULTATION;
            filed.add(desk.submit(Desk.request("page-co", RequesterTier.ORDINARY_USER, kind, Severity.NON_CRITICAL,
                    "Request " + i)));
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void theDefaultPageIsTheFirstFiftyOfTheWorkOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i % 5 != 0) {
                expected.add(filed.get(i));                               // the 48 consultations, first come first served
            }
        }
        for (int i = 0; i < 60; i += 5) {
            expected.add(filed.get(i));                                   // then the 12 specifications, likewise
        }
        assertEquals(expected, ids(desk.openWork(null, "consultants", 0, 100)));
        assertEquals(SlaEngine.PAGE, desk.openWork("consultants").size(), "one page by default");
        assertEquals(expected.subList(0, 50), ids(desk.openWork("consultants")));
        assertEquals(expected.subList(0, 50), ids(desk.workList("olga")));
        assertEquals(expected.subList(50, 60), ids(desk.workList(null, "olga", 50, 50)));
    }

    @Test
    void pagesJoinedAreTheWholeWorkOrderAndEachItemIsItsStatus() {
        List<String> all = ids(desk.openWork(null, "consultants", 0, 1000));
        assertEquals(60, all.size());
        List<String> joined = new ArrayList<>();
        for (int first = 0; first < 60; first += 7) {
            joined.addAll(ids(desk.openWork(null, "consultants", first, 7)));
        }
        assertEquals(all, joined);
        assertEquals(List.of(), desk.openWork(null, "consultants", 60, 7), "past the end: nothing");
        RequestStatus tenth = desk.openWork(null, "consultants", 9, 1).get(0);
        assertEquals(desk.status(tenth.id()), tenth, "an item of a page is the request's status");

        desk.claim(all.get(20), "olga");
        List<String> rest = new ArrayList<>(all);
        rest.remove(20);
        assertEquals(rest, ids(desk.openWork(null, "consultants", 0, 1000)), "a claimed request leaves the open work");
        assertEquals(all, ids(desk.workList(null, "olga", 0, 1000)), "and stays in its claimant's work list");
    }

    @Test
    void requestsFiledAtOneInstantArePagedByIdAcrossPageBoundaries() {
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 6; i++) {                                      // same kind, instant and deadline
            tied.add(desk.submit(Desk.request("tie-co", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION,
                    Severity.NON_CRITICAL, "Tied " + i)));
        }
        List<String> byId = tied.stream().sorted().toList();
        assertEquals(byId, ids(desk.openWork("tie-co", "consultants", 0, 10)), "ties go by id");
        List<String> joined = new ArrayList<>();
        for (int first = 0; first < 6; first += 2) {
            joined.addAll(ids(desk.openWork("tie-co", "consultants", first, 2)));
        }
        assertEquals(byId, joined, "and a page boundary inside the tie neither drops nor repeats one");
    }

    @Test
    void aNodeStartedWithAnotherWorkOrderRanksTheOpenWorkByIt() {
        String url = "jdbc:h2:mem:rank-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String consultation;
        String specification;
        try (SlaEngine first = Desk.engine(clock).jdbcUrl(url, "sa", "").build()) {
            specification = first.submit(Desk.request("rank-co", RequesterTier.ORDINARY_USER, RequestKind.SPECIFICATION,
                    Severity.NON_CRITICAL, "Filed first"));
            clock.advance(Duration.ofMinutes(1));
            consultation = first.submit(Desk.request("rank-co", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION,
                    Severity.NON_CRITICAL, "Filed second"));
            assertEquals(List.of(consultation, specification), ids(first.openWork("rank-co", "consultants")),
                    "the standard order: consultations before specifications");
        }
        io.slaflow.core.routing.WorkOrder specificationsFirst = io.slaflow.core.routing.WorkOrder.of(List.of(
                java.util.EnumSet.of(RequestKind.SPECIFICATION), java.util.EnumSet.of(RequestKind.EMERGENCY),
                java.util.EnumSet.of(RequestKind.CONSULTATION), java.util.EnumSet.of(RequestKind.DEVELOPMENT,
                        RequestKind.UPDATE)));
        try (SlaEngine second = Desk.engine(clock).jdbcUrl(url, "sa", "").workOrder(specificationsFirst).build()) {
            assertEquals(List.of(specification, consultation), ids(second.openWork("rank-co", "consultants")),
                    "the open work ranked again by the new order");
        }
    }

    @Test
    void aBadPageIsRefusedListingEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> desk.openWork(null, "consultants", -1, 0));
        assertEquals("Invalid page: first must not be negative: -1; max must be positive: 0", e.getMessage());
    }

    private static List<String> ids(List<RequestStatus> statuses) {
        return statuses.stream().map(RequestStatus::id).toList();
    }
}
