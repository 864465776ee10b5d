package io.slaflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's opening example is the marked part of {@code openingExample} below, and runs; its
 * Quick start is the two lines CI and users rely on.
 */
class ReadmeOpeningExampleTest {

    private static final Logger log = LoggerFactory.getLogger(ReadmeOpeningExampleTest.class);
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final String README = read(MODULE.resolveSibling("README.md"));
    private static final String BEGIN = "        // README opening example: begin\n";
    private static final String END = "        // README opening example: end\n";

    @Test
    void theOpeningExampleIsThisCodeAndRuns() {
        String code = marked(read(MODULE.resolve("src/test/java/io/slaflow/examples/ReadmeOpeningExampleTest.java")));
        String opening = README.substring(0, README.indexOf("\n## "));
        assertTrue(opening.contains("```java\n" + code + "```\n"), "README's opening java block must be:\n" + code);

        openingExample(SlaPolicies.parse("""
                name: desk
                calendars:
                  office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" } ] }
                targets:
                  - when: {}
                    calendar: office
                    response: PT4H
                    resolution: PT24H
                """), ServiceRequest.builder().customer("acme").requester("olena")
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                .subject("Exchange with the warehouse stopped").description("Since 09:10").build());
    }

    @Test
    void theQuickStartIsTwoLines() {
        String section = README.substring(README.indexOf("## Quick start"));
        String block = section.substring(section.indexOf("```\n") + 4, section.indexOf("```\n", section.indexOf("```\n") + 4));

        assertEquals("./mvnw -B -q -pl sla-examples -am -DskipTests package exec:java\n./mvnw -B verify\n", block);
    }

    private static void openingExample(SlaPolicy policy, ServiceRequest request) {
        // README opening example: begin
        try (SlaEngine desk = SlaEngine.builder().policy(policy)          // targets on shift calendars, YAML or code
                .member("olga", "consultants").member("lena", "leads")    // H2 in memory unless given a database
                .listener(event -> log.info("{} {} of {}", event.type(), event.metric(), event.requestId()))
                .build()) {
            String id = desk.submit(request);                             // both countdowns start on the SLA clock
            desk.respond(id, "olga", "Restart the exchange service");     // the response is met
            Instant due = desk.status(id).resolution().due();             // in working time of the policy's calendar
            log.info("resolution due {}", due);
        }
        // README opening example: end
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
            throw new UncheckedIOException(e);
        }
    }
}
