package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEvent.Type;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 open requests in four states (waiting on the customer, responded, claimed, untouched) on a
 * file database; the engine is closed, the clock moves past the response deadlines, and a new engine
 * opens the same database: every status is as it was, and every SLA clock that came due while no
 * engine ran fires exactly once, by the next {@code fireDueTimers()} or the new engine's clock sweeper
 * (500: the claimed and the untouched requests' response breaches).
 */
@ExtendWith(Postgres.class)
class RestartTest {

    private static final int REQUESTS = 1_000;

    @Test
    void onAnH2FileEveryDueClockFiresOnceThroughFireDueTimers(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("desk");
        Heard heard = new Heard();
        Restart r = Restart.fileAndClose(url, "sa", "");
        try (SlaEngine desk = Storm.node(r.clock, heard.listener("after")).jdbcUrl(url, "sa", "").build()) {
            r.assertStatusesIntact(desk);
            assertEquals(REQUESTS / 2, desk.fireDueTimers());
            assertEquals(0, desk.fireDueTimers(), "nothing fires twice");
            r.assertEachDueClockFiredOnce(desk, heard, Ledger.of(url, "sa", ""));
        }
    }

    @Test
    void onPostgresEveryDueClockFiresOnceThroughTheClockSweeper(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        Heard heard = new Heard();
        Restart r = Restart.fileAndClose(url, Postgres.Server.USER, "");
        try (SlaEngine desk = Storm.node(r.clock, heard.listener("after")).jdbcUrl(url, Postgres.Server.USER, "")
                .asyncExecutor(true).clockPollInterval(Duration.ofMillis(100)).build()) {
            r.assertStatusesIntact(desk);
            assertTrue(heard.awaitTotal(Type.ESCALATED, "RESPONSE", REQUESTS / 2, Duration.ofMinutes(3)), heard.perNode());
            r.assertEachDueClockFiredOnce(desk, heard, Ledger.of(url));
        }
    }

    /** The requests filed before the restart and their statuses then. */
    private static final class Restart {
        final TestClock clock = TestClock.at(Storm.FILED);
        final List<String> ids;
        final Map<String, RequestStatus> before = new LinkedHashMap<>();

        private Restart(String url, String user, String password) throws Exception {
            try (SlaEngine desk = Storm.node(clock, e -> { }).jdbcUrl(url, user, password).build()) {
                ids = Storm.file(REQUESTS, desk);
                clock.advance(Duration.ofMinutes(10));
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    switch (i % 4) {
                        case 0 -> desk.waitForCustomer(id, "olga", "Which version do you run?");
                        case 1 -> desk.respond(id, "olga", "Restart the service");
                        case 2 -> desk.claim(id, "petro");
                        default -> { }
                    }
                }
                before.putAll(statuses(desk));
            }
            clock.set(Storm.DUE.plus(Duration.ofMinutes(1)));
        }

        static Restart fileAndClose(String url, String user, String password) throws Exception {
            return new Restart(url, user, password);
        }

        /** Returns whether request {@code i}'s response was running when the engine closed. */
        boolean breaches(int i) {
            return i % 4 >= 2;
        }

        /** Returns the status of every request, read a customer at a time. */
        Map<String, RequestStatus> statuses(SlaEngine desk) {
            Map<String, RequestStatus> all = new HashMap<>();
            for (int customer = 0; customer < 7; customer++) {
                desk.requestsOf("storm-" + customer).forEach(s -> all.put(s.id(), s));
            }
            assertEquals(ids.size(), all.size());
            return all;
        }

        void assertStatusesIntact(SlaEngine desk) {
            Map<String, RequestStatus> now = statuses(desk);
            for (int i = 0; i < ids.size(); i++) {
                RequestStatus was = before.get(ids.get(i));
                RequestStatus is = now.get(ids.get(i));
                assertEquals(was.request(), is.request());
                assertEquals(was.filedAt(), is.filedAt());
                assertEquals(was.stage(), is.stage());
                assertEquals(was.group(), is.group());
                assertEquals(was.assignee(), is.assignee());
                if (was.response().state() == CountdownState.PAUSED) {
                    assertEquals(was.response().remaining(), is.response().remaining(), "paused, nothing used");
                    assertEquals(was.resolution().remaining(), is.resolution().remaining());
                } else {
                    assertEquals(was.response().due(), is.response().due(), "deadlines are kept");
                    assertEquals(was.resolution().due(), is.resolution().due());
                }
                assertEquals(breaches(i) ? CountdownState.BREACHED : was.response().state(), is.response().state());
            }
        }

        /**
         * Asserts that the breaching requests heard BREACHED and ESCALATED of their response once and the
         * others nothing, and that the database agrees: the clocks announced those breaches once and no
         * clock is left due, the breaching requests are marked escalated once, and no task was offered to
         * a group twice.
         */
        void assertEachDueClockFiredOnce(SlaEngine desk, Heard heard, Ledger ledger) {
            Map<String, RequestStatus> now = statuses(desk);
            Map<String, RequestClock> clocks = ledger.clocks();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                int expected = breaches(i) ? 1 : 0;
                assertEquals(expected, heard.count(Type.BREACHED, "RESPONSE", id), "BREACHED of " + i);
                assertEquals(expected, heard.count(Type.ESCALATED, "RESPONSE", id), "ESCALATED of " + i);
                assertEquals(breaches(i), now.get(id).escalated());
                assertEquals(before.get(id).stage(), now.get(id).stage());
                assertEquals(breaches(i) ? List.of(RequestClock.BREACH) : List.of(),
                        clocks.get(id).announced(SlaMetric.RESPONSE), "announced by the clock of " + i);
                assertEquals(List.of(), clocks.get(id).announced(SlaMetric.RESOLUTION));
            }
            assertEquals(ids.size() / 2, heard.total(Type.BREACHED, "RESPONSE"));
            assertEquals(0, heard.total(Type.BREACHED, "RESOLUTION"));
            assertEquals(0, ledger.clocksDueBy(clock.instant()), "no clock left due");
            assertEquals(ids.size() / 2, ledger.escalated());
            assertEquals(0, ledger.escalatedTwice());
            assertEquals(0, ledger.offeredTwice());
            assertEquals(0, ledger.jobsLeft(), "no Flowable job left to run, retry or bury");
        }
    }
}
