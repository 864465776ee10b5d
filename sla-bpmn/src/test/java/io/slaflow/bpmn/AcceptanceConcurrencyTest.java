package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.LIMIT;
import static io.slaflow.bpmn.AcceptanceDesk.WITHIN;
import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.AlreadyDoneException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Payment;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one PostgreSQL take the same acceptance step at the same instant, many times over: the
 * operations lock the intake request, then the case, so exactly one succeeds and the other hears the
 * library's answer as the case then stands (done already, wrong stage, claimed by the winner); no
 * Flowable exception reaches anyone, and the case records the step once. A rework round's timer firing
 * while the work is completed runs one after the other as well.
 */
@ExtendWith(Postgres.class)
class AcceptanceConcurrencyTest {

    private static final int ROUNDS = 12;
    private static final Set<Class<? extends SlaException>> LOSING = Set.of(AlreadyDoneException.class,
            WrongStageException.class, AlreadyClaimedException.class);

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static final Queue<SlaEvent> HEARD = new ConcurrentLinkedQueue<>();
    private static SlaEngine first;
    private static SlaEngine second;
    private static ExecutorService threads;

    @BeforeAll
    static void start(Postgres.Server pg) {
        String url = pg.newDatabase();
        first = AcceptanceDesk.engine(CLOCK).listener(HEARD::add).jdbcUrl(url, Postgres.Server.USER, "").build();
        second = AcceptanceDesk.engine(CLOCK).listener(HEARD::add).jdbcUrl(url, Postgres.Server.USER, "").build();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdown();
        first.close();
        second.close();
    }

    @Test
    void theRequesterAndAKeyUserRecordResultsOnTwoNodesAtOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String id = AcceptanceDesk.developmentAtProgrammers(first, "post-co");
            AcceptanceDesk.agreeAndSpecify(first, id, "post-co");
            first.acceptance().completeWork(id, "ivan");
            oneWins(() -> first.acceptance().recordResults(id, requester("post-co"), allPassed()),
                    () -> second.acceptance().recordResults(id, keyUser("post-co"), allPassed()));
            AcceptanceCase accepted = second.acceptance().status(id).acceptanceCase();
            assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, accepted.stage());
            assertEquals(1, accepted.rounds().size(), "one demonstration recorded");
            assertEquals(1, heard(SlaEvent.Type.MET, id), "the request's resolution met once");
            assertEquals(CountdownState.MET, second.status(id).resolution().state());
        }
    }

    @Test
    void twoProgrammersCompleteTheWorkOnTwoNodesAtOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String id = startedAlone("post-co");
            AcceptanceWorkflow acceptance = first.acceptance();
            acceptance.approveSpecification(id, requester("post-co"));
            oneWins(() -> first.acceptance().completeWork(id, "ivan"),
                    () -> second.acceptance().completeWork(id, "petro"));
            AcceptanceStatus status = second.acceptance().status(id);
            assertEquals(AcceptanceStage.DEMONSTRATION, status.stage());
            assertTrue(status.assignee().isEmpty(), "the work task is done; the customer has the demonstration");
        }
    }

    @Test
    void aPaymentRecordedOnTwoNodesAtOnceCountsOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String id = startedAlone("split-co");
            first.acceptance().approveSpecification(id, requester("split-co"));
            assertEquals(AcceptanceStage.PAYMENT_BEFORE_WORK, first.acceptance().status(id).stage());
            oneWins(() -> first.acceptance().recordPayment(id, PaymentPoint.BEFORE_WORK),
                    () -> second.acceptance().recordPayment(id, PaymentPoint.BEFORE_WORK));
            AcceptanceCase paid = second.acceptance().status(id).acceptanceCase();
            assertEquals(AcceptanceStage.WORK, paid.stage());
            assertEquals(List.of(true, false), paid.payments().stream().map(Payment::isPaid).toList(),
                    "the first half paid, the second not");
            assertEquals(paid.updatedAt(), paid.payments().get(0).paidAt().orElseThrow(), "paid by the winner's step");
        }
    }

    /**
     * A rework round's clock comes due (its warning at half the 8-hour rework target) at the instant the
     * programmer completes the rework on the other node: the operation always succeeds, the warning is
     * announced once if the sweep fired the round before the work was completed, else never (work
     * completed at the warning's instant is in time for it), the round is met, and nothing is left due
     * or failed.
     */
    @Test
    void completingTheReworkWhileItsRoundClockFiresOnTheOtherNode() throws Exception {
        ManagementService jobs = first.processEngine().getManagementService();
        for (int i = 0; i < ROUNDS; i++) {
            CLOCK.set(CLOCK.instant().atZone(Desk.KYIV).toLocalDate().plusDays(1).atTime(10, 0).atZone(Desk.KYIV)
                    .toInstant());                          // the round runs 10:00-18:00, its warning at 14:00
            String id = startedAlone("post-co");
            first.acceptance().approveSpecification(id, requester("post-co"));
            first.acceptance().completeWork(id, "ivan");
            first.acceptance().recordResults(id, requester("post-co"), List.of(ScenarioResult.failed(LIMIT, "posts"),
                    ScenarioResult.passed(WITHIN)));
            Instant warning = second.acceptance().status(id).round().orElseThrow().due().minus(Duration.ofHours(4));
            CLOCK.set(warning);
            int[] fired = new int[1];
            Throwable[] outcome = race(() -> first.acceptance().completeWork(id, "ivan"),
                    () -> fired[0] = second.fireDueTimers());
            assertNull(outcome[0], () -> "completing the rework never fails: " + outcome[0]);
            assertNull(outcome[1]);
            AcceptanceStatus status = first.acceptance().status(id);
            assertEquals(AcceptanceStage.DEMONSTRATION, status.stage());
            assertEquals(CountdownState.MET, status.round().orElseThrow().state());
            assertEquals(fired[0], heard(SlaEvent.Type.WARNING, id),
                    "the warning is heard once if the sweep fired the round before the work was completed, else never");
            assertEquals(1, heard(SlaEvent.Type.MET, id), "the round met once");
            String process = AcceptanceDesk.caseProcess(first, id);
            assertEquals(0, jobs.createDeadLetterJobQuery().processInstanceId(process).count());
            assertEquals(0, jobs.createTimerJobQuery().processInstanceId(process).withException().count());
            assertEquals(0, jobs.createJobQuery().processInstanceId(process).count(), "no job left to run");
            assertEquals(0, jobs.createTimerJobQuery().processInstanceId(process).count(), "no Flowable timer");
            assertTrue(SlaClocks.read(first, io.slaflow.bpmn.internal.ClockStore.Slot.ROUND, process).orElseThrow().ended(),
                    "the round's clock ended");
        }
    }

    /** Starts a case on its own with the customer's agreement and D10's specification submitted; returns its id. */
    private static String startedAlone(String customer) {
        AcceptanceWorkflow acceptance = first.acceptance();
        String id = acceptance.start(AcceptanceDesk.development(customer), "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester(customer));
        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification());
        return id;
    }

    private static long heard(SlaEvent.Type type, String id) {
        return HEARD.stream().filter(e -> e.type() == type && e.metric() == SlaMetric.RESOLUTION
                && e.requestId().equals(id)).count();
    }

    /** Runs both at the same instant; exactly one must succeed, the other lose with a library exception. */
    private static void oneWins(Runnable onFirst, Runnable onSecond) throws Exception {
        Throwable[] outcome = race(onFirst, onSecond);
        assertTrue(outcome[0] == null ^ outcome[1] == null, () -> "exactly one wins: " + outcome[0] + " / " + outcome[1]);
        Throwable lost = outcome[0] == null ? outcome[1] : outcome[0];
        assertTrue(LOSING.contains(lost.getClass()), () -> "the loser hears the library's answer: "
                + causes(lost).map(Throwable::toString).toList());
        assertNull(causes(lost).filter(FlowableException.class::isInstance).findAny().orElse(null),
                "no Flowable exception inside");
    }

    private static Throwable[] race(Runnable onFirst, Runnable onSecond) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Throwable> a = threads.submit(() -> attempt(together, onFirst));
        Future<Throwable> b = threads.submit(() -> attempt(together, onSecond));
        return new Throwable[] {a.get(), b.get()};
    }

    private static Throwable attempt(CyclicBarrier together, Runnable action) throws Exception {
        together.await();
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
    }
}
