package io.slaflow.bpmn;

import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.ActionChain;

/**
 * The laws of {@link ClockLaws} on embedded PostgreSQL with the engine's clock sweeper running in the
 * background (every 20 ms): it fires the due clocks on its own thread while the chain's operations,
 * clock moves, sweeps of the chain's own ({@code fireDueTimers}, as a second node would), sweeps that
 * die and held sweeps race it. At the end the sweeper is waited for until no clock of the chain's
 * requests is due and no event is still arriving.
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
                .asyncExecutor(true).clockPollInterval(Duration.ofMillis(20))
                .member("olga", "consultants").member("lena", "leads").listener(ClockLaws::hear).build();
        ClockLaws.holdSweepsOf(desk);
    }

    @AfterContainer
    static void stop() throws Exception {
        desk.close();
        postgres.close();
    }

    @Property(tries = 12)
    void noBreachIsLostOrHeardTwiceWhileTheSweeperRuns(@ForAll("chains") ActionChain<ClockLaws> chain) {
        ClockLaws end = chain.withInvariant("nothing announced twice", ClockLaws::nothingTwice).run();
        end.settle(() -> awaitSweeper(end));
    }

    /** Waits until the sweeper has fired every due clock of the chain's requests and the events stopped coming. */
    private static void awaitSweeper(ClockLaws laws) {
        Instant limit = Instant.now().plus(SETTLE_LIMIT);
        int quiet = 0;
        int heard = -1;
        while (quiet < 3) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("the sweeper left due clocks for " + SETTLE_LIMIT);
            }
            int now = laws.ids.stream().mapToInt(id -> ClockLaws.HEARD.getOrDefault(id, List.of()).size()).sum();
            quiet = !laws.clocksDue() && now == heard ? quiet + 1 : 0;
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
        return ClockLaws.chains(() -> new ClockLaws(desk, clock), 20);
    }
}
