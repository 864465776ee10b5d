package io.slaflow.benchmarks.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the plans {@code auto_explain} wrote to a PostgreSQL 14 server's CSV log
 * ({@code log_destination = 'csvlog'}): each is a row whose message reads {@code duration: 0.123 ms
 * plan:}, then {@code Query Text: ...}, then the plan in text form.
 */
final class PostgresLog {

    /** Columns of PostgreSQL 14's csvlog: database_name is the third, message the fourteenth. */
    private static final int DATABASE = 2;
    private static final int MESSAGE = 13;
    private static final Pattern DURATION = Pattern.compile("^duration: ([0-9.]+) ms\\s+plan:\\s*\\n", Pattern.DOTALL);
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private PostgresLog() {
    }

    /**
     * A statement's plan as {@code auto_explain} logged it.
     *
     * @param query the statement's text, as sent (parameters as {@code $1})
     * @param plan the plan, with actual rows and times and buffers
     * @param millis how long the statement ran
     */
    record Explained(String query, String plan, double millis) {

        /** Returns the tables the plan reads with a sequential scan. */
        Set<String> seqScanned() {
            Set<String> tables = new LinkedHashSet<>();
            Matcher m = SEQ_SCAN.matcher(plan);
            while (m.find()) {
                tables.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            return tables;
        }
    }

    /**
     * Returns the plans logged for {@code database} in the {@code .csv} files of {@code directory}, in
     * the order they were logged.
     */
    static List<Explained> plans(Path directory, String database) throws IOException {
        List<Explained> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            for (List<String> row : rows(Files.readString(file, StandardCharsets.UTF_8))) {
                if (row.size() > MESSAGE && database.equals(row.get(DATABASE))) {
                    Explained e = explained(row.get(MESSAGE));
                    if (e != null) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /** Splits an auto_explain message into query text and plan; null if the message is something else. */
    static Explained explained(String message) {
        Matcher m = DURATION.matcher(message);
        if (!m.find()) {
            return null;
        }
        String rest = message.substring(m.end());
        if (rest.startsWith("Query Text: ")) {
            rest = rest.substring("Query Text: ".length());
        }
        int planStart = firstPlanLine(rest);
        return new Explained(rest.substring(0, planStart).strip(), rest.substring(planStart).stripTrailing(),
                Double.parseDouble(m.group(1)));
    }

    /** The plan starts at the first line that carries a node's cost estimate. */
    private static int firstPlanLine(String text) {
        int cost = text.indexOf("(cost=");
        if (cost < 0) {
            return text.length();
        }
        return text.lastIndexOf('\n', cost) + 1;
    }

    /**
     * Normalizes a statement's text for deduplication: literals become {@code ?} (parameters such as
     * {@code $1} stay), runs of white space one space.
     */
    static String normalized(String query) {
        return query.replaceAll("'(?:[^']|'')*'", "?").replaceAll("(?<![$\\w])\\d+(?:\\.\\d+)?\\b", "?")
                .replaceAll("\\s+", " ").strip();
    }

    /** Parses CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into rows of fields. */
    static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
