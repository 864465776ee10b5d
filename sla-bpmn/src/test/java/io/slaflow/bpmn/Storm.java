package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A storm of SLA clocks: many requests filed at {@link #FILED}, whose response countdowns (one hour,
 * no warnings) all breach at {@link #DUE}; their resolution countdowns run for days. Every request's
 * clock comes due at once, and firing it announces BREACHED and ESCALATED of the response.
 */
final class Storm {

    static final Instant FILED = kyiv("2026-03-09T10:00");
    static final Instant DUE = kyiv("2026-03-09T11:00");
    static final WorkingCalendar ALWAYS = WorkingCalendar.alwaysOpen(Desk.KYIV);

    /** One hour to respond and 100 hours to resolve, round the clock, no warnings. */
    static final SlaPolicy POLICY = new SlaPolicy() {
        @Override
        public String name() {
            return "storm";
        }

        @Override
        public SlaTargets targetsFor(ServiceRequest r) {
            return SlaTargets.of(Duration.ofHours(1), Duration.ofHours(100), ALWAYS, List.of());
        }
    };

    private Storm() {
    }

    /** Returns a node's builder: the storm policy, the desk's staff, the clock and a listener. */
    static SlaEngine.Builder node(TestClock clock, SlaEventListener listener) {
        return Desk.engine(clock).policy(POLICY).listener(listener);
    }

    /** Files {@code n} requests through {@code nodes} (in turn, two threads); returns their ids. */
    static List<String> file(int n, SlaEngine... nodes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SlaEngine node = nodes[i % nodes.length];
                ServiceRequest request = Desk.request("storm-" + (i % 7), RequesterTier.ORDINARY_USER,
                        RequestKind.CONSULTATION, Severity.NON_CRITICAL, "Storm request " + i);
                ids.add(threads.submit(() -> node.submit(request)));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> id : ids) {
                result.add(id.get());
            }
            return Collections.unmodifiableList(result);
        } finally {
            threads.shutdown();
        }
    }
}
