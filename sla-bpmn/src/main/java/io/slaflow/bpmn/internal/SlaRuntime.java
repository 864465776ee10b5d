package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEventListener;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.WorkOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.flowable.common.engine.impl.cfg.TransactionContext;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the process's delegates and listeners need from the {@code SlaEngine} that owns the process
 * engine: its configuration versions, clock, members, routing and event listeners. Thread-safe.
 */
public final class SlaRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(SlaRuntime.class);

    private final Configurations configurations;
    private final Clock clock;
    private final Staff members;
    private final List<SlaEventListener> listeners;
    private final Desk desk;
    /** Positions delivered to the listeners, not yet marked in the event table. */
    private final Queue<Long> undelivered = new ConcurrentLinkedQueue<>();

    /**
     * How the desk is organised: where requests go, how missed calls are answered, in which order work
     * is taken, the customers' contracts, and which work needs a specification or acceptance. A policy
     * file holds it ({@link #of(PolicyFile)}); an engine with a policy in code has its builder's.
     *
     * @param routing intake and hand-off rules
     * @param callBacks the call-back target of missed calls
     * @param workOrder the order of open work
     * @param contracts the contract of a customer, if it has one
     * @param specificationRequired the kinds of work that need a written specification
     * @param acceptanceRequired the kinds of work resolved only through acceptance
     */
    public record Desk(RoutingRules routing, CallBackPolicy callBacks, WorkOrder workOrder,
            Function<String, Optional<ServiceContract>> contracts, Set<RequestKind> specificationRequired,
            Set<RequestKind> acceptanceRequired) {

        /** Creates the settings. */
        public Desk {
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(callBacks, "callBacks");
            Objects.requireNonNull(workOrder, "workOrder");
            Objects.requireNonNull(contracts, "contracts");
            specificationRequired = Set.copyOf(specificationRequired);
            acceptanceRequired = Set.copyOf(acceptanceRequired);
        }

        /** Returns the settings a policy file holds. */
        public static Desk of(PolicyFile file) {
            return new Desk(file.routing(), file.callBacks(), file.workOrder(), file::contract,
                    file.specificationRequired(), file.acceptanceRequired());
        }
    }

    /**
     * Creates the runtime.
     *
     * @param configurations the desk's configuration versions
     * @param clock where time comes from
     * @param members who belongs to which group
     * @param listeners who hears the events
     * @param desk how the desk is organised when the configuration is a policy in code
     */
    public SlaRuntime(Configurations configurations, Clock clock, Staff members, List<SlaEventListener> listeners,
            Desk desk) {
        this.configurations = Objects.requireNonNull(configurations, "configurations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.members = Objects.requireNonNull(members, "members");
        this.listeners = List.copyOf(listeners);
        this.desk = Objects.requireNonNull(desk, "desk");
    }

    /**
     * Returns how the desk is organised under the configuration in force: its policy file's settings, or
     * for a policy in code the builder's.
     */
    public Desk desk() {
        PolicyFile file = inForce().file();
        return file == null ? desk : Desk.of(file);
    }

    /** Returns the intake and hand-off rules in force. */
    public RoutingRules routing() {
        return desk().routing();
    }

    /** Returns the call-back target of missed calls in force. */
    public CallBackPolicy callBacks() {
        return desk().callBacks();
    }

    /** Returns the order of open work in force. */
    public WorkOrder workOrder() {
        return desk().workOrder();
    }

    /** Returns the Flowable task priority of work of {@code kind}: the earlier its class in the work order, the higher. */
    public int taskPriority(RequestKind kind) {
        return Math.max(0, 100 - 10 * workOrder().classOf(kind));
    }

    /** Returns the current instant of the engine's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Returns the configuration versions. */
    public Configurations configurations() {
        return configurations;
    }

    /** Returns the configuration version in force now; inside a command, reads the versions other nodes stored first. */
    public Configuration inForce() {
        return configurations.inForce(now());
    }

    /** Returns the calendar a clock timed by {@code timing} runs on, for {@code filed}. */
    public WorkingCalendar calendar(Timing timing, ServiceRequest filed) {
        return configurations.version(timing.version(), now())
                .targets(filed, timing.severity(filed), timing.kind(filed)).calendar();
    }

    /** Returns the members. */
    public Staff members() {
        return members;
    }

    /**
     * Stores {@code events} in the event feed with the current Flowable transaction (just before it
     * commits, with their positions) and delivers them to the listeners once it has committed; if it rolls
     * back, neither happens. Outside a transaction they are delivered at once and not stored.
     */
    public void publishAfterCommit(List<SlaEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        TransactionContext transaction = Context.getTransactionContext();
        if (transaction == null) {
            deliver(List.copyOf(events));
            return;
        }
        EventLog.Stored stored = EventLog.store(events, listeners.isEmpty());
        if (!listeners.isEmpty()) {
            transaction.addTransactionListener(TransactionState.COMMITTED, commandContext -> {
                List<SlaEvent> delivered = stored.events();
                deliver(delivered);
                delivered.forEach(e -> undelivered.add(e.position()));
            });
        }
    }

    /** Returns the positions of the events this node delivered and has not marked yet, emptying the list. */
    List<Long> takeDelivered() {
        List<Long> positions = new ArrayList<>();
        for (Long p = undelivered.poll(); p != null; p = undelivered.poll()) {
            positions.add(p);
        }
        return positions;
    }

    /** Hands stored events that no node delivered to this node's listeners. */
    void redeliver(List<SlaEvent> events) {
        deliver(events);
    }

    private void deliver(List<SlaEvent> events) {
        for (SlaEvent event : events) {
            for (SlaEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("SLA event listener {} failed on {}; the event stays delivered to the others",
                            listener, event, e);
                }
            }
        }
    }
}
