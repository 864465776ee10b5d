package io.slaflow.test;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.testkit.TestClock;
import java.util.List;

/**
 * The nodes of an {@link SlaClusterTest}: engines on one PostgreSQL database, sharing one clock,
 * each with its own Flowable engine, as separate JVMs would. Timers run when {@link #time()} moves.
 */
public final class SlaCluster {

    private final List<SlaEngine> nodes;
    private final TestClock clock;
    private final SlaTime time;
    private final String jdbcUrl;

    SlaCluster(List<SlaEngine> nodes, TestClock clock, String jdbcUrl) {
        this.nodes = List.copyOf(nodes);
        this.clock = clock;
        this.time = new SlaTime(clock, nodes);
        this.jdbcUrl = jdbcUrl;
    }

    /** Returns node {@code index}, from 0. */
    public SlaEngine node(int index) {
        return nodes.get(index);
    }

    /** Returns every node, in order. */
    public List<SlaEngine> nodes() {
        return nodes;
    }

    /** Returns the shared clock. */
    public TestClock clock() {
        return clock;
    }

    /** Returns the test's time: {@link SlaTime#advance} moves the clock and runs the due timers on each node in turn. */
    public SlaTime time() {
        return time;
    }

    /** Returns the JDBC URL of the nodes' database (user {@code postgres}, no password), for the test's own checks. */
    public String jdbcUrl() {
        return jdbcUrl;
    }
}
