package io.slaflow.core.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML text read as a Jackson tree, plus the line and column of every value and key in it, by
 * path ({@code targets[2].response}). Jackson's tree keeps no positions, so a second pass over the
 * token stream records them.
 */
final class YamlDocument {

    /** Path of the document itself in violations. */
    static final String ROOT = "(document)";

    /** Reads duplicate keys without complaint (the last wins); {@link #walk} reports them all. */
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private final JsonNode root;
    private final Map<String, TokenStreamLocation> values = new HashMap<>();
    private final Map<String, TokenStreamLocation> keys = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /**
     * A value the format refuses whatever it holds: an alias, a repeated key.
     *
     * @param path the value's path
     * @param position where it is written
     * @param message what is wrong
     */
    record Problem(String path, Position position, String message) {
    }

    private YamlDocument(JsonNode root) {
        this.root = root;
    }

    /**
     * Reads {@code yaml}.
     *
     * @param yaml the text
     * @param source where it came from, for the exception
     * @return the document
     * @throws InvalidPolicyException with one violation if the text is not well-formed YAML, naming
     *     the problem, the line and the column
     */
    static YamlDocument parse(String yaml, String source) {
        try {
            YamlDocument doc = new YamlDocument(MAPPER.readTree(yaml));
            try (JsonParser p = MAPPER.createParser(yaml)) {
                if (p.nextToken() != null) {
                    doc.walk(p, "");
                }
            }
            return doc;
        } catch (JacksonException e) {
            throw syntaxError(e, source);
        }
    }

    private static InvalidPolicyException syntaxError(JacksonException e, String source) {
        String what;
        int line;
        int column;
        if (e.getCause() instanceof MarkedYamlEngineException y && y.getProblemMark().isPresent()) {
            Mark mark = y.getProblemMark().get();
            what = y.getContext() == null ? y.getProblem() : y.getContext() + ": " + y.getProblem();
            line = mark.getLine() + 1;
            column = mark.getColumn() + 1;
        } else {
            what = e.getOriginalMessage().lines().findFirst().orElse("unreadable YAML");
            line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
        }
        String violation = "yaml: " + what.strip() + new Position(line, column);
        return source == null ? new InvalidPolicyException(List.of(violation))
                : new InvalidPolicyException(source, List.of(violation));
    }

    /** Records the location of the value starting at the current token and of everything inside it. */
    private void walk(JsonParser p, String path) {
        values.put(path, p.currentTokenLocation());
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                TokenStreamLocation key = p.currentTokenLocation();
                if (keys.putIfAbsent(child, key) != null) {
                    problems.add(new Problem(child, Position.of(key), "is given twice in one mapping; keep one"));
                }
                p.nextToken();
                walk(p, child);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, path + "[" + i++ + "]");
            }
        } else if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.add(new Problem(path, Position.of(p.currentTokenLocation()),
                    "must be written out; aliases (*name) are not supported"));
        }
    }

    /** Returns the document's root node: missing for an empty document. */
    JsonNode root() {
        return root;
    }

    /** Returns the aliases and repeated keys, in document order. */
    List<Problem> problems() {
        return problems;
    }

    /**
     * Returns where the value at {@code path} starts, or, when there is no such value (a missing
     * key), where its nearest enclosing value starts.
     */
    Position position(String path) {
        String p = path;
        while (!values.containsKey(p) && !p.isEmpty()) {
            p = parent(p);
        }
        return Position.of(values.get(p));
    }

    /** Returns where the key of the value at {@code path} is written. */
    Position keyPosition(String path) {
        TokenStreamLocation key = keys.get(path);
        return key == null ? position(path) : Position.of(key);
    }

    /** The path of the value enclosing {@code path}; {@code ""} is the document. */
    static String parent(String path) {
        int cut = path.endsWith("]") ? path.lastIndexOf('[') : path.lastIndexOf('.');
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The violation path of a value: its path, or {@link #ROOT} for the document. */
    static String display(String path) {
        return path.isEmpty() ? ROOT : path;
    }

    /**
     * A line and a column in the YAML text, both counted from 1.
     *
     * @param line the line
     * @param column the column
     */
    record Position(int line, int column) implements Comparable<Position> {

        static Position of(TokenStreamLocation location) {
            return location == null ? new Position(1, 1) : new Position(location.getLineNr(), location.getColumnNr());
        }

        @Override
        public int compareTo(Position o) {
            return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
        }

        /** Returns {@code " at line L, column C"}, as appended to a violation. */
        @Override
        public String toString() {
            return " at line " + line + ", column " + column;
        }
    }
}
