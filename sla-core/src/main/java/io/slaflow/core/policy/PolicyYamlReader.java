package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the policy file format (the README, "A policy in YAML and in code") into a {@link RuleBasedPolicy.Builder}, its contracts and
 * the kinds of work that need a specification:
 * the format (types, keys, spellings) is checked here, with line and column; the policy's rules
 * (positive targets, known calendars, coverage) by the builder, whose violations get the line and
 * column of the value they name; the contracts by {@link ContractYamlReader}.
 */
final class PolicyYamlReader {

    /** Top-level keys. */
    static final List<String> POLICY_KEYS = List.of("name", "calendars", "targets", "specificationRequired", "contracts");
    static final List<String> RULE_KEYS = List.of("when", "calendar", "response", "resolution", "rework", "warnAt");
    static final List<String> WHEN_KEYS = List.of("severity", "kind", "tier");

    private static final Map<String, Severity> SEVERITIES = names(Severity.values());
    private static final Map<String, RequestKind> KINDS = names(RequestKind.values());
    private static final Map<String, RequesterTier> TIERS = names(RequesterTier.values());

    private final YamlReading in;
    private final CalendarYamlReader calendars;
    private final ContractYamlReader contracts;

    private PolicyYamlReader(YamlDocument doc) {
        this.in = new YamlReading(doc);
        this.calendars = new CalendarYamlReader(in);
        this.contracts = new ContractYamlReader(in);
    }

    /**
     * Reads a policy file: the policy and its contracts, both checked.
     *
     * @param yaml the policy file's text
     * @param source where it came from (a file name), or null
     * @return the policy and its contracts
     * @throws InvalidPolicyException listing every violation with path, line and column
     */
    static PolicyFile read(String yaml, String source) {
        YamlDocument doc = YamlDocument.parse(yaml, source);
        PolicyYamlReader reader = new PolicyYamlReader(doc);
        RuleBasedPolicy.Builder policy = reader.readPolicy(doc.root());
        List<ServiceContract> contracts = List.of();
        Set<RequestKind> specificationRequired = PolicyFile.DEFAULT_SPECIFICATION_REQUIRED;
        if (policy != null) {
            policy.violations().forEach(reader.in::add);
            specificationRequired = reader.readSpecificationRequired(doc.root().get("specificationRequired"));
            JsonNode name = doc.root().get("name");
            contracts = reader.contracts.read(doc.root().get("contracts"),
                    name != null && name.isString() ? name.asString() : null);
        }
        List<String> violations = reader.in.violations();
        if (!violations.isEmpty()) {
            throw source == null ? new InvalidPolicyException(violations) : new InvalidPolicyException(source, violations);
        }
        return PolicyFile.of(policy.build(), contracts).withSpecificationRequired(specificationRequired);
    }

    /**
     * Reads the kinds of work that need a specification: the default when the key is absent, each
     * kind once; an explicit null is refused, as it could mean either the default or none.
     *
     * @return the kinds, or null after a violation
     */
    private Set<RequestKind> readSpecificationRequired(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return PolicyFile.DEFAULT_SPECIFICATION_REQUIRED;
        }
        String path = "specificationRequired";
        List<JsonNode> items = in.list(node, path, "[DEVELOPMENT, UPDATE], or [] for none");
        if (items == null) {
            return null;
        }
        Map<RequestKind, Integer> firstAt = new EnumMap<>(RequestKind.class);
        for (int i = 0; i < items.size(); i++) {
            JsonNode value = items.get(i);
            RequestKind kind = value.isString() ? KINDS.get(value.asString()) : null;
            Integer earlier = kind == null ? null : firstAt.putIfAbsent(kind, i);
            if (kind == null) {
                in.refuse(path + "[" + i + "]", "must be one of " + String.join(", ", KINDS.keySet()) + " "
                        + YamlReading.shown(value));
            } else if (earlier != null) {
                in.refuse(path + "[" + i + "]", "is listed already at " + path + "[" + earlier
                        + "]; name each kind once " + YamlReading.shown(value));
            }
        }
        return firstAt.keySet();
    }

    private RuleBasedPolicy.Builder readPolicy(JsonNode root) {
        if (root.isMissingNode()) {
            in.refuse("", "is empty; write a policy with name, calendars and targets");
            return null;
        }
        if (!in.mapping(root, "", POLICY_KEYS)) {
            return null;
        }
        RuleBasedPolicy.Builder policy = RuleBasedPolicy.builder(in.text(root.get("name"), "name"));
        readCalendars(root.get("calendars"), policy);
        readTargets(root.get("targets"), policy);
        return policy;
    }

    private void readCalendars(JsonNode node, RuleBasedPolicy.Builder policy) {
        if (YamlReading.absent(node)) {
            in.refuse("calendars", "is required; give at least one calendar, e.g. office: { zone: Europe/Kyiv, shifts: [...] }");
            return;
        }
        if (!node.isObject()) {
            in.refuse("calendars", "must be a mapping of calendar names to calendars " + YamlReading.shown(node));
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            WorkingCalendar calendar = calendars.read(e.getValue(), "calendars." + e.getKey());
            if (calendar == null) {
                policy.unusableCalendar(e.getKey());
            } else {
                policy.calendar(e.getKey(), calendar);
            }
        }
    }

    private void readTargets(JsonNode node, RuleBasedPolicy.Builder policy) {
        if (YamlReading.absent(node)) {
            return; // the builder reports a policy without rules
        }
        List<JsonNode> rules = in.list(node, "targets", "[{ when: {}, calendar: office, response: PT4H, resolution: PT24H }]");
        for (int i = 0; rules != null && i < rules.size(); i++) {
            policy.rule(readRule(rules.get(i), "targets[" + i + "]"));
        }
    }

    private SlaRule.Builder readRule(JsonNode node, String path) {
        SlaRule.Builder rule = SlaRule.builder();
        if (!in.mapping(node, path, RULE_KEYS)) {
            return rule.conditionsUnknown();
        }
        readWhen(node.get("when"), path + ".when", rule);
        rule.calendar(in.text(node.get("calendar"), path + ".calendar"));
        rule.response(in.duration(node.get("response"), path + ".response"));
        rule.resolution(in.duration(node.get("resolution"), path + ".resolution"));
        rule.rework(in.duration(node.get("rework"), path + ".rework"));
        readWarnAt(node.get("warnAt"), path + ".warnAt", rule);
        return rule;
    }

    private void readWhen(JsonNode node, String path, SlaRule.Builder rule) {
        if (YamlReading.absent(node)) {
            return; // no conditions: matches every request
        }
        if (!in.mapping(node, path, WHEN_KEYS)) {
            rule.conditionsUnknown();
            return;
        }
        EnumSet<Severity> severities = condition(node.get("severity"), path + ".severity", Severity.class, SEVERITIES);
        EnumSet<RequestKind> kinds = condition(node.get("kind"), path + ".kind", RequestKind.class, KINDS);
        EnumSet<RequesterTier> tiers = condition(node.get("tier"), path + ".tier", RequesterTier.class, TIERS);
        if (severities == null || kinds == null || tiers == null) {
            rule.conditionsUnknown();
            return;
        }
        rule.severity(severities.toArray(Severity[]::new))
                .kind(kinds.toArray(RequestKind[]::new))
                .tier(tiers.toArray(RequesterTier[]::new));
    }

    /** Reads one condition; absent gives the empty set (any), a refused value null. */
    private <E extends Enum<E>> EnumSet<E> condition(JsonNode node, String path, Class<E> type, Map<String, E> names) {
        return YamlReading.absent(node) ? EnumSet.noneOf(type) : in.oneOrMore(node, path, type, names);
    }

    private void readWarnAt(JsonNode node, String path, SlaRule.Builder rule) {
        if (YamlReading.absent(node)) {
            return;
        }
        List<JsonNode> items = in.list(node, path, "[0.5, 0.75, 0.9]");
        if (items == null) {
            return;
        }
        double[] fractions = new double[items.size()];
        for (int i = 0; i < fractions.length; i++) {
            JsonNode f = items.get(i);
            if (f.isNumber()) {
                fractions[i] = f.doubleValue();
            } else {
                in.refuse(path + "[" + i + "]", "must be a fraction such as 0.75 " + YamlReading.shown(f));
                fractions[i] = Double.NaN; // refused above; the builder's range check stays quiet
            }
        }
        rule.warnAt(fractions);
    }

    private static <E extends Enum<E>> Map<String, E> names(E[] values) {
        Map<String, E> names = new LinkedHashMap<>();
        for (E e : values) {
            names.put(e.name(), e);
        }
        return Collections.unmodifiableMap(names);
    }
}
