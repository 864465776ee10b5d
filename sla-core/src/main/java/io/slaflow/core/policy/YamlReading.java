package io.slaflow.core.policy;

import io.slaflow.core.internal.ViolationText;
import io.slaflow.core.policy.YamlDocument.Position;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of a {@link YamlDocument}, collecting a violation with path, line and
 * column for each value that is missing a rule of the format. A value that was refused is
 * remembered with everything inside it, so checks made later on the same values stay quiet.
 */
final class YamlReading {

    /** A violation and where it is. */
    private record Located(Position position, String text) {
    }

    private final YamlDocument doc;
    private final List<Located> found = new ArrayList<>();
    private final Set<String> refused = new HashSet<>();

    YamlReading(YamlDocument doc) {
        this.doc = doc;
        for (YamlDocument.Problem problem : doc.problems()) {
            found.add(new Located(problem.position(), problem.path() + ": " + problem.message()));
            refused.add(problem.path());
        }
    }

    /** Records a violation at the value at {@code path} and marks that value refused. */
    void refuse(String path, String message) {
        if (!isRefused(path)) {
            found.add(new Located(doc.position(path), YamlDocument.display(path) + ": " + message));
            refused.add(path);
        }
    }

    /** Records a violation found by a later check, unless it lies in a value already refused. */
    void add(Violation v) {
        if (!isRefused(v.path())) {
            found.add(new Located(doc.position(v.path()), v.toString()));
        }
    }

    /** Tells whether {@code path} or a value enclosing it was refused. */
    boolean isRefused(String path) {
        for (String p = path; ; p = YamlDocument.parent(p)) {
            if (refused.contains(p)) {
                return true;
            }
            if (p.isEmpty()) {
                return false;
            }
        }
    }

    /** Returns how many violations were found so far. */
    int count() {
        return found.size();
    }

    /** Returns every violation with its line and column, in the order they appear in the text. */
    List<String> violations() {
        return found.stream().sorted(Comparator.comparing(Located::position))
                .map(l -> l.text() + l.position()).toList();
    }

    /**
     * Checks that {@code node} is a mapping whose keys are all in {@code keys}; each unknown key is
     * a violation at the key.
     *
     * @return true if {@code node} is a mapping (even with unknown keys)
     */
    boolean mapping(JsonNode node, String path, List<String> keys) {
        if (!node.isObject()) {
            refuse(path, "must be a mapping of " + String.join(", ", keys) + " " + shown(node));
            return false;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!keys.contains(e.getKey())) {
                String child = child(path, e.getKey());
                found.add(new Located(doc.keyPosition(child), child + ": unknown key; use "
                        + String.join(", ", keys)));
                refused.add(child);
            }
        }
        return true;
    }

    /** Returns the elements of a list, or null (refused) if {@code node} is not a list. */
    List<JsonNode> list(JsonNode node, String path, String example) {
        if (!node.isArray()) {
            refuse(path, "must be a list such as " + example + " " + shown(node));
            return null;
        }
        List<JsonNode> out = new ArrayList<>();
        node.values().forEach(out::add);
        return out;
    }

    /** Returns the text, or null when the value is absent (unreported) or not text (refused). */
    String text(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            refuse(path, "must be text " + shown(node));
            return null;
        }
        return node.asString();
    }

    /** Returns the required text, or null after a violation. */
    String requiredText(JsonNode node, String path, String what) {
        if (absent(node)) {
            refuse(path, "is required; give " + what);
            return null;
        }
        return text(node, path);
    }

    Duration duration(JsonNode node, String path) {
        return parsed(node, path, Duration::parse, "an ISO-8601 duration such as PT4H");
    }

    LocalTime time(JsonNode node, String path) {
        return required(node, path, LocalTime::parse, "a time of day such as \"08:00\"");
    }

    LocalDate date(JsonNode node, String path) {
        return required(node, path, LocalDate::parse, "a date such as 2026-01-01");
    }

    ZoneId zone(JsonNode node, String path) {
        return required(node, path, ZoneId::of, "a time zone such as Europe/Kyiv");
    }

    /** Returns the period, or null when absent (unreported) or unreadable (refused). */
    Period period(JsonNode node, String path) {
        return parsed(node, path, Period::parse, "an ISO-8601 period such as P6M");
    }

    /** Returns the number, or null when absent (unreported) or not a number (refused). */
    BigDecimal decimal(JsonNode node, String path, String example) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber()) {
            refuse(path, "must be a number such as " + example + " " + shown(node));
            return null;
        }
        return node.decimalValue();
    }

    /**
     * Returns the one value of a fixed set that {@code node} names.
     *
     * @param names the accepted spellings, in the order to list them, with their values
     * @return the value, or null when absent (reported as required) or not one of {@code names} (refused)
     */
    <E extends Enum<E>> E oneOf(JsonNode node, String path, Map<String, E> names) {
        if (absent(node)) {
            refuse(path, "is required; give one of " + String.join(", ", names.keySet()));
            return null;
        }
        E e = node.isString() ? names.get(node.asString()) : null;
        if (e == null) {
            refuse(path, "must be one of " + String.join(", ", names.keySet()) + " " + shown(node));
        }
        return e;
    }

    private <T> T required(JsonNode node, String path, Function<String, T> parse, String what) {
        if (absent(node)) {
            refuse(path, "is required; give " + what);
            return null;
        }
        return parsed(node, path, parse, what);
    }

    /** Parses text; absent gives null without a violation, anything else unparseable a refusal. */
    private <T> T parsed(JsonNode node, String path, Function<String, T> parse, String what) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            refuse(path, "must be " + what + " " + shown(node));
            return null;
        }
        try {
            return parse.apply(node.asString());
        } catch (DateTimeException e) {
            refuse(path, "must be " + what + " " + shown(node));
            return null;
        }
    }

    /**
     * Reads one value or a non-empty list of values of a fixed set.
     *
     * @param names the accepted spellings, in the order to list them, with their values
     * @return the values, or null after a violation
     */
    <E extends Enum<E>> EnumSet<E> oneOrMore(JsonNode node, String path, Class<E> type, Map<String, E> names) {
        EnumSet<E> out = EnumSet.noneOf(type);
        if (node.isArray() && node.isEmpty()) {
            refuse(path, "must name at least one value; leave the key out to match any");
            return null;
        }
        boolean ok = true;
        Iterator<JsonNode> it = node.isArray() ? node.values().iterator() : List.of(node).iterator();
        for (int i = 0; it.hasNext(); i++) {
            String at = node.isArray() ? path + "[" + i + "]" : path;
            JsonNode value = it.next();
            E e = value.isString() ? names.get(value.asString()) : null;
            if (e == null) {
                refuse(at, "must be one of " + String.join(", ", names.keySet()) + " " + shown(value));
                ok = false;
            } else {
                out.add(e);
            }
        }
        return ok ? out : null;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Returns {@code (was ...)} for a node: text quoted, numbers as written, containers by kind. */
    static String shown(JsonNode node) {
        if (node.isObject()) {
            return "(was a mapping)";
        }
        if (node.isArray()) {
            return "(was a list)";
        }
        if (node.isString()) {
            return ViolationText.was(node.asString());
        }
        return "(was " + (node.isNull() ? "null" : node.asString()) + ")";
    }
}
