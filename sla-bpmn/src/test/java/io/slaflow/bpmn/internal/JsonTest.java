package io.slaflow.bpmn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aStoredRequestReadsBackEqualWithItsTextVerbatim() {
        ServiceRequest r = ServiceRequest.builder().customer("acme").requester("olena").tier(RequesterTier.KEY_USER)
                .kind(RequestKind.DEVELOPMENT).severity(Severity.NON_CRITICAL)
                .subject("${'abc'.getClass()} \"quoted\" \u0456\u043d\u0448\u0435").description("line 1\nline 2").build();
        StoredRequest stored = new StoredRequest(r, Instant.parse("2026-03-09T08:00:00.123456789Z"));
        assertEquals(stored, Json.readRequest(Json.writeRequest(stored)));
    }

    @Test
    void aCountdownWithItsHistoryAndAnnouncementsReadsBackEqual() {
        Instant t = Instant.parse("2026-03-09T08:00:00Z");
        Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(24), List.of(0.5, 0.9), t)
                .pause(t.plusSeconds(600), "Which bank?").resume(t.plusSeconds(3600)).meet(t.plusSeconds(7200));
        String json = Json.writeCountdown(c, List.of(0.5, 1.0));
        assertEquals(new Json.StoredCountdown(c, List.of(0.5, 1.0), 0), Json.readCountdown(json));
        assertTrue(json.contains("\"note\":\"Which bank?\""), json);
    }
}
