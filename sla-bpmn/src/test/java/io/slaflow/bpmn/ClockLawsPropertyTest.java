package io.slaflow.bpmn;

import io.slaflow.core.testkit.TestClock;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.ActionChain;

/**
 * The laws of {@link ClockLaws} over every interleaving jqwik draws of operations, clock moves, sweeps,
 * sweeps that die mid-way and operations during a held sweep, on one H2 engine in manual time (no
 * sweeper runs in the background: the clocks fire only when the chain sweeps). The run fails unless an
 * operation waited for a held sweep at least once (about one held sweep in twenty makes one wait).
 */
class ClockLawsPropertyTest {

    private static TestClock clock;
    private static SlaEngine desk;

    @BeforeContainer
    static void start() {
        clock = TestClock.at(OneClockReproductionTest.FILED);
        desk = SlaEngine.builder().policy(OneClockReproductionTest.POLICY).clock(clock).asyncExecutor(false)
                .member("olga", "consultants").member("lena", "leads").listener(ClockLaws::hear).build();
        ClockLaws.holdSweepsOf(desk);
    }

    @AfterContainer
    static void stop() {
        desk.close();
    }

    @Property(tries = 60)
    void noBreachIsLostOrHeardTwice(@ForAll("chains") ActionChain<ClockLaws> chain) {
        ClockLaws end = chain.withInvariant("nothing announced twice", ClockLaws::nothingTwice).run();
        end.settle(desk::fireDueTimers);
        Statistics.label("held sweeps").coverage(coverage -> coverage.check("the operation waited for the held sweep")
                .count(n -> n > 0));
    }

    @Provide
    Arbitrary<ActionChain<ClockLaws>> chains() {
        return ClockLaws.chains(() -> new ClockLaws(desk, clock), 30);
    }
}
