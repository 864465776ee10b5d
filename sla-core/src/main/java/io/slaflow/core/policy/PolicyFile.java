package io.slaflow.core.policy;

import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.ViolationText;
import io.slaflow.core.request.RequestKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a policy file holds: the policy, the contracts of the customers it serves (the
 * {@code contracts:} list, each entry a {@link ServiceContract}) and the kinds of work that need a
 * written specification (the {@code specificationRequired:} list, {@link
 * #DEFAULT_SPECIFICATION_REQUIRED} when absent). Read with
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

    /**
     * The kinds of work that need a written specification when a file does not say:
     * {@code DEVELOPMENT} (D9: a specification "where needed"). Unmodifiable.
     */
    public static final Set<RequestKind> DEFAULT_SPECIFICATION_REQUIRED =
            Collections.unmodifiableSet(EnumSet.of(RequestKind.DEVELOPMENT));

    private final RuleBasedPolicy policy;
    private final List<ServiceContract> contracts;
    private final Set<RequestKind> specificationRequired;

    private PolicyFile(RuleBasedPolicy policy, List<ServiceContract> contracts, Set<RequestKind> specificationRequired) {
        this.policy = policy;
        this.contracts = List.copyOf(contracts);
        this.specificationRequired = specificationRequired;
    }

    /**
     * Puts a policy and its contracts together, as a policy file holds them, with the default kinds of
     * work that need a specification ({@link #DEFAULT_SPECIFICATION_REQUIRED}); change those with
     * {@link #withSpecificationRequired}.
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
        return new PolicyFile(policy, contracts, DEFAULT_SPECIFICATION_REQUIRED);
    }

    /**
     * Returns a copy of this file whose {@code specificationRequired:} names {@code kinds}.
     *
     * @param kinds the kinds of work that need a written specification with acceptance scenarios; empty
     *     for none
     * @return the file with those kinds, and this file's policy and contracts
     * @throws NullPointerException if {@code kinds} is null or holds null
     */
    public PolicyFile withSpecificationRequired(Collection<RequestKind> kinds) {
        EnumSet<RequestKind> copy = EnumSet.noneOf(RequestKind.class);
        for (RequestKind kind : Objects.requireNonNull(kinds, "kinds")) {
            copy.add(Objects.requireNonNull(kind, "kind"));
        }
        return new PolicyFile(policy, contracts, Collections.unmodifiableSet(copy));
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
     * Returns the kinds of work that need a written specification with acceptance scenarios before
     * work starts; for the others support may let the agreed solution stand as the specification.
     *
     * @return the kinds in their declaration order; unmodifiable, empty for none, {@link
     *     #DEFAULT_SPECIFICATION_REQUIRED} when the file does not say
     */
    public Set<RequestKind> specificationRequired() {
        return specificationRequired;
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
        return this == o || o instanceof PolicyFile f && policy.equals(f.policy) && contracts.equals(f.contracts)
                && specificationRequired.equals(f.specificationRequired);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, contracts, specificationRequired);
    }

    @Override
    public String toString() {
        return "PolicyFile[policy=" + policy.name() + ", contracts=" + contracts.size()
                + ", specificationRequired=" + specificationRequired + "]";
    }
}
