package io.slaflow.bpmn.internal;

import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.CountdownEvent;
import io.slaflow.core.countdown.Escalation;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON strings stored as process variables: plain data any node (and any
 * version of the library that knows the format) can read, never Java serialization. Thread-safe.
 */
public final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Requests read lately, by their JSON: reading one validates it, and a request is read several times. */
    private static final Map<String, StoredRequest> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredRequest> eldest) {
            return size() > 256;
        }
    });

    private Json() {
    }

    /** Writes a stored request. */
    public static String writeRequest(StoredRequest stored) {
        ObjectNode node = requestNode(stored.request());
        node.put("filedAt", stored.filedAt().toString());
        String json = MAPPER.writeValueAsString(node);
        RECENT.put(json, stored);
        return json;
    }

    /** Reads a stored request written by {@link #writeRequest}; requests read lately come from a small cache. */
    public static StoredRequest readRequest(String json) {
        StoredRequest recent = RECENT.get(json);
        if (recent != null) {
            return recent;
        }
        JsonNode node = MAPPER.readTree(json);
        StoredRequest stored = new StoredRequest(request(node), Instant.parse(text(node, "filedAt")));
        RECENT.put(json, stored);
        return stored;
    }

    /** Returns a new object node holding the fields of {@code r}. */
    static ObjectNode requestNode(ServiceRequest r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("customer", r.customer());
        node.put("requester", r.requester());
        node.put("tier", r.tier().name());
        node.put("kind", r.kind().name());
        node.put("severity", r.severity().name());
        node.put("subject", r.subject());
        node.put("description", r.description());
        r.reference().ifPresent(reference -> node.put("reference", reference));
        return node;
    }

    /** Reads the request fields written by {@link #requestNode}. */
    static ServiceRequest request(JsonNode node) {
        return ServiceRequest.builder()
                .customer(text(node, "customer"))
                .requester(text(node, "requester"))
                .tier(RequesterTier.valueOf(text(node, "tier")))
                .kind(RequestKind.valueOf(text(node, "kind")))
                .severity(Severity.valueOf(text(node, "severity")))
                .subject(text(node, "subject"))
                .description(text(node, "description"))
                .reference(node.hasNonNull("reference") ? text(node, "reference") : null)
                .build();
    }

    /**
     * A countdown as stored, with the thresholds of it announced so far.
     *
     * @param countdown the countdown
     * @param announced the thresholds announced, in the order announced
     */
    public record StoredCountdown(Countdown countdown, List<Double> announced, int escalated) {
    }

    /** Writes a countdown with its announced thresholds. */
    public static String writeCountdown(Countdown c, List<Double> announcedThresholds) {
        return MAPPER.writeValueAsString(countdownNode(c, announcedThresholds, 0));
    }

    private static ObjectNode countdownNode(Countdown c, List<Double> announcedThresholds, int escalated) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("metric", c.metric().name());
        node.put("target", c.target().toString());
        ArrayNode warnAt = node.putArray("warnAt");
        c.warnAt().forEach(warnAt::add);
        ArrayNode events = node.putArray("events");
        for (CountdownEvent e : c.events()) {
            ObjectNode event = events.addObject();
            event.put("type", e.type().name());
            event.put("at", e.at().toString());
            event.put("note", e.note());
        }
        ArrayNode announced = node.putArray("announced");
        announcedThresholds.forEach(announced::add);
        if (!c.escalations().isEmpty()) {
            ArrayNode levels = node.putArray("escalations");
            for (Escalation level : c.escalations()) {
                ObjectNode l = levels.addObject();
                l.put("counted", level.counted().toString());
                l.put("group", level.group());
            }
            node.put("escalated", escalated);
        }
        return node;
    }

    /** Reads a countdown written by {@link #writeCountdown}. */
    public static StoredCountdown readCountdown(String json) {
        return readCountdown(MAPPER.readTree(json));
    }

    private static StoredCountdown readCountdown(JsonNode node) {
        List<Double> warnAt = doubles(node.get("warnAt"));
        List<CountdownEvent> events = new ArrayList<>();
        for (JsonNode e : node.get("events")) {
            events.add(new CountdownEvent(CountdownEvent.Type.valueOf(text(e, "type")),
                    Instant.parse(text(e, "at")), text(e, "note")));
        }
        List<Escalation> levels = new ArrayList<>();
        if (node.has("escalations")) {
            for (JsonNode l : node.get("escalations")) {
                levels.add(new Escalation(Duration.parse(text(l, "counted")), text(l, "group")));
            }
        }
        Countdown countdown = Countdown.of(SlaMetric.valueOf(text(node, "metric")),
                Duration.parse(text(node, "target")), warnAt, levels, events);
        return new StoredCountdown(countdown, doubles(node.get("announced")),
                node.has("escalated") ? node.get("escalated").asInt() : 0);
    }

    /** Writes a list of user ids. */
    public static String writeUsers(List<String> users) {
        ArrayNode array = MAPPER.createArrayNode();
        users.forEach(array::add);
        return MAPPER.writeValueAsString(array);
    }

    /** Reads a list of user ids written by {@link #writeUsers}; empty for null. */
    public static List<String> readUsers(String json) {
        if (json == null) {
            return List.of();
        }
        List<String> users = new ArrayList<>();
        MAPPER.readTree(json).forEach(n -> users.add(n.asString()));
        return users;
    }

    /** Writes a whole clock: its countdowns, each with the thresholds of it announced, as a JSON array. */
    public static String writeClock(RequestClock clock) {
        ArrayNode array = MAPPER.createArrayNode();
        for (SlaMetric metric : clock.metrics()) {
            array.add(countdownNode(clock.countdown(metric), clock.announced(metric), clock.escalated(metric)));
        }
        return MAPPER.writeValueAsString(array);
    }

    /** Reads a clock written by {@link #writeClock}. */
    public static RequestClock readClock(String json) {
        List<Countdown> countdowns = new ArrayList<>();
        Map<SlaMetric, List<Double>> announced = new EnumMap<>(SlaMetric.class);
        Map<SlaMetric, Integer> escalated = new EnumMap<>(SlaMetric.class);
        for (JsonNode node : MAPPER.readTree(json)) {
            StoredCountdown stored = readCountdown(node);
            countdowns.add(stored.countdown());
            announced.put(stored.countdown().metric(), stored.announced());
            escalated.put(stored.countdown().metric(), stored.escalated());
        }
        return RequestClock.of(countdowns, announced, escalated);
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> list = new ArrayList<>();
        for (JsonNode n : array) {
            list.add(n.asDouble());
        }
        return list;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("stored JSON lacks '" + field + "': " + node);
        }
        return value.asString();
    }
}
