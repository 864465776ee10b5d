package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.SlaException;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;

/**
 * The laws of the SLA clock, as a state for jqwik's action chains: a few requests of one customer on
 * a shared engine, moved by the operations, the clock, and both transactions of Flowable's timer
 * firing taken apart (a timer taken and never run is a node killed between them; fireDueTimers must
 * then run it). After the chain the clock moves ten days on and every due job runs; then:
 * <ul>
 *   <li>every countdown whose status says breached has exactly one BREACHED event, and every other
 *   none; each BREACHED has exactly one ESCALATED;</li>
 *   <li>no clock ends while a countdown is unmet: an open request keeps its timer job;</li>
 *   <li>no job is left in the executable table.</li>
 * </ul>
 * During the chain no threshold is announced twice.
 */
final class ClockLaws {

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final int REQUESTS = 3;

    /** Every event heard on the engine, by request id. */
    static final Map<String, List<SlaEvent>> HEARD = new ConcurrentHashMap<>();

    final SlaEngine desk;
    final TestClock clock;
    final String customer = "laws-" + CUSTOMERS.incrementAndGet();
    final List<String> ids = new ArrayList<>();
    ClockLaws(SlaEngine desk, TestClock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    /** Records an event. */
    static void hear(SlaEvent e) {
        HEARD.computeIfAbsent(e.requestId(), k -> new CopyOnWriteArrayList<>()).add(e);
    }

    /** The chains: operations, clock moves, and the two halves of a timer's firing, on up to three requests. */
    static ActionChainArbitrary<ClockLaws> chains(java.util.function.Supplier<ClockLaws> start, int length,
            boolean manual) {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, REQUESTS - 1);
        ActionChainArbitrary<ClockLaws> chains = ActionChain.<ClockLaws>startWith(start)
                .withAction(2, Action.just(Transformer.mutate("submit", ClockLaws::submit)))
                .withAction(3, (Action.Independent<ClockLaws>) () -> Arbitraries.integers().between(1, 180)
                        .map(m -> Transformer.mutate("advance " + m + " min", s -> s.clock.advance(Duration.ofMinutes(m)))))
                .withAction(op(which, "respond", (s, id) -> s.desk.respond(id, "olga", "A diagnosis")))
                .withAction(op(which, "wait", (s, id) -> s.desk.waitForCustomer(id, "olga", "A question")))
                .withAction(op(which, "reply", (s, id) -> s.desk.customerReplied(id, "An answer")))
                .withAction(op(which, "resolve", (s, id) -> s.desk.resolve(id, "olga", "Done")))
                .withAction(op(which, "take timer", ClockLaws::take))
                .withMaxTransformations(length);
        // in manual time the chain runs what it took, or leaves it to fireDueTimers; with an executor
        // running, the executor runs it (a host never runs a job an executor holds)
        return manual ? chains.withAction(op(which, "run taken", ClockLaws::runTaken))
                .withAction(Action.just(Transformer.mutate("fireDueTimers", s -> s.desk.fireDueTimers())))
                : chains;
    }

    private static Action.Independent<ClockLaws> op(Arbitrary<Integer> which, String name,
            java.util.function.BiConsumer<ClockLaws, String> body) {
        return () -> which.map(i -> Transformer.mutate(name + " " + i, s -> {
            if (i < s.ids.size()) {
                try {
                    body.accept(s, s.ids.get(i));
                } catch (SlaException e) {
                    // wrong stage, already resolved: the law is about the clock, not the operation's checks
                }
            }
        }));
    }

    private void submit() {
        if (ids.size() < REQUESTS) {
            ids.add(desk.submit(OneClockReproductionTest.critical(customer)));
        }
    }

    private ManagementService management() {
        return desk.processEngine().getManagementService();
    }

    /**
     * Takes the request's due timer: the first of Flowable's two transactions. With an executor running
     * it may take the job first; that race is part of the chain.
     */
    private void take(String id) {
        for (Job job : management().createTimerJobQuery().processInstanceId(id).list()) {
            if (!job.getDuedate().toInstant().isAfter(clock.instant())) {
                try {
                    management().moveTimerToExecutableJob(job.getId());
                } catch (FlowableException e) {
                    // an executor took it first
                }
            }
        }
    }

    /** Runs a taken timer: the second transaction. */
    private void runTaken(String id) {
        for (Job job : management().createJobQuery().processInstanceId(id).list()) {
            management().executeJob(job.getId());
        }
    }

    /** Tells whether a job of these requests is due or taken: what an executor has still to run. */
    boolean jobsDue() {
        for (String id : ids) {
            if (management().createJobQuery().processInstanceId(id).count() > 0) {
                return true;
            }
            for (Job job : management().createTimerJobQuery().processInstanceId(id).list()) {
                if (!job.getDuedate().toInstant().isAfter(clock.instant())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** No threshold is announced twice. */
    void nothingTwice() {
        for (String id : ids) {
            List<SlaEvent> heard = HEARD.getOrDefault(id, List.of());
            for (SlaMetric metric : SlaMetric.values()) {
                for (SlaEvent.Type type : List.of(SlaEvent.Type.BREACHED, SlaEvent.Type.ESCALATED)) {
                    long n = heard.stream().filter(e -> e.metric() == metric && e.type() == type && e.round() == 0).count();
                    assertTrue(n <= 1, type + " " + metric + " of " + id + " heard " + n + " times: " + heard);
                }
            }
        }
    }

    /** Lets every due job run, moves ten days on, lets every job then due run, and checks the laws. */
    void settle(Runnable runDue) {
        runDue.run();
        clock.advance(Duration.ofDays(10));
        runDue.run();
        for (String id : ids) {
            RequestStatus status = desk.status(id);
            List<SlaEvent> heard = HEARD.getOrDefault(id, List.of());
            for (SlaMetric metric : SlaMetric.values()) {
                boolean breached = (metric == SlaMetric.RESPONSE ? status.response() : status.resolution()).breached();
                long breaches = heard.stream().filter(e -> e.metric() == metric && e.type() == SlaEvent.Type.BREACHED).count();
                long escalations = heard.stream().filter(e -> e.metric() == metric && e.type() == SlaEvent.Type.ESCALATED).count();
                assertEquals(breached ? 1 : 0, breaches, metric + " of " + id + " (" + status + "): " + heard);
                assertEquals(breaches, escalations, metric + " of " + id + ": " + heard);
            }
            long timers = management().createTimerJobQuery().processInstanceId(id).count();
            assertEquals(status.stage() == RequestStage.RESOLVED ? 0 : 1, timers, "timer of " + id + " in " + status.stage());
            assertEquals(0, management().createJobQuery().processInstanceId(id).count(), "a job left taken for " + id);
        }
    }
}
