package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.DeadlineChange;
import io.slaflow.bpmn.Reconfiguration;
import io.slaflow.bpmn.RunningClocks;
import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.PolicyFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowable.engine.ProcessEngine;

/**
 * Stores a new configuration version and, with {@link RunningClocks#MOVE}, moves the open requests'
 * clocks to it in batches of {@value ClockSweeper#BATCH} (each its own transaction, so a reconfiguration
 * of many requests never holds them all at once); or previews what it would do, storing nothing. Both
 * compute each clock's move with {@link Retiming}, so a preview is what the change then does.
 */
public final class Reconfigurer {

    /** Open clocks read per transaction by a preview. */
    private static final int PREVIEW_PAGE = 500;
    /** The order of the changes returned: by request, then metric. */
    private static final Comparator<DeadlineChange> ORDER = Comparator.comparing(DeadlineChange::requestId)
            .thenComparing(DeadlineChange::metric);

    private final SlaRuntime runtime;
    private final Transactions transactions;
    private final ClockStore clocks;
    private final ClockSweeper sweeper;

    /**
     * Creates the reconfigurer.
     *
     * @param engine the process engine
     * @param runtime the versions and the clock
     * @param sweeper the node's sweeper, whose {@link ClockSweeper#recount()} moves the clocks
     */
    public Reconfigurer(ProcessEngine engine, SlaRuntime runtime, ClockSweeper sweeper) {
        this.runtime = runtime;
        this.transactions = new Transactions(engine.getManagementService());
        this.clocks = new ClockStore(runtime);
        this.sweeper = sweeper;
    }

    /**
     * Stores {@code next} as the next version (or, with {@code store} false, only computes what it would
     * do). The changes are computed in the transaction that stores the version, before any node can move a
     * clock to it; a version in force at once is then applied by this node's {@link ClockSweeper#recount()}
     * (other nodes' sweepers may take batches too), a later one by the sweepers once it takes force.
     *
     * @throws InvalidPolicyException if {@code effectiveFrom} is before the latest stored version takes force
     */
    public Reconfiguration reconfigure(PolicyFile next, Instant effectiveFrom, RunningClocks strategy, boolean store) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(strategy, "strategy");
        Reconfiguration result = transactions.run(store ? "store the configuration" : "preview the configuration", () -> {
            Instant now = runtime.now();
            List<Configuration> all = runtime.configurations().all();
            Instant latest = all.isEmpty() ? Configurations.ALWAYS : all.get(all.size() - 1).effectiveFrom();
            if (effectiveFrom.isBefore(latest)) {
                return Outcome.fail(new InvalidPolicyException(List.of("effectiveFrom: must not be before "
                        + latest + ", when version " + all.size() + " takes force (was " + effectiveFrom + ")")));
            }
            List<String> unknown = runtime.members().unknownLevelGroups(next);
            if (!unknown.isEmpty()) {
                return Outcome.fail(new InvalidPolicyException(unknown));
            }
            Instant from = effectiveFrom.isBefore(now) ? now : effectiveFrom;
            Configuration version = store ? runtime.configurations().store(next, from, strategy, now)
                    : new Configuration(all.size() + 1, from, strategy, next, null);
            List<DeadlineChange> changes = strategy == RunningClocks.MOVE ? changes(version) : List.of();
            return Outcome.ok(new Reconfiguration(version.version(), from, strategy, changes));
        });
        if (store && strategy == RunningClocks.MOVE && !result.effectiveFrom().isAfter(runtime.now())) {
            sweeper.recount();
        }
        return result;
    }

    /**
     * Computes how moving every open clock to {@code version} when it takes force changes their deadlines,
     * page by page. Call inside a command.
     */
    private List<DeadlineChange> changes(Configuration version) {
        List<DeadlineChange> changes = new ArrayList<>();
        String after = null;
        do {
            Map.Entry<String, List<DeadlineChange>> page = clocks.previewMove(version, version.effectiveFrom(), after,
                    PREVIEW_PAGE);
            changes.addAll(page.getValue());
            after = page.getKey();
        } while (after != null);
        changes.sort(ORDER);
        return changes;
    }
}
