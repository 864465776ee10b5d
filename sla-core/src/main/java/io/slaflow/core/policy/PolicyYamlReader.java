package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.RequestMatch;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.WorkOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the policy file format (the README, "A policy in YAML and in code") into a {@link PolicyFile}:
 * the format (types, keys, spellings) is checked here, with line and column; each policy's rules
 * (positive targets, known calendars, coverage) by its builder, whose violations get the line and
 * column of the value they name; the contracts by {@link ContractYamlReader}; routing, call-backs,
 * work order and the lists of kinds by {@link DeskYamlReader}. Every problem of the whole file is
 * reported at once.
 */
final class PolicyYamlReader {

    /** Top-level keys. */
    static final List<String> FILE_KEYS = List.of("name", "calendars", "targets", "policies", "specificationRequired",
            "acceptanceRequired", "routing", "callBack", "workOrder", "contracts");
    static final List<String> POLICY_KEYS = List.of("targets");
    static final List<String> RULE_KEYS = List.of("when", "calendar", "response", "resolution", "rework", "warnAt",
            "start", "nextReply", "escalate");
    static final List<String> LEVEL_KEYS = List.of("at", "after", "to");

    private final YamlReading in;
    private final CalendarYamlReader calendars;
    private final ContractYamlReader contracts;
    private final DeskYamlReader desk;

    private PolicyYamlReader(YamlDocument doc) {
        this.in = new YamlReading(doc);
        this.calendars = new CalendarYamlReader(in);
        this.contracts = new ContractYamlReader(in);
        this.desk = new DeskYamlReader(in);
    }

    /**
     * Reads a policy file: its policies, contracts and the rest of the desk, all checked.
     *
     * @param yaml the policy file's text
     * @param source where it came from (a file name), or null
     * @param maxChars the longest text read
     * @return the file
     * @throws InvalidPolicyException listing every violation with path, line and column
     */
    static PolicyFile read(String yaml, String source, int maxChars) {
        YamlDocument doc = YamlDocument.parse(yaml, source, maxChars);
        PolicyYamlReader reader = new PolicyYamlReader(doc);
        PolicyFile file = reader.readFile(doc.root());
        List<String> violations = reader.in.violations();
        if (!violations.isEmpty()) {
            throw source == null ? new InvalidPolicyException(violations) : new InvalidPolicyException(source, violations);
        }
        return file;
    }

    /**
     * Reads one calendar written as a policy file writes a calendar's body ({@code zone}, {@code shifts},
     * ...), at the top level of the text.
     *
     * @throws InvalidPolicyException listing every violation with path, line and column
     */
    static WorkingCalendar readCalendar(String yaml, int maxChars) {
        YamlDocument doc = YamlDocument.parse(yaml, null, maxChars);
        PolicyYamlReader reader = new PolicyYamlReader(doc);
        WorkingCalendar calendar = null;
        if (doc.root().isMissingNode()) {
            reader.in.refuse("", "is empty; write a calendar with zone and shifts");
        } else {
            calendar = reader.calendars.read(doc.root(), "");
        }
        List<String> violations = reader.in.violations();
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException(violations);
        }
        return calendar;
    }

    /** Reads the whole file; returns null when anything was refused. */
    private PolicyFile readFile(JsonNode root) {
        if (root.isMissingNode()) {
            in.refuse("", "is empty; write a policy with name, calendars and targets");
            return null;
        }
        if (!in.mapping(root, "", FILE_KEYS)) {
            return null;
        }
        JsonNode nameNode = root.get("name");
        String name = in.text(nameNode, "name");
        RuleBasedPolicy.Builder policy = RuleBasedPolicy.builder(name);
        Map<String, WorkingCalendar> fileCalendars = readCalendars(root.get("calendars"), policy);
        readTargets(root.get("targets"), "targets", policy);
        policy.violations().forEach(in::add);
        Map<String, RuleBasedPolicy.Builder> others = readPolicies(root.get("policies"), fileCalendars, name);
        Set<RequestKind> specificationRequired = desk.kinds(root.get("specificationRequired"), "specificationRequired",
                PolicyFile.DEFAULT_SPECIFICATION_REQUIRED);
        Set<RequestKind> acceptanceRequired = desk.kinds(root.get("acceptanceRequired"), "acceptanceRequired",
                PolicyFile.DEFAULT_ACCEPTANCE_REQUIRED);
        RoutingRules routing = desk.routing(root.get("routing"));
        CallBackPolicy callBacks = desk.callBack(root.get("callBack"));
        WorkOrder workOrder = desk.workOrder(root.get("workOrder"));
        Set<String> policyNames = null;
        if (nameNode == null || nameNode.isString()) {
            policyNames = new LinkedHashSet<>();
            policyNames.add(name);
            policyNames.addAll(others.keySet());
        }
        List<ServiceContract> contractList = contracts.read(root.get("contracts"), policyNames);
        if (in.count() > 0) {
            return null;
        }
        PolicyFile.Builder file = PolicyFile.builder(policy.build());
        others.values().forEach(p -> file.policy(p.build()));
        contractList.forEach(file::contract);
        return file.routing(routing).callBacks(callBacks).workOrder(workOrder)
                .specificationRequired(specificationRequired).acceptanceRequired(acceptanceRequired).build();
    }

    /**
     * Reads {@code calendars:} into the default policy.
     *
     * @return every calendar by name, null for one that was refused
     */
    private Map<String, WorkingCalendar> readCalendars(JsonNode node, RuleBasedPolicy.Builder policy) {
        Map<String, WorkingCalendar> read = new LinkedHashMap<>();
        if (YamlReading.absent(node)) {
            in.refuse("calendars", "is required; give at least one calendar, e.g. office: { zone: Europe/Kyiv, shifts: [...] }");
            return read;
        }
        if (!node.isObject()) {
            in.refuse("calendars", "must be a mapping of calendar names to calendars " + YamlReading.shown(node));
            return read;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            read.put(e.getKey(), calendars.read(e.getValue(), "calendars." + e.getKey()));
        }
        declare(read, policy);
        return read;
    }

    /** Gives {@code policy} the file's calendars; one that was refused is declared, so rules may name it. */
    private static void declare(Map<String, WorkingCalendar> calendars, RuleBasedPolicy.Builder policy) {
        calendars.forEach((name, calendar) -> {
            if (calendar == null) {
                policy.unusableCalendar(name);
            } else {
                policy.calendar(name, calendar);
            }
        });
    }

    /**
     * Reads {@code policies: { gold: { targets: [...] } }}: each a policy of that name with the file's
     * calendars, checked like the default one; the calendars' own problems are reported once, under
     * {@code calendars}.
     *
     * @return the policies' builders by name, in file order
     */
    private Map<String, RuleBasedPolicy.Builder> readPolicies(JsonNode node, Map<String, WorkingCalendar> fileCalendars,
            String defaultName) {
        Map<String, RuleBasedPolicy.Builder> read = new LinkedHashMap<>();
        if (node == null || node.isMissingNode()) {
            return read;
        }
        if (!node.isObject()) {
            in.refuse("policies", "must be a mapping of policy names to { targets: [...] } " + YamlReading.shown(node));
            return read;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = "policies." + e.getKey();
            RuleBasedPolicy.Builder policy = RuleBasedPolicy.builder(e.getKey());
            declare(fileCalendars, policy);
            if (e.getKey().equals(defaultName)) {
                in.refuse(path, "is the default policy's name (top-level name); give each policy its own name");
            }
            if (in.mapping(e.getValue(), path, POLICY_KEYS)) {
                readTargets(e.getValue().get("targets"), path + ".targets", policy);
            }
            policy.violations(path, path + ".targets").stream()
                    .filter(v -> !v.path().startsWith("calendars")).forEach(in::add);
            read.put(e.getKey(), policy);
        }
        return read;
    }

    private void readTargets(JsonNode node, String path, RuleBasedPolicy.Builder policy) {
        if (YamlReading.absent(node)) {
            return; // the builder reports a policy without rules
        }
        List<JsonNode> rules = in.list(node, path, "[{ when: {}, calendar: office, response: PT4H, resolution: PT24H }]");
        for (int i = 0; rules != null && i < rules.size(); i++) {
            policy.rule(readRule(rules.get(i), path + "[" + i + "]"));
        }
    }

    private SlaRule.Builder readRule(JsonNode node, String path) {
        SlaRule.Builder rule = SlaRule.builder();
        if (!in.mapping(node, path, RULE_KEYS)) {
            return rule.conditionsUnknown();
        }
        RequestMatch when = desk.when(node.get("when"), path + ".when");
        if (when == null) {
            rule.conditionsUnknown();
        } else {
            rule.severity(when.severities().toArray(Severity[]::new))
                    .kind(when.kinds().toArray(RequestKind[]::new))
                    .tier(when.tiers().toArray(RequesterTier[]::new));
        }
        rule.calendar(in.text(node.get("calendar"), path + ".calendar"));
        rule.response(in.duration(node.get("response"), path + ".response"));
        rule.resolution(in.duration(node.get("resolution"), path + ".resolution"));
        rule.rework(in.duration(node.get("rework"), path + ".rework"));
        readWarnAt(node.get("warnAt"), path + ".warnAt", rule);
        rule.start(in.duration(node.get("start"), path + ".start"));
        rule.nextReply(in.duration(node.get("nextReply"), path + ".nextReply"));
        readEscalate(node.get("escalate"), path + ".escalate", rule);
        return rule;
    }

    /**
     * Reads {@code escalate: [ { at: 0.75, to: leads }, { after: PT1H, to: directors } ]}; each level is
     * checked here with its path, the order of the levels by the rule's builder once all are valid.
     */
    private void readEscalate(JsonNode node, String path, SlaRule.Builder rule) {
        if (YamlReading.absent(node)) {
            return;
        }
        List<JsonNode> items = in.list(node, path, "[{ at: 0.75, to: leads }, { after: PT1H, to: directors }]");
        if (items == null) {
            return;
        }
        if (items.isEmpty()) {
            in.refuse(path, "must name at least one level; leave the key out for the default escalation"
                    + " (a breach offers the request to leads)");
            return;
        }
        List<EscalationLevel> levels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EscalationLevel level = readLevel(items.get(i), path + "[" + i + "]");
            if (level != null) {
                levels.add(level);
            }
        }
        if (levels.size() == items.size()) {
            rule.escalate(levels.toArray(EscalationLevel[]::new));
        }
    }

    /** Reads one level; null after a violation. */
    private EscalationLevel readLevel(JsonNode node, String path) {
        if (!in.mapping(node, path, LEVEL_KEYS)) {
            return null;
        }
        int before = in.count();
        JsonNode atNode = node.get("at");
        Double at = null;
        if (!YamlReading.absent(atNode) && atNode.isNumber()) {
            at = atNode.decimalValue().doubleValue();
        } else if (!YamlReading.absent(atNode)) {
            in.refuse(path + ".at", "must be a fraction of the target such as 0.75 " + YamlReading.shown(atNode));
            at = Double.NaN; // refused above; counts as given, so "neither" is not reported too
        }
        Duration after = in.duration(node.get("after"), path + ".after");
        if (after == null && !YamlReading.absent(node.get("after"))) {
            after = Duration.ZERO; // refused above, as for at
        }
        String to = in.text(node.get("to"), path + ".to");
        List<Violation> found = new ArrayList<>();
        EscalationLevel.check(at, after, to, path, found);
        found.forEach(in::add);
        if (in.count() > before) {
            return null;
        }
        return at != null ? EscalationLevel.at(at, to) : EscalationLevel.after(after, to);
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
                fractions[i] = f.decimalValue().doubleValue(); // 1e400 is Infinity, refused by the range check
            } else {
                in.refuse(path + "[" + i + "]", "must be a fraction such as 0.75 " + YamlReading.shown(f));
                fractions[i] = Double.NaN; // refused above; the builder's range check stays quiet
            }
        }
        rule.warnAt(fractions);
    }
}
