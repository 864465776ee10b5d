package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.internal.Databases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    void h2FileUrlsAreOpenedWithoutWriteDelayUnlessTheyChooseOne() {
        assertEquals("jdbc:h2:file:/data/desk;WRITE_DELAY=0", Databases.durable("jdbc:h2:file:/data/desk"));
        assertEquals("jdbc:h2:~/desk;AUTO_SERVER=TRUE;WRITE_DELAY=0", Databases.durable("jdbc:h2:~/desk;AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:file:/data/desk;write_delay=500", Databases.durable("jdbc:h2:file:/data/desk;write_delay=500"));
        assertEquals("jdbc:h2:mem:desk", Databases.durable("jdbc:h2:mem:desk"));
        assertEquals("jdbc:h2:tcp://db/desk", Databases.durable("jdbc:h2:tcp://db/desk"));
        assertEquals("jdbc:postgresql://db/desk", Databases.durable("jdbc:postgresql://db/desk"));
    }
}
