package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slaflow.bpmn.PrepaidMovement.Kind;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * D5 on PostgreSQL with two nodes: the customer approves many specifications at the same instant,
 * half through each node. Each approval takes its hours from what the ones before it left, so the
 * hours held add up to exactly the balance, never more, and the statement has one line per change.
 */
@ExtendWith(Postgres.class)
class AcceptancePrepaidHoursClusterTest {

    private static final String CUSTOMER = "hours-co";
    private static final int CASES = 12;

    @Test
    void approvalsAtOnceOnTwoNodesTakeTheBalanceOneAfterAnother(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
        ExecutorService threads = Executors.newFixedThreadPool(CASES);
        try (SlaEngine first = AcceptanceDesk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build();
                SlaEngine second = AcceptanceDesk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                ids.add(specifiedNotApproved(i % 2 == 0 ? first : second));
            }

            CyclicBarrier together = new CyclicBarrier(CASES);
            List<Future<?>> approvals = IntStream.range(0, CASES).mapToObj(i -> threads.submit(() -> {
                together.await();
                (i % 2 == 0 ? second : first).acceptance().approveSpecification(ids.get(i), keyUser(CUSTOMER));
                return null;
            })).<Future<?>>map(f -> f).toList();
            for (Future<?> approval : approvals) {
                approval.get();
            }

            List<BigDecimal> free = new ArrayList<>();
            BigDecimal held = BigDecimal.ZERO;
            for (String id : ids) {
                AcceptanceCase c = first.acceptance().status(id).acceptanceCase();
                free.add(c.prepaidAvailable().orElseThrow());
                held = held.add(c.prepaidReserved());
            }
            Collections.sort(free, Collections.reverseOrder());
            List<BigDecimal> expected = new ArrayList<>(List.of(hours("40.00"), hours("27.50"), hours("15.00"),
                    hours("2.50")));
            expected.addAll(Collections.nCopies(CASES - 4, hours("0.00")));
            assertEquals(expected, free, "every approval saw what the ones before it left");
            assertEquals(hours("40.00"), held, "the hours held add up to the balance");

            PrepaidAccount account = second.acceptance().prepaidAccount(CUSTOMER).orElseThrow();
            assertEquals(List.of(hours("40.00"), hours("40.00")), List.of(account.balance(), account.reserved()));
            assertEquals(IntStream.rangeClosed(1, 5).boxed().toList(),
                    account.statement().stream().map(PrepaidMovement::sequence).toList(),
                    "opened once, then one line per approval that held hours");
            assertEquals(List.of(Kind.OPENED, Kind.RESERVED, Kind.RESERVED, Kind.RESERVED, Kind.RESERVED),
                    account.statement().stream().map(PrepaidMovement::kind).toList());
        } finally {
            threads.shutdown();
        }
    }

    /** Files a development request for hours-co on {@code node} and submits a 12.50-hour specification. */
    private static String specifiedNotApproved(SlaEngine node) {
        String id = AcceptanceDesk.developmentAtProgrammers(node, CUSTOMER);
        node.acceptance().proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        node.acceptance().agreeSolution(id, requester(CUSTOMER));
        node.acceptance().submitSpecification(id, "ivan", AcceptancePrepaidHoursTest.specification(new BigDecimal("10")));
        return id;
    }

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }
}
