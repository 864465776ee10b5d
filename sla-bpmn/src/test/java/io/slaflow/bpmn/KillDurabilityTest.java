package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that files requests on an H2 file database is killed with SIGKILL while it files them;
 * every request whose id it had printed (the host had its acknowledgement) is there when the database
 * is opened again. H2 writes a commit up to half a second late by default; {@code jdbcUrl(..)} opens
 * H2 file URLs with the write delay off.
 */
class KillDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

    /** The child process: files requests one after another and prints each id once submit returned. */
    public static final class Child {
        public static void main(String[] args) {
            try (SlaEngine desk = SlaEngine.builder().policy(Desk.POLICY).jdbcUrl(args[0], "sa", "")
                    .asyncExecutor(false).member("olga", "consultants").build()) {
                for (int i = 0; ; i++) {
                    String id = desk.submit(Desk.consultation("kill-co", "Request " + i));
                    System.out.println("ACK " + id);
                    System.out.flush();
                }
            }
        }
    }

    @Test
    void everyAcknowledgedRequestSurvivesASigkill(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("desk");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            child.destroyForcibly();                                  // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(ACKNOWLEDGED_BEFORE_KILL, acknowledged.size(), "the child stopped before it was killed");

        try (SlaEngine desk = SlaEngine.builder().policy(Desk.POLICY).jdbcUrl(url, "sa", "").asyncExecutor(false)
                .build()) {
            List<String> lost = acknowledged.stream().filter(id -> {
                try {
                    desk.status(id);
                    return false;
                } catch (UnknownRequestException e) {
                    return true;
                }
            }).toList();
            assertEquals(List.of(), lost, "acknowledged but lost");
        }
    }

    @Test
    void anH2FileDatabaseIsLeftWithoutWriteDelayUnlessItsUrlChoosesOne(@TempDir Path dir) throws SQLException {
        String plain = "jdbc:h2:file:" + dir.resolve("plain");
        String chosen = "jdbc:h2:file:" + dir.resolve("chosen") + ";WRITE_DELAY=300";
        for (String url : List.of(plain, chosen)) {
            SlaEngine.builder().policy(Desk.POLICY).jdbcUrl(url, "sa", "").asyncExecutor(false).build().close();
        }
        assertEquals("0", writeDelay(plain));
        assertEquals("300", writeDelay(chosen.replace(";WRITE_DELAY=300", "")), "the URL's choice is kept");
    }

    private static String writeDelay(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertTrue(r.next());
            return r.getString(1);
        }
    }
}
