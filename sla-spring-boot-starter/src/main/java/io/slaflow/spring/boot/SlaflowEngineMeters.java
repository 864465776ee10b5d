package io.slaflow.spring.boot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.slaflow.bpmn.SlaEngine;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the engine's database when the registry is scraped:
 * <ul>
 *   <li>{@value #OPEN} : requests filed and not yet resolved (all nodes);
 *   <li>{@value #DUE} : SLA timers whose due time has come and that have not run yet;
 *   <li>{@value #LAG} (seconds): how long the oldest of them is overdue, 0 when none.
 * </ul>
 * A gauge that cannot be read (database down, engine closed) reports NaN.
 */
public final class SlaflowEngineMeters implements MeterBinder {

    /** Gauge of open requests. */
    public static final String OPEN = "slaflow.requests.open";
    /** Gauge of due timers not yet run. */
    public static final String DUE = "slaflow.timers.due";
    /** Gauge of how overdue the oldest due timer is. */
    public static final String LAG = "slaflow.timers.lag";

    private static final Logger LOG = LoggerFactory.getLogger(SlaflowEngineMeters.class);

    private final EngineProbe probe;

    SlaflowEngineMeters(SlaEngine engine) {
        this.probe = new EngineProbe(engine);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(OPEN, probe, read(p -> p.openRequests())).description("SLA requests filed and not yet resolved")
                .register(registry);
        Gauge.builder(DUE, probe, read(p -> p.dueTimers().count()))
                .description("SLA timers whose due time has come and that have not run yet").register(registry);
        Gauge.builder(LAG, probe, read(EngineProbe::lagSeconds)).baseUnit("seconds")
                .description("How long the oldest due SLA timer has waited").register(registry);
    }

    private static ToDoubleFunction<EngineProbe> read(ToDoubleFunction<EngineProbe> gauge) {
        return p -> {
            try {
                return gauge.applyAsDouble(p);
            } catch (RuntimeException e) {
                LOG.debug("slaflow gauge could not be read", e);
                return Double.NaN;
            }
        };
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
