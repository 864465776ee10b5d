package io.slaflow.bpmn.internal;

import io.slaflow.core.contract.ServiceContract;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The contracts an engine knows, one per customer, as given to its builder or changed since. An
 * acceptance case keeps the contract it was opened with. Thread-safe.
 */
public final class Contracts {

    private final ConcurrentMap<String, ServiceContract> byCustomer = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param contracts the contracts, at most one per customer
     */
    public Contracts(Collection<ServiceContract> contracts) {
        contracts.forEach(this::put);
    }

    /** Returns the contract of {@code customer}, if there is one. */
    public Optional<ServiceContract> of(String customer) {
        return Optional.ofNullable(byCustomer.get(customer));
    }

    /** Adds or replaces the contract of its customer. */
    public void put(ServiceContract contract) {
        byCustomer.put(contract.customer(), Objects.requireNonNull(contract, "contract"));
    }
}
