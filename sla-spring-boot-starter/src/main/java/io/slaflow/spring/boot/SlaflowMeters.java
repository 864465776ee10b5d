package io.slaflow.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEventListener;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Counts the SLA events and times how late threshold events are heard, as an
 * {@link SlaEventListener} registered with the engine:
 * <ul>
 *   <li>{@value #EVENTS} (counter; tags {@code metric}, {@code type}): every event;
 *   <li>{@value #LATENESS} (timer; tags {@code metric}, {@code type}): for WARNING, BREACHED and
 *       ESCALATED, the time from the instant the threshold was crossed ({@link SlaEvent#at()}) to the
 *       instant the node heard the event on the engine's clock; a stuck or slow timer executor shows
 *       here as late escalations.
 * </ul>
 * With {@code slaflow.metrics.customer-tag=true} both carry a {@code customer} tag too. Tag values are
 * the enum names in lower case. Thread-safe.
 */
public final class SlaflowMeters implements SlaEventListener, MeterBinder {

    /** The counter of events. */
    public static final String EVENTS = "slaflow.countdown.events";
    /** The timer from a threshold's instant to its event. */
    public static final String LATENESS = "slaflow.countdown.lateness";

    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final boolean customerTag;
    private final Supplier<SlaEngine> engine;

    /**
     * Creates the meters.
     *
     * @param customerTag whether to tag by customer
     * @param engine the engine, looked up when an event is heard (for its clock)
     */
    SlaflowMeters(boolean customerTag, Supplier<SlaEngine> engine) {
        this.customerTag = customerTag;
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
    }

    @Override
    public void onEvent(SlaEvent event) {
        Tags tags = Tags.of("metric", lower(event.metric()), "type", lower(event.type()));
        if (customerTag) {
            tags = tags.and("customer", event.customer());
        }
        Duration late = null;
        if (event.type() == SlaEvent.Type.WARNING || event.type() == SlaEvent.Type.BREACHED
                || event.type() == SlaEvent.Type.ESCALATED) {
            late = Duration.between(event.at(), new EngineProbe(engine.get()).now());
            if (late.isNegative()) {
                late = Duration.ZERO;
            }
        }
        for (MeterRegistry registry : registries) {
            Counter.builder(EVENTS).description("SLA countdown events heard by this node").tags(tags)
                    .register(registry).increment();
            if (late != null) {
                Timer.builder(LATENESS).description("Time from an SLA threshold's instant to its event on this node")
                        .tags(tags).register(registry).record(late);
            }
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
