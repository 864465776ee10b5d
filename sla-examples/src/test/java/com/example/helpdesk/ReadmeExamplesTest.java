package com.example.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's Java examples are code that runs: the opening example is the marked part of {@code openingExample},
 * and "Embedding SlaEngine in a host application" shows {@link HelpDesk} verbatim.
 */
class ReadmeExamplesTest {

    private static final Logger log = LoggerFactory.getLogger(ReadmeExamplesTest.class);
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final String README = read(MODULE.resolveSibling("README.md"));
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final String POLICY_YAML = """
            name: desk
            calendars:
              office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" } ] }
            targets:
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT24H
            """;
    private static final ServiceRequest REQUEST = ServiceRequest.builder().customer("acme").requester("olena")
            .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
            .subject("Exchange with the warehouse stopped").description("Since 09:10").build();

    @Test
    void theOpeningExampleRunsAsShown() {
        String code = marked(read(MODULE.resolve("src/test/java/com/example/helpdesk/ReadmeExamplesTest.java")));
        String opening = README.substring(0, README.indexOf("\n## "));
        assertTrue(opening.contains("```java\n" + code + "```\n"), "README's opening java block must be:\n" + code);

        openingExample(SlaPolicies.parse(POLICY_YAML), REQUEST);
    }

    private static final String BEGIN = "        // README opening example: begin\n";
    private static final String END = "        // README opening example: end\n";

    private static void openingExample(SlaPolicy policy, ServiceRequest request) {
        // README opening example: begin
        try (SlaEngine desk = SlaEngine.builder().policy(policy)          // targets on shift calendars, YAML or code
                .member("olga", "consultants").member("lena", "leads")    // H2 in memory unless given a database
                .listener(event -> log.info("{} {} of {}", event.type(), event.metric(), event.requestId()))
                .build()) {
            String id = desk.submit(request);                             // both countdowns start, timers are set
            desk.respond(id, "olga", "Restart the exchange service");     // the response is met
            Instant due = desk.status(id).resolution().due();             // in working time of the policy's calendar
            log.info("resolution due {}", due);
        }
        // README opening example: end
    }

    @Test
    void theReadmeShowsTheHostApplicationVerbatim() {
        String code = read(MODULE.resolve("src/test/java/com/example/helpdesk/HelpDesk.java"));
        String section = README.substring(README.indexOf("## Embedding SlaEngine"));
        assertTrue(section.contains("```java\n" + code + "```\n"),
                "README.md, section 'Embedding SlaEngine', must hold HelpDesk.java verbatim in a java block");
    }

    @Test
    void theHostApplicationFilesRoutesAndShowsRequestsPerCustomer(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("desk-policy.yaml"), POLICY_YAML);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:helpdesk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        TestClock clock = TestClock.at(LocalDateTime.parse("2026-03-06T21:30").atZone(KYIV).toInstant());
        List<SlaEvent> alerts = new ArrayList<>();

        try (HelpDesk desk = new HelpDesk(h2, policy, clock, alerts::add)) {
            String id = desk.file(REQUEST);
            desk.file(ServiceRequest.builder().customer("globex").requester("max").tier(RequesterTier.KEY_USER)
                    .kind(RequestKind.EMERGENCY).severity(Severity.CRITICAL).subject("Tills are down")
                    .description("All shops").build());

            List<RequestStatus> cabinet = desk.cabinet("acme");
            assertEquals(List.of(id), cabinet.stream().map(RequestStatus::id).toList());
            assertEquals(RequestStage.RESPONSE, cabinet.get(0).stage());
            assertEquals(CountdownState.RUNNING, cabinet.get(0).response().state());
            assertEquals(LocalDateTime.parse("2026-03-07T11:30").atZone(KYIV).toInstant(), cabinet.get(0).response().due(),
                    "30 minutes on Friday, 3.5 hours on Saturday");
            assertEquals(List.of(id), desk.inbox("olga").stream().map(RequestStatus::id).toList());
            assertEquals(List.of("Tills are down"), desk.inbox("dmytro").stream().map(s -> s.request().subject()).toList());
            assertEquals(4, alerts.stream().filter(e -> e.type() == SlaEvent.Type.STARTED).count());
        }
    }

    /** Returns the lines between the markers, less the method body's indentation. */
    private static String marked(String text) {
        String body = text.substring(text.indexOf(BEGIN) + BEGIN.length(), text.indexOf(END));
        StringBuilder out = new StringBuilder();
        body.lines().forEach(line -> out.append(line.substring(Math.min(8, line.length()))).append('\n'));
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
