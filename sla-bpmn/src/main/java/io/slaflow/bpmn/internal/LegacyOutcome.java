package io.slaflow.bpmn.internal;

import io.slaflow.core.acceptance.Awaiting;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.engine.RepositoryService;

/**
 * The outcome strings earlier deployments of the acceptance model route on ({@link AcceptanceModel#VAR_OUTCOME}),
 * for their instances still running. Today's model routes on what the case awaits; a database an older
 * slaflow left behind holds instances of the earlier definitions, and an intake request started on one
 * calls the acceptance definition of its own deployment. Such an instance is told the outcome its gateways
 * expect, translated from the case's answer, so it goes where the case went. Thread-safe.
 *
 * <p>Why not migrate those instances to the new definition instead: an intake request keeps calling the
 * acceptance definition deployed with it, so instances of the earlier model keep being started after any
 * migration at engine start; and migration would recreate the round clock's and the warranty's timers.
 */
final class LegacyOutcome {

    private final RepositoryService repository;
    private final Map<String, Boolean> readsOutcome = new ConcurrentHashMap<>();
    private final Map<String, Boolean> timesRounds = new ConcurrentHashMap<>();

    LegacyOutcome(RepositoryService repository) {
        this.repository = repository;
    }

    /** Tells whether the gateways of process definition {@code processDefinitionId} read the outcome. */
    boolean readsOutcome(String processDefinitionId) {
        return readsOutcome.computeIfAbsent(processDefinitionId, id -> {
            BpmnModel model = repository.getBpmnModel(id);
            return model.getMainProcess().findFlowElementsOfType(SequenceFlow.class).stream()
                    .map(SequenceFlow::getConditionExpression)
                    .anyMatch(condition -> condition != null && condition.contains(AcceptanceModel.VAR_OUTCOME));
        });
    }

    /**
     * Tells whether process definition {@code processDefinitionId} has the round timer of the models
     * before the clock table, whose date each round must set ({@link LegacyClocks#PARKED}: the round's
     * clock table row does the timing, and the branch ends when the work is done).
     */
    boolean timesRounds(String processDefinitionId) {
        return timesRounds.computeIfAbsent(processDefinitionId,
                id -> repository.getBpmnModel(id).getMainProcess().getFlowElement(AcceptanceModel.ROUND_TIMER) != null);
    }

    /**
     * Returns the outcome an earlier model expects when a case that awaited {@code before} awaits {@code after}.
     *
     * @throws IllegalArgumentException when {@code before} is {@link Awaiting#NOTHING}: nothing leaves an ended case
     */
    static String of(Awaiting before, Awaiting after) {
        return switch (before) {
            case SOLUTION_DECISION -> after == Awaiting.SOLUTION_REVISION ? "changes" : "agreed";
            case SOLUTION_REVISION -> "revised";
            case SPECIFICATION -> after == Awaiting.NOTHING ? "refused" : "submitted";
            case SPECIFICATION_DECISION -> after == Awaiting.NOTHING ? "refused" : "approved";
            case OVERDRAW_DECISION -> after == Awaiting.SPECIFICATION ? "declined" : "approved";
            case PAYMENT_BEFORE_WORK -> "paid";
            case WORK -> "completed";
            case DEMONSTRATION -> "recorded";
            case PAYMENT_AFTER_ACCEPTANCE, WARRANTY_END -> after == Awaiting.WORK ? "claimed" : "paid";
            case NOTHING -> throw new IllegalArgumentException("a case that awaits nothing is not left");
        };
    }
}
