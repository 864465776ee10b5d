package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.DeadlineChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the due SLA clocks of one node: {@link ClockStore#sweep} in batches of {@value #BATCH}, one
 * transaction each, until fewer than a batch are due; in the background every poll interval (when the
 * node runs its jobs), or by hand ({@link #drain}). A failed sweep is rolled back and logged, and its
 * clocks are taken again by the next. Thread-safe.
 */
public final class ClockSweeper implements AutoCloseable {

    /** The default time between two looks for due clocks: a breach is heard within about this long. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(250);
    /** Due clocks fired in one transaction. */
    static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ClockSweeper.class);

    private final ManagementService management;
    private final SlaRuntime runtime;
    private final ClockStore clocks;
    /** The highest reconfiguration with {@link io.slaflow.bpmn.RunningClocks#MOVE} whose batches this node finished. */
    private volatile int movedThrough;
    /** How long an event may stay unmarked before another node delivers it. */
    private final Duration eventLockTime;
    private ScheduledExecutorService thread;

    /**
     * Creates a sweeper; it fires nothing until started or drained.
     *
     * @param management the engine's management service
     * @param runtime policy, clock and listeners
     * @param eventLockTime how long a stored event may stay unmarked before this node delivers it
     */
    public ClockSweeper(ManagementService management, SlaRuntime runtime, Duration eventLockTime) {
        this.management = management;
        this.runtime = runtime;
        this.clocks = new ClockStore(runtime);
        this.eventLockTime = eventLockTime;
    }

    /**
     * Marks the events this node delivered since the last look, in one transaction. A failure is logged:
     * the events stay unmarked, and another node delivers them again after the lock time.
     */
    public void markDelivered() {
        List<Long> delivered = runtime.takeDelivered();
        if (delivered.isEmpty()) {
            return;
        }
        try {
            management.executeCommand(context -> {
                EventLog.delivered(delivered);
                return null;
            });
        } catch (FlowableException | PersistenceException e) {
            LOG.warn("marking {} delivered SLA events failed; another node may deliver them again", delivered.size(), e);
        }
    }

    /**
     * Marks the events this node delivered since the last look (see {@link #markDelivered}); then delivers the
     * events stored more than the lock time ago that no node marked delivered (their node died between
     * its commit and its listeners, or before it marked them), batch after batch, each delivered and
     * marked in one transaction.
     *
     * @return how many events it delivered again
     */
    public int deliverLeftOver() {
        markDelivered();
        Instant storedBefore = Instant.now().minus(eventLockTime);
        int total = 0;
        int batch;
        do {
            batch = management.executeCommand(context -> EventLog.redeliver(storedBefore, BATCH, runtime::redeliver));
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    /**
     * Moves the open clocks that a reconfiguration with {@link io.slaflow.bpmn.RunningClocks#MOVE} in force
     * moves and that no node has moved yet, batch after batch of {@value #BATCH}, each its own
     * transaction: what a version that takes force later (or whose node died before it finished) needs.
     * Rows another transaction holds are left to it: an operation or a sweep moves the clock it holds.
     *
     * @return the deadlines moved
     */
    public List<DeadlineChange> recount() {
        Optional<Configuration> target = management.executeCommand(context ->
                runtime.configurations().moveTarget(movedThrough, runtime.now()));
        if (target.isEmpty()) {
            return List.of();
        }
        List<DeadlineChange> changes = new ArrayList<>();
        ClockStore.Moved moved;
        do {
            moved = management.executeCommand(context -> clocks.moveTo(target.get(), BATCH));
            changes.addAll(moved.changes());
        } while (moved.taken() > 0);
        movedThrough = Math.max(movedThrough, target.get().version());
        return changes;
    }

    /**
     * Fires every clock due now, batch after batch, in the calling thread; a clock whose request an
     * operation holds is left to the next look (the operation announces what is due itself).
     *
     * @return how many clocks fired
     * @throws FlowableException if a sweep fails (what earlier batches fired stays fired)
     */
    public int drain() {
        recount();
        deliverLeftOver();
        int fired = 0;
        ClockStore.Sweep sweep;
        do {
            sweep = management.executeCommand(context -> clocks.sweep(BATCH));
            fired += sweep.fired();
        } while (sweep.taken() == BATCH && sweep.fired() > 0);
        return fired;
    }

    /**
     * Starts firing due clocks in the background, looking every {@code poll}.
     *
     * @param poll the time between two looks
     * @param name the engine's name, for the thread's
     */
    public synchronized void start(Duration poll, String name) {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slaflow-clock-" + name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::drainQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (FlowableException | PersistenceException e) {
            LOG.warn("firing the due SLA clocks failed; the next look takes them again", e);
        } catch (RuntimeException e) {
            LOG.error("firing the due SLA clocks failed unexpectedly; the next look takes them again", e);
        }
    }

    /** Stops the background thread, letting a sweep under way finish. Idempotent. */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a sweep of the SLA clocks did not finish within 30 s of close; it is rolled back");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
