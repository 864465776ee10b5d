package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the SLA timers, contributed as {@code slaflow}:
 * <ul>
 *   <li>OUT_OF_SERVICE while the engine closes or after it closed;
 *   <li>DOWN when the database cannot be read, or when the oldest SLA timer whose due time has come
 *       has waited longer than {@code slaflow.health.timer-lag-polls} poll intervals of the async
 *       executor (no node fires timers, or they cannot keep up);
 *   <li>UP otherwise.
 * </ul>
 * Details: {@code dueTimers}, {@code oldestDue}, {@code lag}, {@code maxLag}, {@code openRequests}.
 */
public final class SlaflowHealthIndicator extends AbstractHealthIndicator {

    private final EngineProbe probe;
    private final SlaEngineLifecycle lifecycle;
    private final int lagPolls;

    SlaflowHealthIndicator(SlaEngine engine, SlaEngineLifecycle lifecycle, int lagPolls) {
        super("slaflow health check failed");
        if (lagPolls < 1) {
            throw new IllegalArgumentException("slaflow.health.timer-lag-polls must be at least 1 (was " + lagPolls + ")");
        }
        this.probe = new EngineProbe(engine);
        this.lifecycle = lifecycle;
        this.lagPolls = lagPolls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (lifecycle != null && lifecycle.isClosing()) {
            builder.outOfService().withDetail("engine", "closing");
            return;
        }
        EngineProbe.Backlog due = probe.dueTimers();
        Instant now = probe.now();
        Duration lag = due.lag(now);
        Duration maxLag = probe.pollInterval().multipliedBy(lagPolls);
        builder.withDetail("dueTimers", due.count()).withDetail("lag", lag.toString())
                .withDetail("maxLag", maxLag.toString()).withDetail("openRequests", probe.openRequests());
        if (due.oldestDue() != null) {
            builder.withDetail("oldestDue", due.oldestDue().toString());
        }
        if (lag.compareTo(maxLag) > 0) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
