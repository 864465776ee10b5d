package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.ViolationText;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.WorkOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole configuration of a desk, as one policy file holds it: the default policy (top-level
 * {@code name} and {@code targets}) and the other named policies ({@code policies:}), which share the
 * file's calendars; the contracts of the customers it serves ({@code contracts:}, each naming one of
 * the policies); where requests go ({@code routing:}, a {@link RoutingRules}); the call-back target
 * ({@code callBack:}); the order in which open work is taken ({@code workOrder:}); and the kinds of
 * work that need a written specification ({@code specificationRequired:}) or an acceptance by the
 * customer ({@code acceptanceRequired:}). Every part has a default, so a file with a policy alone is
 * a whole desk.
 *
 * <p>A request is timed by its customer's contract's policy, or by the default policy when the
 * customer has no contract ({@link #targetsFor(ServiceRequest)}); {@link #ruleFor} names the rule
 * that gave the targets by its path in the file ({@code targets[2]}, {@code policies.gold.targets[1]}),
 * and {@link #targetsOf(String)} gives that rule's targets back.
 *
 * <p>Read with {@link SlaPolicies#parseFile(String)} or {@link SlaPolicies#loadFile(java.nio.file.Path)},
 * built in code with {@link #builder(RuleBasedPolicy)}, printed with {@link SlaPolicies#toYaml(PolicyFile)},
 * which reads back as an equal value. Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyFile file = SlaPolicies.loadFile(Path.of("desk.yaml"));
 * SlaEngine desk = SlaEngine.builder().policyFile(file).build();
 * PolicyFile next = file.toBuilder().policy(gold).contract(acmeOnGold).build();
 * }</pre>
 */
public final class PolicyFile {

    /**
     * The kinds of work that need a written specification when a file does not say:
     * {@code DEVELOPMENT} (D9: a specification "where needed"). Unmodifiable.
     */
    public static final Set<RequestKind> DEFAULT_SPECIFICATION_REQUIRED =
            Collections.unmodifiableSet(EnumSet.of(RequestKind.DEVELOPMENT));

    /** The kinds of work that need the customer's acceptance when a file does not say: none. Unmodifiable. */
    public static final Set<RequestKind> DEFAULT_ACCEPTANCE_REQUIRED =
            Collections.unmodifiableSet(EnumSet.noneOf(RequestKind.class));

    private static final String POLICIES = "policies.";
    private static final String TARGETS = "targets[";

    private final RuleBasedPolicy policy;
    private final Map<String, RuleBasedPolicy> policies;
    private final List<ServiceContract> contracts;
    private final Set<RequestKind> specificationRequired;
    private final Set<RequestKind> acceptanceRequired;
    private final RoutingRules routing;
    private final CallBackPolicy callBacks;
    private final WorkOrder workOrder;

    private PolicyFile(Map<String, RuleBasedPolicy> policies, List<ServiceContract> contracts,
            Set<RequestKind> specificationRequired, Set<RequestKind> acceptanceRequired, RoutingRules routing,
            CallBackPolicy callBacks, WorkOrder workOrder) {
        this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        this.policy = this.policies.values().iterator().next();
        this.contracts = List.copyOf(contracts);
        this.specificationRequired = specificationRequired;
        this.acceptanceRequired = acceptanceRequired;
        this.routing = routing;
        this.callBacks = callBacks;
        this.workOrder = workOrder;
    }

    /**
     * Puts a policy and its contracts together, as a policy file holds them, with the defaults of
     * everything else; change those with {@link #toBuilder()} or {@link #withSpecificationRequired}.
     *
     * @param policy the policy
     * @param contracts the contracts, each naming {@code policy}, one per customer
     * @return the file's content
     * @throws InvalidPolicyException listing every contract of another policy and every customer with
     *     two contracts, by its place in {@code contracts}
     * @throws NullPointerException if an argument or a contract is null
     */
    public static PolicyFile of(RuleBasedPolicy policy, List<ServiceContract> contracts) {
        Builder b = builder(policy);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstOf = new HashMap<>();
        for (int i = 0; i < contracts.size(); i++) {
            ServiceContract c = Objects.requireNonNull(contracts.get(i), "contracts[" + i + "]");
            if (!c.policy().equals(policy.name())) {
                problems.add("contracts[" + i + "].policy: " + unknownPolicy(List.of(policy.name()), c.policy()));
            }
            Integer earlier = firstOf.putIfAbsent(c.customer(), i);
            if (earlier != null) {
                problems.add("contracts[" + i + "].customer: has a contract already at contracts[" + earlier
                        + "]; give each customer one contract " + ViolationText.was(c.customer()));
            }
            b.contract(c);
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return b.build();
    }

    /**
     * Starts a policy file around its default policy, with the defaults of everything else: no other
     * policies, no contracts, {@link RoutingRules#defaults()}, {@link CallBackPolicy#defaults()},
     * {@link WorkOrder#standard()}, {@link #DEFAULT_SPECIFICATION_REQUIRED} and {@link
     * #DEFAULT_ACCEPTANCE_REQUIRED}.
     *
     * @param defaultPolicy the policy of customers without a contract
     * @return a new builder
     * @throws NullPointerException if {@code defaultPolicy} is null
     */
    public static Builder builder(RuleBasedPolicy defaultPolicy) {
        return new Builder(Objects.requireNonNull(defaultPolicy, "defaultPolicy"));
    }

    /** Returns a builder holding everything this file holds, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(policy);
        policies.values().stream().skip(1).forEach(b::policy);
        b.contracts.addAll(contracts);
        return b.routing(routing).callBacks(callBacks).workOrder(workOrder)
                .specificationRequired(specificationRequired).acceptanceRequired(acceptanceRequired);
    }

    /**
     * Returns a copy of this file whose {@code specificationRequired:} names {@code kinds}.
     *
     * @param kinds the kinds of work that need a written specification with acceptance scenarios; empty
     *     for none
     * @return the file with those kinds, and everything else of this file
     * @throws NullPointerException if {@code kinds} is null or holds null
     */
    public PolicyFile withSpecificationRequired(Collection<RequestKind> kinds) {
        return new PolicyFile(policies, contracts, kinds(kinds), acceptanceRequired, routing, callBacks, workOrder);
    }

    /** Returns the default policy: the one of customers without a contract (top-level {@code name} and {@code targets}). */
    public RuleBasedPolicy policy() {
        return policy;
    }

    /**
     * Returns every policy by name: the default first, then the others in file order. Each holds the
     * file's calendars.
     *
     * @return the policies; unmodifiable
     */
    public Map<String, RuleBasedPolicy> policies() {
        return policies;
    }

    /**
     * Returns the policy that times {@code customer}'s requests.
     *
     * @param customer the customer (tenant) id
     * @return its contract's policy, or the default policy when it has no contract
     */
    public RuleBasedPolicy policyFor(String customer) {
        return contract(customer).map(c -> policies.get(c.policy())).orElse(policy);
    }

    /**
     * Returns the targets of a request: those its customer's policy gives it.
     *
     * @param request the request
     * @return the targets, never null
     */
    public SlaTargets targetsFor(ServiceRequest request) {
        return policyFor(request.customer()).targetsFor(request);
    }

    /**
     * Returns the targets of {@code filed} timed as another severity and kind, by its customer's policy
     * (see {@link SlaPolicy#targetsFor(ServiceRequest, Severity, RequestKind)}).
     *
     * @param filed the request as filed
     * @param severity the severity to time it by
     * @param kind the kind to time it by
     * @return the targets, never null
     */
    public SlaTargets targetsFor(ServiceRequest filed, Severity severity, RequestKind kind) {
        return policyFor(filed.customer()).targetsFor(filed, severity, kind);
    }

    /**
     * Returns the path in this file of the rule that gives {@code filed} its targets when timed as
     * {@code severity} and {@code kind}: {@code targets[2]} for a rule of the default policy, {@code
     * policies.gold.targets[1]} for a rule of another. {@link #targetsOf(String)} reads it back.
     *
     * @param filed the request as filed (its customer and tier count)
     * @param severity the severity to time it by
     * @param kind the kind to time it by
     * @return the rule's path
     */
    public String ruleFor(ServiceRequest filed, Severity severity, RequestKind kind) {
        RuleBasedPolicy p = policyFor(filed.customer());
        String rule = TARGETS + p.ruleIndex(severity, kind, filed.tier()) + "]";
        return p == policy ? rule : POLICIES + p.name() + "." + rule;
    }

    /**
     * Returns the targets of the rule at {@code rule}, a path {@link #ruleFor} returned: a caller that
     * stored the path gets the same targets back while this file is in force.
     *
     * @param rule the rule's path, {@code targets[i]} or {@code policies.<name>.targets[i]}
     * @return the rule's targets
     * @throws IllegalArgumentException if no rule of this file has that path
     * @throws NullPointerException if {@code rule} is null
     */
    public SlaTargets targetsOf(String rule) {
        Objects.requireNonNull(rule, "rule");
        int at = rule.lastIndexOf(TARGETS);
        RuleBasedPolicy p = null;
        if (at == 0) {
            p = policy;
        } else if (at > POLICIES.length() && rule.startsWith(POLICIES) && rule.charAt(at - 1) == '.') {
            String name = rule.substring(POLICIES.length(), at - 1);
            p = name.equals(policy.name()) ? null : policies.get(name);
        }
        String index = at < 0 ? "" : rule.substring(at + TARGETS.length());
        if (p != null && index.matches("(0|[1-9][0-9]{0,8})]")) {
            int i = Integer.parseInt(index.substring(0, index.length() - 1));
            if (i < p.rules().size()) {
                return p.targetsOfRule(i);
            }
        }
        throw new IllegalArgumentException("no rule at " + ViolationText.show(rule) + " in this policy file; a rule is"
                + " targets[i] (the default policy, " + policy.rules().size() + " rules) or policies.<name>.targets[i]"
                + " with <name> one of " + names(policies.keySet().stream().skip(1).toList()));
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
     * Returns the kinds of work whose result the customer accepts before the request is closed.
     *
     * @return the kinds in their declaration order; unmodifiable, {@link #DEFAULT_ACCEPTANCE_REQUIRED}
     *     (none) when the file does not say
     */
    public Set<RequestKind> acceptanceRequired() {
        return acceptanceRequired;
    }

    /** Returns where requests go: the file's {@code routing:}, or {@link RoutingRules#defaults()}. */
    public RoutingRules routing() {
        return routing;
    }

    /** Returns the call-back target: the file's {@code callBack:}, or {@link CallBackPolicy#defaults()}. */
    public CallBackPolicy callBacks() {
        return callBacks;
    }

    /** Returns the order in which open work is taken: the file's {@code workOrder:}, or {@link WorkOrder#standard()}. */
    public WorkOrder workOrder() {
        return workOrder;
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
        return this == o || o instanceof PolicyFile f && policies.equals(f.policies) && policy.equals(f.policy)
                && contracts.equals(f.contracts) && specificationRequired.equals(f.specificationRequired)
                && acceptanceRequired.equals(f.acceptanceRequired) && routing.equals(f.routing)
                && callBacks.equals(f.callBacks) && workOrder.equals(f.workOrder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policies, contracts, specificationRequired, acceptanceRequired, routing, callBacks,
                workOrder);
    }

    @Override
    public String toString() {
        return "PolicyFile[policy=" + policy.name() + ", policies=" + policies.keySet() + ", contracts="
                + contracts.size() + ", routing=" + routing + ", callBacks=" + callBacks + ", workOrder=" + workOrder
                + ", acceptanceRequired=" + acceptanceRequired + ", specificationRequired=" + specificationRequired + "]";
    }

    /**
     * The message for a contract that names a policy the file does not hold.
     *
     * @param known the file's policy names, default first
     * @param given the name the contract gives
     */
    static String unknownPolicy(Collection<String> known, String given) {
        return (known.size() == 1 ? "must name this file's policy " : "must name one of this file's policies ")
                + names(known) + " " + ViolationText.was(given);
    }

    private static String names(Collection<String> names) {
        return names.isEmpty() ? "(none)" : names.stream().map(ViolationText::show).collect(Collectors.joining(", "));
    }

    private static Set<RequestKind> kinds(Collection<RequestKind> kinds) {
        EnumSet<RequestKind> copy = EnumSet.noneOf(RequestKind.class);
        for (RequestKind kind : Objects.requireNonNull(kinds, "kinds")) {
            copy.add(Objects.requireNonNull(kind, "kind"));
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * Collects a policy file's parts; {@link #build()} checks them together. Each part not given keeps
     * its default (see {@link PolicyFile#builder(RuleBasedPolicy)}). Not thread-safe.
     */
    public static final class Builder {

        private final List<RuleBasedPolicy> policies = new ArrayList<>();
        private final List<ServiceContract> contracts = new ArrayList<>();
        private RoutingRules routing = RoutingRules.defaults();
        private CallBackPolicy callBacks = CallBackPolicy.defaults();
        private WorkOrder workOrder = WorkOrder.standard();
        private Set<RequestKind> specificationRequired = DEFAULT_SPECIFICATION_REQUIRED;
        private Set<RequestKind> acceptanceRequired = DEFAULT_ACCEPTANCE_REQUIRED;

        private Builder(RuleBasedPolicy defaultPolicy) {
            policies.add(defaultPolicy);
        }

        /**
         * Adds a named policy after those added before: {@code policies.<name>} in the file. Contracts
         * name it; its name must differ from every other policy's. The policies of a file share their
         * calendars: each policy of the built file holds every calendar of every policy, and two
         * calendars of one name must be the same.
         *
         * @param other the policy
         * @return this builder
         * @throws NullPointerException if {@code other} is null
         */
        public Builder policy(RuleBasedPolicy other) {
            policies.add(Objects.requireNonNull(other, "other"));
            return this;
        }

        /**
         * Adds a customer's contract; a later contract of the same customer replaces the earlier one,
         * in its place. Its policy must be one of the file's (checked by {@link #build()}).
         *
         * @param contract the contract
         * @return this builder
         * @throws NullPointerException if {@code contract} is null
         */
        public Builder contract(ServiceContract contract) {
            Objects.requireNonNull(contract, "contract");
            for (int i = 0; i < contracts.size(); i++) {
                if (contracts.get(i).customer().equals(contract.customer())) {
                    contracts.set(i, contract);
                    return this;
                }
            }
            contracts.add(contract);
            return this;
        }

        /**
         * Sets where requests go; default {@link RoutingRules#defaults()}.
         *
         * @param routing the routing rules
         * @return this builder
         * @throws NullPointerException if {@code routing} is null
         */
        public Builder routing(RoutingRules routing) {
            this.routing = Objects.requireNonNull(routing, "routing");
            return this;
        }

        /**
         * Sets the call-back target; default {@link CallBackPolicy#defaults()}.
         *
         * @param callBacks the call-back policy
         * @return this builder
         * @throws NullPointerException if {@code callBacks} is null
         */
        public Builder callBacks(CallBackPolicy callBacks) {
            this.callBacks = Objects.requireNonNull(callBacks, "callBacks");
            return this;
        }

        /**
         * Sets the order in which open work is taken; default {@link WorkOrder#standard()}.
         *
         * @param workOrder the work order
         * @return this builder
         * @throws NullPointerException if {@code workOrder} is null
         */
        public Builder workOrder(WorkOrder workOrder) {
            this.workOrder = Objects.requireNonNull(workOrder, "workOrder");
            return this;
        }

        /**
         * Sets the kinds of work that need a written specification; default {@link
         * #DEFAULT_SPECIFICATION_REQUIRED}.
         *
         * @param kinds the kinds, empty for none
         * @return this builder
         * @throws NullPointerException if {@code kinds} is null or holds null
         */
        public Builder specificationRequired(Collection<RequestKind> kinds) {
            this.specificationRequired = kinds(kinds);
            return this;
        }

        /**
         * Sets the kinds of work whose result the customer accepts; default {@link
         * #DEFAULT_ACCEPTANCE_REQUIRED} (none).
         *
         * @param kinds the kinds, empty for none
         * @return this builder
         * @throws NullPointerException if {@code kinds} is null or holds null
         */
        public Builder acceptanceRequired(Collection<RequestKind> kinds) {
            this.acceptanceRequired = kinds(kinds);
            return this;
        }

        /**
         * Checks the parts together and builds the file.
         *
         * @return the policy file
         * @throws InvalidPolicyException listing every problem: two policies with one name ({@code
         *     policies.gold}), two calendars of one name that differ between policies, a contract that
         *     names a policy the file does not hold ({@code contracts[2].policy}, listing the names)
         */
        public PolicyFile build() {
            List<String> problems = new ArrayList<>();
            Map<String, RuleBasedPolicy> byName = new LinkedHashMap<>();
            Map<String, WorkingCalendar> calendars = new LinkedHashMap<>();
            for (RuleBasedPolicy p : policies) {
                String path = POLICIES + p.name();
                if (byName.putIfAbsent(p.name(), p) != null) {
                    problems.add(path + ": " + (p.name().equals(policies.get(0).name()) ? "is the default policy's"
                            + " name" : "names two policies") + "; give each policy its own name");
                }
                p.calendars().forEach((name, calendar) -> {
                    WorkingCalendar earlier = calendars.putIfAbsent(name, calendar);
                    if (earlier != null && !earlier.equals(calendar)) {
                        problems.add(path + ".calendars." + name + ": differs from the calendar of that name in an"
                                + " earlier policy; the policies of a file share their calendars, so give it"
                                + " another name");
                    }
                });
            }
            for (int i = 0; i < contracts.size(); i++) {
                String named = contracts.get(i).policy();
                if (!byName.containsKey(named)) {
                    problems.add("contracts[" + i + "].policy: " + unknownPolicy(byName.keySet(), named));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidPolicyException(problems);
            }
            byName.replaceAll((name, p) -> p.withCalendars(calendars));
            return new PolicyFile(byName, contracts, specificationRequired, acceptanceRequired, routing, callBacks,
                    workOrder);
        }
    }
}
