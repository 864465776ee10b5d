package io.slaflow.core.policy;

import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.ViolationText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a policy file holds: the policy and the contracts of the customers it serves (the
 * {@code contracts:} list, each entry a {@link ServiceContract}). Read with
 * {@link SlaPolicies#parseFile(String)} or {@link SlaPolicies#loadFile(java.nio.file.Path)}, printed
 * with {@link SlaPolicies#toYaml(PolicyFile)}. Every contract names the policy, and no customer has
 * two. Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyFile file = SlaPolicies.loadFile(Path.of("desk.yaml"));
 * SlaEngine desk = SlaEngine.builder().policyFile(file).build();
 * ServiceContract acme = file.contract("acme").orElseThrow();
 * }</pre>
 */
public final class PolicyFile {

    private final RuleBasedPolicy policy;
    private final List<ServiceContract> contracts;

    private PolicyFile(RuleBasedPolicy policy, List<ServiceContract> contracts) {
        this.policy = policy;
        this.contracts = List.copyOf(contracts);
    }

    /**
     * Puts a policy and its contracts together, as a policy file holds them.
     *
     * @param policy the policy
     * @param contracts the contracts, each naming {@code policy}, one per customer
     * @return the file's content
     * @throws InvalidPolicyException listing every contract of another policy and every customer with
     *     two contracts, by its place in {@code contracts}
     * @throws NullPointerException if an argument or a contract is null
     */
    public static PolicyFile of(RuleBasedPolicy policy, List<ServiceContract> contracts) {
        Objects.requireNonNull(policy, "policy");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstOf = new HashMap<>();
        for (int i = 0; i < contracts.size(); i++) {
            ServiceContract c = Objects.requireNonNull(contracts.get(i), "contracts[" + i + "]");
            if (!c.policy().equals(policy.name())) {
                problems.add("contracts[" + i + "].policy: must name this file's policy "
                        + ViolationText.show(policy.name()) + " " + ViolationText.was(c.policy()));
            }
            Integer earlier = firstOf.putIfAbsent(c.customer(), i);
            if (earlier != null) {
                problems.add("contracts[" + i + "].customer: has a contract already at contracts[" + earlier
                        + "]; give each customer one contract " + ViolationText.was(c.customer()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new PolicyFile(policy, contracts);
    }

    /** Returns the policy. */
    public RuleBasedPolicy policy() {
        return policy;
    }

    /** Returns the contracts in file order; unmodifiable, empty when the file lists none. */
    public List<ServiceContract> contracts() {
        return contracts;
    }

    /**
     * Returns the contract of {@code customer}.
     *
     * @param customer the customer (tenant) id
     * @return the contract, or empty when the file has none for that customer
     */
    public Optional<ServiceContract> contract(String customer) {
        return contracts.stream().filter(c -> c.customer().equals(customer)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PolicyFile f && policy.equals(f.policy) && contracts.equals(f.contracts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, contracts);
    }

    @Override
    public String toString() {
        return "PolicyFile[policy=" + policy.name() + ", contracts=" + contracts.size() + "]";
    }
}
