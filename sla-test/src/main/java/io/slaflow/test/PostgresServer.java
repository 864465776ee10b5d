package io.slaflow.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One embedded PostgreSQL for a whole test run, started on first use and closed when the run ends;
 * each test takes a fresh database from it, copied from a template that holds the schema already
 * (creating Flowable's tables takes seconds; copying a database, a fraction). The only class that touches zonky's API, so hosts that
 * use only {@link SlaEngineTest} need not have it.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();
    private final Map<Object, String> templates = new ConcurrentHashMap<>();

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * Creates a database as a copy of the template made for {@code key} and returns its JDBC URL. The
     * first call for a key creates the template and runs {@code schema} on its URL once; {@code schema}
     * must leave no connection open (a template with a session cannot be copied).
     */
    synchronized String newDatabase(Object key, Consumer<String> schema) {
        String template = templates.get(key);
        if (template == null) {
            template = create("slaflow_template_" + (templates.size() + 1), "template1");
            schema.accept(url(template));
            templates.put(key, template);
        }
        return url(create("slaflow_test_" + databases.incrementAndGet(), template));
    }

    private String create(String name, String template) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
