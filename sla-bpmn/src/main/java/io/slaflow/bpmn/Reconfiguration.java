package io.slaflow.bpmn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SlaEngine#reconfigure} stored, or {@link SlaEngine#previewReconfigure} would store: the
 * new configuration version and how it moves the open requests' deadlines.
 *
 * @param version the version number the configuration gets (or would get)
 * @param effectiveFrom when it takes force
 * @param strategy what it does to the requests open then
 * @param changes each countdown whose due instant the change moves, by request id then metric; empty
 *     under {@link RunningClocks#KEEP}
 */
public record Reconfiguration(int version, Instant effectiveFrom, RunningClocks strategy, List<DeadlineChange> changes) {

    /**
     * Creates the result.
     *
     * @throws NullPointerException if an argument is null
     */
    public Reconfiguration {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(strategy, "strategy");
        changes = List.copyOf(changes);
    }
}
