package io.slaflow.bpmn;

import io.slaflow.core.testkit.TestClock;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.ActionChain;

/**
 * The laws of {@link ClockLaws} over every interleaving jqwik draws of operations, clock moves and the
 * two transactions of a timer's firing, on one H2 engine in manual time.
 */
class ClockLawsPropertyTest {

    private static TestClock clock;
    private static SlaEngine desk;

    @BeforeContainer
    static void start() {
        clock = TestClock.at(OneClockReproductionTest.FILED);
        desk = SlaEngine.builder().policy(OneClockReproductionTest.POLICY).clock(clock).asyncExecutor(false)
                .member("olga", "consultants").member("lena", "leads").listener(ClockLaws::hear).build();
    }

    @AfterContainer
    static void stop() {
        desk.close();
    }

    @Property(tries = 60)
    void noBreachIsLostOrHeardTwice(@ForAll("chains") ActionChain<ClockLaws> chain) {
        ClockLaws end = chain.withInvariant("nothing announced twice", ClockLaws::nothingTwice).run();
        end.settle(desk::fireDueTimers);
    }

    @Provide
    Arbitrary<ActionChain<ClockLaws>> chains() {
        return ClockLaws.chains(() -> new ClockLaws(desk, clock), 30, true);
    }
}
