package io.slaflow.core.policy;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.HandOffRule;
import io.slaflow.core.routing.InvalidRoutingException;
import io.slaflow.core.routing.RequestMatch;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.WorkOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the parts of a policy file around its policies: {@code routing:} into {@link RoutingRules},
 * {@code callBack:} into a {@link CallBackPolicy}, {@code workOrder:} into a {@link WorkOrder}, the
 * lists of kinds ({@code specificationRequired:}, {@code acceptanceRequired:}), and the {@code when}
 * conditions that target rules and routing rules share. The format is checked here; what {@link
 * RoutingRules.Builder#build()} refuses is reported under {@code routing.} with line and column.
 */
final class DeskYamlReader {

    static final List<String> WHEN_KEYS = List.of("severity", "kind", "tier");
    static final List<String> ROUTING_KEYS = List.of("intake", "handOff");
    static final List<String> INTAKE_KEYS = List.of("when", "to");
    static final List<String> HAND_OFF_KEYS = List.of("from", "when", "to");

    static final Map<String, Severity> SEVERITIES = names(Severity.values());
    static final Map<String, RequestKind> KINDS = names(RequestKind.values());
    static final Map<String, RequesterTier> TIERS = names(RequesterTier.values());

    private static final String GROUP = "a group such as analysts";

    private final YamlReading in;

    DeskYamlReader(YamlReading in) {
        this.in = in;
    }

    /**
     * Reads a rule's {@code when}: absent or empty matches every request.
     *
     * @return the condition, or null when it was refused
     */
    RequestMatch when(JsonNode node, String path) {
        if (YamlReading.absent(node)) {
            return RequestMatch.any();
        }
        if (!in.mapping(node, path, WHEN_KEYS)) {
            return null;
        }
        EnumSet<Severity> severities = condition(node.get("severity"), path + ".severity", Severity.class, SEVERITIES);
        EnumSet<RequestKind> kinds = condition(node.get("kind"), path + ".kind", RequestKind.class, KINDS);
        EnumSet<RequesterTier> tiers = condition(node.get("tier"), path + ".tier", RequesterTier.class, TIERS);
        if (severities == null || kinds == null || tiers == null) {
            return null;
        }
        return RequestMatch.of(severities, kinds, tiers);
    }

    /** Reads one condition; absent gives the empty set (any), a refused value null. */
    private <E extends Enum<E>> EnumSet<E> condition(JsonNode node, String path, Class<E> type, Map<String, E> names) {
        return YamlReading.absent(node) ? EnumSet.noneOf(type) : in.oneOrMore(node, path, type, names);
    }

    /**
     * Reads a list of kinds of work, each once: {@code fallback} when the key is absent; an explicit
     * null is refused, as it could mean either the default or none.
     *
     * @return the kinds, or null after a violation
     */
    Set<RequestKind> kinds(JsonNode node, String path, Set<RequestKind> fallback) {
        if (node == null || node.isMissingNode()) {
            return fallback;
        }
        List<JsonNode> items = in.list(node, path, "[DEVELOPMENT, UPDATE], or [] for none");
        if (items == null) {
            return null;
        }
        Map<RequestKind, Integer> firstAt = new EnumMap<>(RequestKind.class);
        for (int i = 0; i < items.size(); i++) {
            RequestKind kind = kind(items.get(i), path + "[" + i + "]");
            Integer earlier = kind == null ? null : firstAt.putIfAbsent(kind, i);
            if (earlier != null) {
                in.refuse(path + "[" + i + "]", "is listed already at " + path + "[" + earlier
                        + "]; name each kind once " + YamlReading.shown(items.get(i)));
            }
        }
        return firstAt.keySet();
    }

    /** Reads one kind of work, or refuses the value and returns null. */
    private RequestKind kind(JsonNode value, String path) {
        RequestKind kind = value.isString() ? KINDS.get(value.asString()) : null;
        if (kind == null) {
            in.refuse(path, "must be one of " + String.join(", ", KINDS.keySet()) + " " + YamlReading.shown(value));
        }
        return kind;
    }

    /**
     * Reads {@code routing: { intake: [...], handOff: [...] }}; either list left out is the default's.
     *
     * @return the rules ({@link RoutingRules#defaults()} when absent), or null after a violation
     */
    RoutingRules routing(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return RoutingRules.defaults();
        }
        if (!in.mapping(node, "routing", ROUTING_KEYS)) {
            return null;
        }
        int before = in.count();
        RoutingRules.Builder rules = RoutingRules.builder();
        JsonNode intake = node.get("intake");
        if (intake == null) {
            RoutingRules.defaults().intakeRules().forEach(r -> rules.intake(r.when(), r.group()));
        } else {
            readIntake(intake, rules);
        }
        JsonNode handOff = node.get("handOff");
        if (handOff == null) {
            RoutingRules.defaults().handOffRules().forEach(r -> addHandOff(rules, r));
        } else {
            readHandOff(handOff, rules);
        }
        if (in.count() > before) {
            return null; // the builder's checks would number rules left out
        }
        try {
            return rules.build();
        } catch (InvalidRoutingException e) {
            for (String v : e.violations()) {
                int colon = v.indexOf(": ");
                String path = "routing." + v.substring(0, colon);
                in.add(new Violation(path.endsWith(".group") ? YamlDocument.parent(path) + ".to" : path,
                        v.substring(colon + 2)));
            }
            return null;
        }
    }

    private static void addHandOff(RoutingRules.Builder rules, HandOffRule r) {
        if (r.from().isPresent()) {
            rules.handOff(r.from().get(), r.when(), r.to());
        } else {
            rules.handOffFromAny(r.when(), r.to());
        }
    }

    private void readIntake(JsonNode node, RoutingRules.Builder rules) {
        List<JsonNode> items = in.list(node, "routing.intake", "[{ when: { tier: KEY_USER }, to: analysts }, { to: consultants }]");
        for (int i = 0; items != null && i < items.size(); i++) {
            String at = "routing.intake[" + i + "]";
            if (in.mapping(items.get(i), at, INTAKE_KEYS)) {
                RequestMatch when = when(items.get(i).get("when"), at + ".when");
                String to = in.requiredText(items.get(i).get("to"), at + ".to", GROUP);
                rules.intake(when, to);
            }
        }
    }

    private void readHandOff(JsonNode node, RoutingRules.Builder rules) {
        List<JsonNode> items = in.list(node, "routing.handOff", "[{ from: consultants, when: { kind: DEVELOPMENT },"
                + " to: analysts }]");
        for (int i = 0; items != null && i < items.size(); i++) {
            String at = "routing.handOff[" + i + "]";
            JsonNode item = items.get(i);
            if (in.mapping(item, at, HAND_OFF_KEYS)) {
                RequestMatch when = when(item.get("when"), at + ".when");
                String from = in.text(item.get("from"), at + ".from");
                String to = in.requiredText(item.get("to"), at + ".to", GROUP);
                if (YamlReading.absent(item.get("from"))) {
                    rules.handOffFromAny(when, to);
                } else {
                    rules.handOff(from, when, to);
                }
            }
        }
    }

    /**
     * Reads {@code callBack: PT15M}: positive, at most {@link CallBackPolicy#MAX_TARGET}.
     *
     * @return the policy ({@link CallBackPolicy#defaults()} when absent), or null after a violation
     */
    CallBackPolicy callBack(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return CallBackPolicy.defaults();
        }
        if (node.isNull()) {
            in.refuse("callBack", "must be an ISO-8601 duration such as PT15M; leave the key out for the default "
                    + CallBackPolicy.DEFAULT_TARGET);
            return null;
        }
        Duration target = in.duration(node, "callBack");
        if (target == null) {
            return null;
        }
        if (target.isNegative() || target.isZero()) {
            in.refuse("callBack", "must be positive " + YamlReading.shown(node));
        } else if (target.compareTo(CallBackPolicy.MAX_TARGET) > 0) {
            in.refuse("callBack", "must be at most " + CallBackPolicy.MAX_TARGET + " " + YamlReading.shown(node));
        } else {
            return CallBackPolicy.of(target);
        }
        return null;
    }

    /**
     * Reads {@code workOrder: [[EMERGENCY], [CONSULTATION, UPDATE], ...]}: classes of work, most urgent
     * first, naming every kind once.
     *
     * @return the order ({@link WorkOrder#standard()} when absent), or null after a violation
     */
    WorkOrder workOrder(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return WorkOrder.standard();
        }
        String path = "workOrder";
        List<JsonNode> items = in.list(node, path, "[[EMERGENCY], [CONSULTATION], [SPECIFICATION], [DEVELOPMENT, UPDATE]]");
        if (items == null) {
            return null;
        }
        int before = in.count();
        Map<RequestKind, String> placed = new EnumMap<>(RequestKind.class);
        List<Set<RequestKind>> classes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            List<JsonNode> kinds = in.list(items.get(i), at, "[CONSULTATION, UPDATE]");
            if (kinds != null && kinds.isEmpty()) {
                in.refuse(at, "must name at least one kind");
            }
            EnumSet<RequestKind> kindsOfClass = EnumSet.noneOf(RequestKind.class);
            for (int j = 0; kinds != null && j < kinds.size(); j++) {
                RequestKind kind = kind(kinds.get(j), at + "[" + j + "]");
                String earlier = kind == null ? null : placed.putIfAbsent(kind, at + "[" + j + "]");
                if (earlier != null) {
                    in.refuse(at + "[" + j + "]", "is in " + earlier + " already; name each kind in one class "
                            + YamlReading.shown(kinds.get(j)));
                } else if (kind != null) {
                    kindsOfClass.add(kind);
                }
            }
            classes.add(kindsOfClass);
        }
        if (in.count() > before) {
            return null;
        }
        EnumSet<RequestKind> missing = EnumSet.allOf(RequestKind.class);
        missing.removeAll(placed.keySet());
        if (!missing.isEmpty()) {
            in.refuse(path, "must name every kind of work once; add " + missing + " to a class");
            return null;
        }
        try {
            return WorkOrder.of(classes);
        } catch (IllegalArgumentException e) {
            in.refuse(path, e.getMessage());
            return null;
        }
    }

    private static <E extends Enum<E>> Map<String, E> names(E[] values) {
        Map<String, E> names = new LinkedHashMap<>();
        for (E e : values) {
            names.put(e.name(), e);
        }
        return Collections.unmodifiableMap(names);
    }
}
