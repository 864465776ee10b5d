package io.slaflow.bpmn.internal;

import io.slaflow.core.SlaException;
import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.engine.ManagementService;

/**
 * Runs one operation as one Flowable command, so everything it changes commits or rolls back
 * together, and turns Flowable exceptions into {@link SlaException}s so none reaches the host.
 */
public final class Transactions {

    private final ManagementService management;

    /**
     * Creates the runner.
     *
     * @param management the engine's management service
     */
    public Transactions(ManagementService management) {
        this.management = management;
    }

    /**
     * Runs {@code body} in one transaction and returns its value or throws its failure.
     *
     * @throws SlaException for a domain failure, a concurrent change, or an engine failure
     */
    public <T> T run(String what, Supplier<Outcome<T>> body) {
        Outcome<T> outcome;
        try {
            outcome = management.executeCommand(commandContext -> body.get());
        } catch (FlowableOptimisticLockingException e) {
            throw new SlaException("Could not " + what + ": the request was changed at the same time by another"
                    + " user or node; nothing was changed, retry", e);
        } catch (FlowableException | PersistenceException e) {
            throw new SlaException("Could not " + what + ": the process engine failed (" + e.getMessage()
                    + "); nothing was changed", e);
        }
        return outcome.get();
    }
}
