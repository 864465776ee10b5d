package io.slaflow.bpmn;

import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.ActionChain;

/**
 * The laws of {@link ClockLaws} on embedded PostgreSQL with Flowable's async executor running: the
 * executor fires timers on its own threads while the chain's operations, clock moves and hand-taken
 * timers race it. At the end the executor is waited for (it polls every 50 ms) until no job of the
 * chain's requests is due or taken and no event is still arriving.
 *
 * <p>Flowable times its job locks on the engine clock, which here is the chain's {@code TestClock}: a
 * move of hours would make the lock of a job being run look expired, and the executor would take it
 * again while it runs. So the lock time is longer than any move, and the final move of ten days
 * waits for the executor to be idle first.
 */
class ClockLawsPostgresPropertyTest {

    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
    private static Postgres.Server postgres;
    private static TestClock clock;
    private static SlaEngine desk;

    @BeforeContainer
    static void start() {
        postgres = Postgres.Server.start();
        clock = TestClock.at(OneClockReproductionTest.FILED);
        desk = SlaEngine.builder().policy(OneClockReproductionTest.POLICY).clock(clock)
                .jdbcUrl(postgres.newDatabase(), Postgres.Server.USER, "")
                .asyncExecutor(true).jobPollInterval(Duration.ofMillis(50)).jobLockTime(Duration.ofDays(20))
                .member("olga", "consultants").member("lena", "leads").listener(ClockLaws::hear).build();
    }

    @AfterContainer
    static void stop() throws Exception {
        desk.close();
        postgres.close();
    }

    @Property(tries = 12)
    void noBreachIsLostOrHeardTwiceWhileTheExecutorRuns(@ForAll("chains") ActionChain<ClockLaws> chain) {
        ClockLaws end = chain.withInvariant("nothing announced twice", ClockLaws::nothingTwice).run();
        end.settle(() -> awaitExecutor(end));
    }

    /** Waits until the executor has run every due job of the chain's requests and the events stopped coming. */
    private static void awaitExecutor(ClockLaws laws) {
        Instant limit = Instant.now().plus(SETTLE_LIMIT);
        int quiet = 0;
        int heard = -1;
        while (quiet < 3) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("the executor left due jobs for " + SETTLE_LIMIT);
            }
            int now = laws.ids.stream().mapToInt(id -> ClockLaws.HEARD.getOrDefault(id, java.util.List.of()).size()).sum();
            quiet = !laws.jobsDue() && now == heard ? quiet + 1 : 0;
            heard = now;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Provide
    Arbitrary<ActionChain<ClockLaws>> chains() {
        return ClockLaws.chains(() -> new ClockLaws(desk, clock), 20, false);
    }
}
