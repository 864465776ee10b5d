package com.example.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.policy.SlaPolicies;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AcceptanceExampleTest {

    @Test
    void theExampleTakesAChangeFromSolutionToWarranty() {
        AcceptanceStatus status = AcceptanceExample.agreeBuildAndAccept(SlaPolicies.parseFile("""
                name: desk
                calendars:
                  always: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" } ] }
                targets:
                  - when: {}
                    calendar: always
                    response: PT4H
                    resolution: PT40H
                    rework: PT8H
                contracts:
                  - { customer: acme, policy: desk, zone: Europe/Kyiv, paymentTerms: SPLIT_50_50, keyUsers: [taras] }
                """));
        assertEquals(AcceptanceStage.WARRANTY, status.stage());
        assertEquals(new BigDecimal("6.25"), status.acceptanceCase().payments().get(1).hours());
        var warranty = status.acceptanceCase().warranty().orElseThrow();
        assertEquals(warranty.start().atZone(ZoneId.of("Europe/Kyiv")).plusMonths(6).toInstant(), warranty.end(),
                "six months, counted in the contract's zone");
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String source = Files.readString(module.resolve("src/test/java/com/example/desk/AcceptanceExample.java"));
        String method = source.substring(source.indexOf("    static AcceptanceStatus agreeBuildAndAccept"),
                source.lastIndexOf("    }\n") + 6);
        String readme = Files.readString(module.resolveSibling("README.md"));
        String section = readme.substring(readme.indexOf("## Acceptance workflow"));
        assertTrue(section.contains("```java\n" + method.replaceAll("(?m)^    ", "") + "```\n"),
                "README.md, section 'Acceptance workflow', must show AcceptanceExample.agreeBuildAndAccept verbatim");
    }
}
