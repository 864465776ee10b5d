package io.slaflow.bpmn;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL 14 (zonky's embedded binaries) for the tests: one server for the whole run,
 * started on first use and stopped when the run ends; each test takes fresh databases from it.
 * Test classes declare {@code @ExtendWith(Postgres.class)} and take a {@link Postgres.Server}
 * parameter.
 */
final class Postgres implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Postgres.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
    }

    /** The running server. */
    static final class Server implements AutoCloseable {

        static final String USER = "postgres";
        private final EmbeddedPostgres postgres;
        private final AtomicInteger databases = new AtomicInteger();

        private Server(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static Server start() {
            try {
                return new Server(EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Creates an empty database and returns its JDBC URL. */
        String newDatabase() {
            return copyOf("template1");
        }

        /** Creates a database as a copy of {@code template} (no one may be connected to it) and returns its URL. */
        String copyOf(String template) {
            String name = "slaflow_" + databases.incrementAndGet();
            execute(url("postgres"), "CREATE DATABASE " + name + " TEMPLATE " + template);
            return url(name);
        }

        /** Returns the URL of database {@code name}, without user or password. */
        String url(String name) {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
        }

        /** Returns the database name in {@code url}. */
        static String nameOf(String url) {
            String path = url.substring(url.lastIndexOf('/') + 1);
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }

        int port() {
            return postgres.getPort();
        }

        /** Runs {@code sql} on the database at {@code url}. */
        static void execute(String url, String sql) {
            try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        /** Returns the first column of the first row {@code sql} selects, as a long. */
        static long count(String url, String sql) {
            try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        /** Returns the first column of the first row {@code sql} selects, as text. */
        static String text(String url, String sql) {
            try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
