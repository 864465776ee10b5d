package io.slaflow.core.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * A YAML text read as a Jackson tree, plus the line and column of every value and key in it, by
 * path ({@code targets[2].response}). Jackson's tree keeps no positions, so the tree is built here
 * from the token stream, recording them as it goes: the text is parsed once, and only when it is within
 * the size limit, which the parser's own limits (code points, document, string and name length)
 * agree with.
 */
final class YamlDocument {

    /** Path of the document itself in violations. */
    static final String ROOT = "(document)";

    /** The parser's read buffer, in characters: the longest token scanned without growing it. */
    private static final int BUFFER_CHARS = 64 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads duplicate keys without complaint (the last wins); {@link #read} reports them all. */
    private static final YAMLMapper MAPPER = mapper(SlaPolicies.MAX_FILE_CHARS);

    /** How many documents were parsed since the class was loaded: tests check a text is parsed once. */
    static final LongAdder PARSES = new LongAdder();

    private final Map<String, TokenStreamLocation> values = new HashMap<>();
    private final Map<String, TokenStreamLocation> keys = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private JsonNode root = MissingNode.getInstance();

    /**
     * A value the format refuses whatever it holds: an alias, a repeated key.
     *
     * @param path the value's path
     * @param position where it is written
     * @param message what is wrong
     */
    record Problem(String path, Position position, String message) {
    }

    private YamlDocument() {
    }

    /**
     * A mapper whose parser limits agree with {@code maxChars}: no text, name or document longer
     * than the file may be, and a read buffer large enough that one long token is not copied again
     * and again as it is scanned (which made parsing time grow with the square of its length). Repeated
     * keys pass the parser, so {@link #read} reports each with its path; an empty value reads as null.
     */
    private static YAMLMapper mapper(int maxChars) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxDocumentLength(maxChars).maxStringLength(maxChars).maxNameLength(maxChars).build();
        LoadSettings load = LoadSettings.builder().setCodePointLimit(maxChars).setAllowDuplicateKeys(true)
                .setBufferSize(Math.min(maxChars, BUFFER_CHARS)).build();
        return YAMLMapper.builder(YAMLFactory.builder().loadSettings(load).streamReadConstraints(limits)
                .enable(YAMLReadFeature.EMPTY_STRING_AS_NULL).build()).build();
    }

    /**
     * Reads {@code yaml}, in one pass over its tokens.
     *
     * @param yaml the text
     * @param source where it came from, for the exception
     * @param maxChars the longest text read, in characters
     * @return the document
     * @throws InvalidPolicyException with one violation if the text is longer than {@code maxChars} or
     *     not well-formed YAML, naming the problem, the line and the column
     */
    static YamlDocument parse(String yaml, String source, int maxChars) {
        if (yaml.length() > maxChars) {
            throw failure(source, "yaml: the text has " + yaml.length() + " characters, more than the limit of "
                    + maxChars + "; a policy file is far smaller, or raise the limit with SlaPolicies.parseFile(yaml,"
                    + " maxChars)");
        }
        YAMLMapper mapper = maxChars == SlaPolicies.MAX_FILE_CHARS ? MAPPER : mapper(maxChars);
        PARSES.increment();
        YamlDocument doc = new YamlDocument();
        try (JsonParser p = mapper.createParser(yaml)) {
            if (p.nextToken() != null) {
                doc.root = doc.read(p, "");
            }
            return doc;
        } catch (JacksonException e) {
            throw syntaxError(e, source);
        }
    }

    private static InvalidPolicyException failure(String source, String violation) {
        return source == null ? new InvalidPolicyException(List.of(violation))
                : new InvalidPolicyException(source, List.of(violation));
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
        return failure(source, "yaml: " + what.strip() + new Position(line, column));
    }

    /**
     * Reads the value starting at the current token into a tree node, recording its location and
     * that of everything inside it. A repeated key is reported and the last value kept; a number is
     * kept exactly as written (a decimal), so no value is too large to be shown in a violation.
     */
    private JsonNode read(JsonParser p, String path) {
        values.put(path, p.currentTokenLocation());
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode mapping = NODES.objectNode();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                TokenStreamLocation key = p.currentTokenLocation();
                if (keys.putIfAbsent(child, key) != null) {
                    problems.add(new Problem(child, Position.of(key), "is given twice in one mapping; keep one"));
                }
                p.nextToken();
                mapping.set(name, read(p, child));
            }
            return mapping;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode list = NODES.arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(p, path + "[" + list.size() + "]"));
            }
            return list;
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.add(new Problem(path, Position.of(p.currentTokenLocation()),
                    "must be written out; aliases (*name) are not supported"));
        }
        return scalar(p, token);
    }

    private static JsonNode scalar(JsonParser p, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> number(p);
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.stringNode(p.getString()); // an embedded value (!!binary): read as its text
        };
    }

    /** A float as written ({@code 1e400} too); {@code .inf} and {@code .nan} as text, refused where a number is due. */
    private static JsonNode number(JsonParser p) {
        String text = p.getString();
        try {
            return DecimalNode.valueOf(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return NODES.stringNode(text);
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
