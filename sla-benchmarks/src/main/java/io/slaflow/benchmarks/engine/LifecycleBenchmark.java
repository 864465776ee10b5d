package io.slaflow.benchmarks.engine;

import io.slaflow.bpmn.SlaEngine;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.flowable.engine.ProcessEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Full request lifecycles per second on one thread: file a request, give the first response, resolve
 * it. {@code desk=slaflow} goes through {@link SlaEngine} (routing, two countdowns as JSON variables
 * with their timer job, checks of user and stage, events to a listener); {@code desk=flowable} is a
 * bare Flowable process with the same user tasks and timer count (two tasks, one timer job) and no
 * slaflow code, started with the
 * request's fields as plain variables and the customer as tenant, its tasks claimed and completed
 * through the Flowable API. Both run on an engine with the same settings (H2 in memory, history
 * {@code audit}), each on its own database. Goal: slaflow costs at most 15% of the bare throughput.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifecycleBenchmark {

    /** Which desk runs the lifecycle. */
    @Param({"slaflow", "flowable"})
    public String desk;

    private final LongAdder events = new LongAdder();
    private SlaEngine slaEngine;
    private ProcessEngine bare;

    /** Starts the desk and checks that one lifecycle leaves what it should. */
    @Setup(Level.Trial)
    public void setUp() {
        if (desk.equals("slaflow")) {
            slaEngine = Desks.slaEngine(events::increment);
            String id = slaEngine.submit(Desks.REQUEST);
            check(Desks.timerJobs(slaEngine.processEngine(), id) == 1, "one timer job per open request");
            lifecycleOf(id);
            check(events.sum() == 4, "STARTED x2 and MET x2 per lifecycle, was " + events.sum());
        } else {
            bare = Desks.bareFlowable();
            String id = Desks.bareSubmit(bare);
            check(Desks.timerJobs(bare, id) == 1, "one timer job per open request");
        }
    }

    /** Stops the desk. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (slaEngine != null) {
            slaEngine.close();
        }
        if (bare != null) {
            Desks.close(bare, true);
        }
    }

    /** One lifecycle: submit, respond, resolve. */
    @Benchmark
    public String lifecycle() {
        if (slaEngine != null) {
            return lifecycleOf(slaEngine.submit(Desks.REQUEST));
        }
        String id = Desks.bareSubmit(bare);
        Desks.bareComplete(bare, id, "olga", "diagnosis", "Use the sales journal");
        Desks.bareComplete(bare, id, "olga", "resolution", "Printed");
        return id;
    }

    private String lifecycleOf(String id) {
        slaEngine.respond(id, "olga", "Use the sales journal");
        slaEngine.resolve(id, "olga", "Printed");
        return id;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark setup: expected " + what);
        }
    }
}
