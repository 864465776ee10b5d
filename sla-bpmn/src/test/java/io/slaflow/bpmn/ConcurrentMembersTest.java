package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEvent.Type;
import io.slaflow.core.testkit.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.flowable.common.engine.api.FlowableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two consultants on two nodes act on the same request at the same instant, many times over: one
 * wins each time, the other hears that the winner has the request ({@link AlreadyClaimedException}),
 * and no Flowable exception (optimistic lock, deadlock) ever reaches them.
 */
@ExtendWith(Postgres.class)
class ConcurrentMembersTest {

    private static final int ROUNDS = 50;

    private static final TestClock CLOCK = TestClock.at(Storm.FILED);
    private static final Heard HEARD = new Heard();
    private static SlaEngine first;
    private static SlaEngine second;
    private static ExecutorService threads;

    @BeforeAll
    static void start(Postgres.Server pg) {
        String url = pg.newDatabase();
        first = Storm.node(CLOCK, HEARD.listener("first")).jdbcUrl(url, Postgres.Server.USER, "").build();
        second = Storm.node(CLOCK, HEARD.listener("second")).jdbcUrl(url, Postgres.Server.USER, "").build();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdown();
        first.close();
        second.close();
    }

    /** What one consultant tries on one node. */
    private interface Attempt {
        void on(SlaEngine node, String id, String user);
    }

    @Test
    void twoClaimsAtOnceOneWinsTheOtherHearsWhoHasIt() throws Exception {
        race((node, id, user) -> node.claim(id, user), (node, id, user) -> node.claim(id, user));
    }

    @Test
    void twoResponsesAtOnceOneWinsTheOtherHearsWhoHasIt() throws Exception {
        List<String> ids = race((node, id, user) -> node.respond(id, user, "diagnosis of " + user),
                (node, id, user) -> node.respond(id, user, "diagnosis of " + user));
        for (String id : ids) {
            assertEquals(1, HEARD.count(Type.MET, "RESPONSE", id), "the response was met once");
            String winner = first.status(id).assignee().orElseThrow();
            assertEquals("diagnosis of " + winner, first.processEngine().getRuntimeService().getVariable(id, "slaDiagnosis"));
        }
    }

    @Test
    void aClaimAndAResponseAtOnceOneWinsTheOtherHearsWhoHasIt() throws Exception {
        race((node, id, user) -> node.claim(id, user), (node, id, user) -> node.respond(id, user, "answer of " + user));
    }

    /**
     * Files {@link #ROUNDS} requests; for each, olga on the first node and petro on the second try at
     * the same instant. Returns the ids.
     */
    private static List<String> race(Attempt olga, Attempt petro) throws Exception {
        List<String> ids = Storm.file(ROUNDS, first, second);
        for (String id : ids) {
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Throwable> a = threads.submit(() -> attempt(together, () -> olga.on(first, id, "olga")));
            Future<Throwable> b = threads.submit(() -> attempt(together, () -> petro.on(second, id, "petro")));
            Throwable olgaLost = a.get();
            Throwable petroLost = b.get();
            assertTrue(olgaLost == null ^ petroLost == null, "exactly one wins: " + olgaLost + " / " + petroLost);
            String winner = olgaLost == null ? "olga" : "petro";
            Throwable loser = olgaLost == null ? petroLost : olgaLost;
            AlreadyClaimedException lost = assertInstanceOf(AlreadyClaimedException.class, loser,
                    () -> causes(loser).map(Throwable::toString).toList().toString());
            assertEquals(winner, lost.assignee(), lost.getMessage());
            assertEquals(id, lost.requestId());
            assertNull(causes(lost).filter(FlowableException.class::isInstance).findAny().orElse(null),
                    "no Flowable exception inside");
            RequestStatus status = second.status(id);
            assertEquals(winner, status.assignee().orElse(winner), "the winner has it (or resolved it)");
        }
        return ids;
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
