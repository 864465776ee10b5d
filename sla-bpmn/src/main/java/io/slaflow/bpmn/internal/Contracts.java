package io.slaflow.bpmn.internal;

import io.slaflow.core.contract.ServiceContract;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The contracts an engine knows, one per customer: those of the configuration in force, unless a
 * contract was changed on this node since ({@code AcceptanceWorkflow.changeContract} on an engine with a
 * policy in code). An acceptance case keeps the contract it was opened with. Thread-safe.
 */
public final class Contracts {

    private final SlaRuntime runtime;
    private final ConcurrentMap<String, ServiceContract> changed = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param runtime the configuration versions
     */
    public Contracts(SlaRuntime runtime) {
        this.runtime = runtime;
    }

    /** Returns the contract of {@code customer}, if there is one. */
    public Optional<ServiceContract> of(String customer) {
        ServiceContract contract = changed.get(customer);
        return contract != null ? Optional.of(contract) : runtime.desk().contracts().apply(customer);
    }

    /** Adds or replaces the contract of its customer on this node. */
    public void put(ServiceContract contract) {
        changed.put(contract.customer(), Objects.requireNonNull(contract, "contract"));
    }
}
