package io.slaflow.bpmn.internal;

import static io.slaflow.bpmn.internal.Json.MAPPER;
import static io.slaflow.bpmn.internal.Json.text;

import io.slaflow.core.acceptance.AcceptanceScenario;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes an acceptance {@link CaseRecord} as the JSON string stored in the process variable
 * {@link AcceptanceModel#VAR_CASE}: the request, the contract (numbers as decimal text, periods and
 * zones in their ISO forms) and the steps, each with only the fields it carries. Never Java
 * serialization. Thread-safe.
 */
public final class AcceptanceJson {

    private AcceptanceJson() {
    }

    /** Writes a case record. */
    public static String write(CaseRecord record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("request", Json.requestNode(record.request()));
        node.set("contract", contract(record.contract()));
        ArrayNode steps = node.putArray("steps");
        record.steps().forEach(s -> steps.add(step(s)));
        return MAPPER.writeValueAsString(node);
    }

    /** Reads a case record written by {@link #write}. */
    public static CaseRecord read(String json) {
        JsonNode node = MAPPER.readTree(json);
        List<CaseStep> steps = new ArrayList<>();
        for (JsonNode s : node.get("steps")) {
            steps.add(step(s));
        }
        return new CaseRecord(Json.request(node.get("request")), contract(node.get("contract")), steps);
    }

    private static ObjectNode contract(ServiceContract c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("customer", c.customer());
        node.put("policy", c.policy());
        node.put("zone", c.zone().getId());
        node.put("paymentTerms", c.paymentTerms().name());
        c.prepaidHours().ifPresent(h -> node.put("prepaidHours", h.toPlainString()));
        node.put("warranty", c.warranty().toString());
        node.put("riskBuffer", c.riskBuffer().toPlainString());
        c.hourlyRate().ifPresent(r -> node.put("hourlyRate", r.toPlainString()));
        ArrayNode keyUsers = node.putArray("keyUsers");
        c.keyUsers().forEach(keyUsers::add);
        return node;
    }

    private static ServiceContract contract(JsonNode node) {
        List<String> keyUsers = new ArrayList<>();
        node.get("keyUsers").forEach(u -> keyUsers.add(u.asString()));
        return ServiceContract.builder()
                .customer(text(node, "customer"))
                .policy(text(node, "policy"))
                .zone(ZoneId.of(text(node, "zone")))
                .paymentTerms(PaymentTerms.valueOf(text(node, "paymentTerms")))
                .prepaidHours(decimal(node, "prepaidHours"))
                .warranty(Period.parse(text(node, "warranty")))
                .riskBuffer(new BigDecimal(text(node, "riskBuffer")))
                .hourlyRate(decimal(node, "hourlyRate"))
                .keyUsers(keyUsers)
                .build();
    }

    private static ObjectNode step(CaseStep s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("op", s.op().method());
        node.put("at", s.at().toString());
        putIfSet(node, "user", s.user());
        putIfSet(node, "text", s.text());
        if (s.solution() != null) {
            ObjectNode solution = node.putObject("solution");
            solution.put("proposal", s.solution().proposal());
            solution.put("expectedResult", s.solution().expectedResult());
        }
        if (s.specification() != null) {
            node.set("specification", specification(s.specification()));
        }
        if (s.point() != null) {
            node.put("point", s.point().name());
        }
        if (s.results() != null) {
            ArrayNode results = node.putArray("results");
            for (ScenarioResult r : s.results()) {
                results.addObject().put("scenario", r.scenario()).put("passed", r.passed()).put("finding", r.finding());
            }
        }
        if (s.severity() != null) {
            node.put("severity", s.severity().name());
        }
        if (s.prepaidAvailable() != null) {
            node.put("prepaidAvailable", s.prepaidAvailable().toPlainString());
        }
        return node;
    }

    private static CaseStep step(JsonNode node) {
        JsonNode solution = node.get("solution");
        JsonNode spec = node.get("specification");
        JsonNode point = node.get("point");
        JsonNode severity = node.get("severity");
        List<ScenarioResult> results = null;
        if (node.has("results")) {
            results = new ArrayList<>();
            for (JsonNode r : node.get("results")) {
                results.add(new ScenarioResult(text(r, "scenario"), r.get("passed").asBoolean(), text(r, "finding")));
            }
        }
        return new CaseStep(CaseStep.Op.of(text(node, "op")), Instant.parse(text(node, "at")),
                optional(node, "user"), optional(node, "text"),
                solution == null ? null : Solution.of(text(solution, "proposal"), text(solution, "expectedResult")),
                spec == null ? null : specification(spec),
                point == null ? null : PaymentPoint.valueOf(point.asString()),
                results,
                severity == null ? null : Severity.valueOf(severity.asString()),
                decimal(node, "prepaidAvailable"));
    }

    private static ObjectNode specification(Specification spec) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("description", spec.description());
        node.put("willNotDo", spec.willNotDo());
        node.put("estimate", spec.estimate().toPlainString());
        node.put("riskBuffer", spec.riskBuffer().toPlainString());
        node.put("documentationRequired", spec.documentationRequired());
        ArrayNode scenarios = node.putArray("scenarios");
        for (AcceptanceScenario s : spec.scenarios()) {
            scenarios.addObject().put("name", s.name()).put("userActions", s.userActions())
                    .put("requiredResult", s.requiredResult());
        }
        return node;
    }

    private static Specification specification(JsonNode node) {
        Specification.Builder b = Specification.builder()
                .description(text(node, "description"))
                .willNotDo(text(node, "willNotDo"))
                .estimate(new BigDecimal(text(node, "estimate")))
                .riskBuffer(new BigDecimal(text(node, "riskBuffer")))
                .documentationRequired(node.get("documentationRequired").asBoolean());
        for (JsonNode s : node.get("scenarios")) {
            b.scenario(text(s, "name"), text(s, "userActions"), text(s, "requiredResult"));
        }
        return b.build();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String value = optional(node, field);
        return value == null ? null : new BigDecimal(value);
    }
}
